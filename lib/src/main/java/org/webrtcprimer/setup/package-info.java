/**
 * Lesson 00: what the machine has (Java, engine, codecs, a call) as one report. Uses {@code call},
 * {@code media} and below.
 */
package org.webrtcprimer.setup;
