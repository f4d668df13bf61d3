/**
 * getUserMedia in Java: synthetic and real sources, media streams, tracks, frames, the video view.
 * Wraps the engine's tracks (one of the three packages that import {@code dev.onvoid.webrtc});
 * uses {@code engine}, {@code events}, {@code notebook}.
 */
package org.webrtcprimer.media;
