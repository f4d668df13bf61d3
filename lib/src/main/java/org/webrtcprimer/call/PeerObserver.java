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
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link Peer}'s engine callbacks: every one lands in the call's event log first; then the
 * call's wiring (where candidates, tracks and channels go) sees it. A failure in the wiring is
 * logged, never thrown back into the engine's thread. Not lesson API.
 */
final class PeerObserver implements PeerConnectionObserver {
    private final String name;
    private final EventLog log;
    private final Function<RTCDataChannel, DataChannel> adopt;
    private final List<IceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    private volatile Consumer<IceCandidate> onIceCandidate = c -> {};
    private volatile Consumer<RTCRtpTransceiver> onTrack = t -> {};
    private volatile Consumer<RTCDataChannel> onDataChannel = c -> {};

    /** @param adopt wraps a channel the other peer opened in the kit's {@link DataChannel}, before any message arrives */
    PeerObserver(String name, EventLog log, Function<RTCDataChannel, DataChannel> adopt) {
        this.name = name;
        this.log = log;
        this.adopt = adopt;
    }

    /** Where each gathered candidate goes (null: nowhere). */
    void candidatesTo(Consumer<IceCandidate> c) {
        onIceCandidate = c == null ? x -> {} : c;
    }

    /** Where each remote track goes. */
    void tracksTo(Consumer<RTCRtpTransceiver> c) {
        onTrack = c == null ? t -> {} : c;
    }

    /** Where each channel the other peer opens goes, after the kit has wrapped it. */
    void channelsTo(Consumer<RTCDataChannel> c) {
        onDataChannel = c == null ? ch -> {} : c;
    }

    /** The candidates gathered so far, in order. */
    List<IceCandidate> localCandidates() {
        return List.copyOf(localCandidates);
    }

    /** Forgets the wiring (at close): nothing the call set up stays reachable from the engine. */
    void unwire() {
        candidatesTo(null);
        tracksTo(null);
        channelsTo(null);
    }

    @Override
    public void onSignalingChange(RTCSignalingState state) {
        log.add(name, Event.Kind.STATE, Event.SIGNALING, States.w3c(state));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        log.add(name, Event.Kind.STATE, Event.CONNECTION, States.w3c(state));
    }

    @Override
    public void onIceConnectionChange(RTCIceConnectionState state) {
        log.add(name, Event.Kind.STATE, Event.ICE_CONNECTION, States.w3c(state));
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
        log.add(name, Event.Kind.STATE, Event.ICE_GATHERING, States.w3c(state));
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        if (candidate == null) return;
        IceCandidate c = IceCandidate.from(candidate);
        localCandidates.add(c);
        log.add(name, Event.Kind.CANDIDATE, "icecandidate", c.candidate());
        try {
            onIceCandidate.accept(c);
        } catch (Throwable t) {
            log.add(name, Event.Kind.NOTE, "failed to deliver ICE candidate", String.valueOf(t.getMessage()));
        }
    }

    @Override
    public void onIceCandidateError(RTCPeerConnectionIceErrorEvent event) {
        // The browser's icecandidateerror: code, text and URL of the server, the local address it left from.
        Integer port = event.getPort();
        IceCandidateError e = new IceCandidateError(name, event.getErrorCode(), String.valueOf(event.getErrorText()).strip(),
                String.valueOf(event.getUrl()), event.getAddress() == null || event.getAddress().isEmpty() ? "?" : event.getAddress(),
                port == null ? -1 : port);
        log.add(name, Event.Kind.NOTE, IceCandidateError.EVENT, e.detail());
    }

    @Override
    public void onIceCandidatesRemoved(RTCIceCandidate[] candidates) {
        log.add(name, Event.Kind.NOTE, "ICE candidates removed", String.valueOf(candidates.length));
    }

    @Override
    public void onRenegotiationNeeded() {
        log.add(name, Event.Kind.NOTE, "negotiationneeded", "");
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        String kind;
        try {
            kind = transceiver.getReceiver().getTrack().getKind();
        } catch (Throwable t) {
            kind = "unknown";
        }
        log.add(name, Event.Kind.TRACK, "track", kind);
        try {
            onTrack.accept(transceiver);
        } catch (Throwable t) {
            log.add(name, Event.Kind.NOTE, "failed to attach remote track", String.valueOf(t.getMessage()));
        }
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        // Wrap first: the kit's observer must be in place before any message is delivered.
        DataChannel c = adopt.apply(channel);
        log.add(name, Event.Kind.NOTE, "datachannel", "'" + c.label() + "' (" + c.options().describe() + ")");
        onDataChannel.accept(channel);
    }
}
