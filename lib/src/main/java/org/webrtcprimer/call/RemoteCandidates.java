package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCPeerConnection;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The other peer's candidates on their way into a peer connection. Until a remote description is
 * set they wait here (the engine would drop them without a word); once it is, a candidate whose
 * media section that description does not have is refused with the reason (the engine would drop
 * that one silently too), and the others go to the engine, each step logged. Not lesson API:
 * {@link Peer#addIceCandidate}.
 */
final class RemoteCandidates {
    private final String peer;
    private final EventLog log;
    private final RTCPeerConnection pc;
    private final Supplier<SessionDescription> remoteDescription;
    private final List<IceCandidate> pending = new ArrayList<>();
    private boolean ready;

    RemoteCandidates(String peer, EventLog log, RTCPeerConnection pc, Supplier<SessionDescription> remoteDescription) {
        this.peer = peer;
        this.log = log;
        this.pc = pc;
        this.remoteDescription = remoteDescription;
    }

    /**
     * Gives {@code c} to the engine, or keeps it until {@link #ready()} when no remote description
     * is set yet; {@code how} is added to the log line (e.g. "queued"), or null.
     */
    void add(IceCandidate c, String how) {
        if (queueUntilReady(c)) {
            log.add(peer, Event.Kind.NOTE, "addIceCandidate waits for a remote description", c.brief());
            return;
        }
        String wrongSection = wrongSection(peer, remoteDescription.get(), c);
        if (wrongSection != null) {
            log.add(peer, Event.Kind.STEP_FAILED, "addIceCandidate", wrongSection);
            throw new CallException(peer + ".addIceCandidate: " + wrongSection + " — candidate was '" + c.candidate() + "'");
        }
        try {
            pc.addIceCandidate(c.toEngine());
            log.add(peer, Event.Kind.STEP_DONE, "addIceCandidate", c.brief() + (how == null ? "" : " (" + how + ")"));
        } catch (Throwable t) {
            // Malformed candidates come back as java.lang.Error, not an exception.
            log.add(peer, Event.Kind.STEP_FAILED, "addIceCandidate", t.getMessage());
            throw new CallException(peer + ".addIceCandidate failed: " + t.getMessage() + " — candidate was '"
                    + c.candidate() + "'", t);
        }
    }

    private synchronized boolean queueUntilReady(IceCandidate c) {
        if (ready) return false;
        pending.add(c);
        return true;
    }

    /**
     * The remote description is set: from now on candidates go straight in. Returns those that
     * waited, in order, for the caller to {@link #add} outside this lock (the engine's thread may be
     * delivering a candidate right now).
     */
    synchronized List<IceCandidate> ready() {
        ready = true;
        List<IceCandidate> queued = new ArrayList<>(pending);
        pending.clear();
        return queued;
    }

    /**
     * Why the engine would drop this candidate without a word, or null: its media section is not
     * in the remote description (libwebrtc matches by sdpMid, else by sdpMLineIndex; RFC 8839 §5.1).
     */
    static String wrongSection(String peer, SessionDescription remote, IceCandidate c) {
        if (remote == null) return null;
        List<String> mids = new ArrayList<>();
        int sections = 0;
        for (String l : remote.lines()) {
            if (l.startsWith("m=")) sections++;
            else if (l.startsWith("a=mid:")) mids.add(l.substring(6).strip());
        }
        if (c.sdpMid() != null && !c.sdpMid().isEmpty()) {
            return mids.contains(c.sdpMid()) ? null : "the candidate is for media section '" + c.sdpMid() + "', but "
                    + peer + "'s remote description has " + (mids.isEmpty() ? "no a=mid" : "only " + mids);
        }
        return c.sdpMLineIndex() >= 0 && c.sdpMLineIndex() < sections ? null : "the candidate is for m-line index "
                + c.sdpMLineIndex() + ", but " + peer + "'s remote description has " + sections + " m-lines";
    }
}
