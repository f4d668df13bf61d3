package org.webrtcprimer.call;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.media.MediaSource;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import org.webrtcprimer.engine.Engine;

import java.util.UUID;

/**
 * The browser's {@code pc.addTransceiver(kind, {direction})} on webrtc-java 0.14.0, which can only
 * add a transceiver together with a track: a placeholder track that never produces anything is
 * added and at once taken off again ({@code replaceTrack(null)}), which leaves a transceiver
 * without a track — an m-section without a=msid or a=ssrc. Not lesson API: {@link Peer#addTransceiver}.
 */
final class TracklessTransceiver {
    private TracklessTransceiver() {}

    /** Adds it to {@code pc}; {@code peer} names the peer in the messages of bad arguments and failures. */
    static void add(RTCPeerConnection pc, String peer, String kind, String direction) {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new IllegalArgumentException(peer + ".addTransceiver: kind must be \"audio\" or \"video\", not " + quote(kind));
        }
        RTCRtpTransceiverDirection dir = direction(peer, direction);
        PeerConnectionFactory factory = Engine.get().factory();
        MediaSource source = kind.equals("audio") ? new CustomAudioSource() : new CustomVideoSource();
        MediaStreamTrack placeholder = null;
        try {
            placeholder = source instanceof CustomAudioSource a ? factory.createAudioTrack("placeholder-" + UUID.randomUUID(), a)
                    : factory.createVideoTrack("placeholder-" + UUID.randomUUID(), (CustomVideoSource) source);
            RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
            init.direction = dir;
            RTCRtpTransceiver t = pc.addTransceiver(placeholder, init);
            t.getSender().replaceTrack(null);
        } catch (Throwable t) {
            throw new CallException(peer + ".addTransceiver(" + kind + ", " + direction + ") failed: " + t.getMessage(), t);
        } finally {
            try {
                if (placeholder != null) placeholder.dispose();
                if (source instanceof CustomAudioSource a) a.dispose();
                else ((CustomVideoSource) source).dispose();
            } catch (Throwable ignored) {
                // the native side released it already; never retry (engine-notes.md)
            }
        }
    }

    private static RTCRtpTransceiverDirection direction(String peer, String direction) {
        return switch (direction == null ? "" : direction) {
            case "sendrecv" -> RTCRtpTransceiverDirection.SEND_RECV;
            case "sendonly" -> RTCRtpTransceiverDirection.SEND_ONLY;
            case "recvonly" -> RTCRtpTransceiverDirection.RECV_ONLY;
            case "inactive" -> RTCRtpTransceiverDirection.INACTIVE;
            default -> throw new IllegalArgumentException(peer + ".addTransceiver: direction must be \"recvonly\", \"sendrecv\", "
                    + "\"sendonly\" or \"inactive\", not " + quote(direction));
        };
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
