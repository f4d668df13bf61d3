package org.webrtcprimer.call;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSignalingState;

/**
 * What the engine holds on to instead of a peer's own observer. webrtc-java 0.14.0 never frees a
 * closed peer connection, and the native object keeps its observer reachable for the life of the
 * JVM; this relay is all it keeps once {@link #detach()} has dropped the real observer (and with
 * it the peer, its call, its log and its views). Callbacks after that are dropped.
 */
final class ObserverRelay implements PeerConnectionObserver {
    private volatile PeerConnectionObserver target;

    ObserverRelay(PeerConnectionObserver target) {
        this.target = target;
    }

    void detach() {
        target = null;
    }

    boolean attached() {
        return target != null;
    }

    @Override
    public void onSignalingChange(RTCSignalingState state) {
        PeerConnectionObserver t = target;
        if (t != null) t.onSignalingChange(state);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        PeerConnectionObserver t = target;
        if (t != null) t.onConnectionChange(state);
    }

    @Override
    public void onIceConnectionChange(RTCIceConnectionState state) {
        PeerConnectionObserver t = target;
        if (t != null) t.onIceConnectionChange(state);
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
        PeerConnectionObserver t = target;
        if (t != null) t.onIceGatheringChange(state);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        PeerConnectionObserver t = target;
        if (t != null) t.onIceCandidate(candidate);
    }

    @Override
    public void onIceCandidateError(RTCPeerConnectionIceErrorEvent event) {
        PeerConnectionObserver t = target;
        if (t != null) t.onIceCandidateError(event);
    }

    @Override
    public void onIceCandidatesRemoved(RTCIceCandidate[] candidates) {
        PeerConnectionObserver t = target;
        if (t != null) t.onIceCandidatesRemoved(candidates);
    }

    @Override
    public void onRenegotiationNeeded() {
        PeerConnectionObserver t = target;
        if (t != null) t.onRenegotiationNeeded();
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        PeerConnectionObserver t = target;
        if (t != null) t.onTrack(transceiver);
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        PeerConnectionObserver t = target;
        if (t != null) t.onDataChannel(channel);
        else {
            try {
                channel.dispose(); // nobody will ever use it: release the Java side's reference
            } catch (Throwable ignored) {
            }
        }
    }
}
