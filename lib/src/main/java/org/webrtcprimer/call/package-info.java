/**
 * The peer connection as the webrtc samples use it: {@code Peer} (pc1, pc2), {@code LocalCall},
 * offer options and call options, session descriptions, data channels and their measurements
 * (throughput, round trips), ICE restart, setup times. Wraps the engine (one of the three packages
 * that import {@code dev.onvoid.webrtc}); uses {@code engine}, {@code media}, {@code events},
 * {@code sdp}, {@code ice}, {@code net}, {@code notebook}. The observer relays are adapters, not
 * lesson API.
 */
package org.webrtcprimer.call;
