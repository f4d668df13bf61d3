/**
 * Display primitives every layer may use to show itself in a notebook: {@code Table},
 * {@code Html}, {@code Renderable}, {@code Style}, progress and long runs, the kernel bridge.
 * The bottom layer: uses only the JDK.
 */
package org.webrtcprimer.notebook;
