/**
 * The one door to libwebrtc (webrtc-java): the JVM's single peer connection factory and audio
 * module ({@code Engine}), their release order, the kit's version facts. Not lesson API: lessons
 * reach the engine through {@code media} and {@code call}. Uses only the JDK and webrtc-java;
 * only {@code engine}, {@code media} and {@code call} import {@code dev.onvoid.webrtc}.
 */
package org.webrtcprimer.engine;
