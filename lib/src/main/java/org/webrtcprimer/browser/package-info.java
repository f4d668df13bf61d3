/**
 * Chromium as the other peer: the headless browser process and a call with it. Uses
 * {@code signaling}, {@code call} and below.
 */
package org.webrtcprimer.browser;
