package org.webrtcprimer.signaling;

import org.webrtcprimer.call.IceCandidate;
import org.webrtcprimer.call.RelayRouting;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;

import java.util.ArrayList;
import java.util.List;

/**
 * What one side of a {@link RemoteCall} sends and receives over signaling: its description, its
 * candidates held until the description is out (Trickle ICE, RFC 8838: candidates follow their
 * description), the other side's candidates as the kit's {@link IceCandidate} — each rewritten
 * by the kit's relay when this process holds one.
 */
final class CallSignals {
    private final SignalingClient signaling;
    private final Relay relay;
    private final Way own;
    private final EventLog log;
    private final List<IceCandidate> held = new ArrayList<>();
    private boolean descriptionSent; // guarded by held

    /**
     * @param relay the relay this process holds for the call, or null for a direct call
     * @param own   the way this side's packets travel: pc1 → pc2 for the caller
     */
    CallSignals(SignalingClient signaling, Relay relay, Way own, EventLog log) {
        this.signaling = signaling;
        this.relay = relay;
        this.own = own;
        this.log = log;
    }

    /** Sends this side's offer or answer, then the candidates gathered before it. */
    void sendDescription(SessionDescription description) {
        if (relay != null) description = RelayRouting.handOver(relay, description, own, log);
        signaling.send(Message.of(description.type(), "sdp", description.sdp()));
        List<IceCandidate> waiting;
        synchronized (held) {
            descriptionSent = true;
            waiting = new ArrayList<>(held);
            held.clear();
        }
        waiting.forEach(this::sendNow);
    }

    /** Sends one of this side's candidates, or holds it while the description has not gone out. */
    void sendCandidate(IceCandidate c) {
        if (!signaling.isOpen()) return;
        synchronized (held) {
            // Gathering starts at setLocalDescription, before the description itself is sent:
            // hold candidates until it is, so the other side never gets a candidate for a
            // description it has not seen.
            if (!descriptionSent) {
                held.add(c);
                return;
            }
        }
        sendNow(c);
    }

    private void sendNow(IceCandidate c) {
        if (relay != null) {
            c = RelayRouting.handOver(relay, c, own, log);
            if (c == null) return;
        }
        signaling.send(Message.of(Protocol.CANDIDATE, "candidate", c.candidate(), "sdpMid", c.sdpMid(),
                "sdpMLineIndex", c.sdpMLineIndex()));
    }

    /** The other side's description as this side's peer gets it (through the relay's faces, when there is one). */
    SessionDescription received(SessionDescription description) {
        return relay == null ? description : RelayRouting.handOver(relay, description, own.reverse(), log);
    }

    /** The other side's {@code candidate} message as a candidate for this side's peer, or null when the relay cannot carry it. */
    IceCandidate received(Message candidate) {
        IceCandidate c = new IceCandidate(candidate.string("sdpMid").orElse(null),
                candidate.number("sdpMLineIndex").orElse(0L).intValue(), candidate.require("candidate"), null);
        return relay == null ? c : RelayRouting.handOver(relay, c, own.reverse(), log);
    }
}
