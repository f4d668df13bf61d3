package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.List;

/**
 * Why a peer of a call is not connected, read from its four states, its remote description and
 * the call's log: the state it is stuck in, what that state waits for, and the RFC section that
 * says so — for {@link LocalCall#diagnosis(Peer)} and the message of a wait that timed out. An
 * analysis of what was logged; it changes nothing. Not lesson API.
 */
final class CallDiagnosis {
    private CallDiagnosis() {}

    /** Each peer's states and how many candidates it has gathered, for messages that say where things stood. */
    static String situation(List<Peer> peers, EventLog log) {
        StringBuilder states = new StringBuilder(), counts = new StringBuilder();
        for (Peer p : peers) {
            long n = log.all(e -> e.source().equals(p.name()) && e.kind() == Event.Kind.CANDIDATE).size();
            states.append(p.state()).append("; ");
            counts.append(counts.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(n);
        }
        return states + "candidates gathered: " + counts;
    }

    /** One line per peer that is open and not connected, each {@code pc1: <diagnosis>}. */
    static String stuck(List<Peer> peers, EventLog log, IceSettings ice) {
        StringBuilder b = new StringBuilder();
        for (Peer p : peers) {
            if (!p.isClosed() && !p.state().connectionState().equals("connected")) b.append(p.name()).append(": ").append(of(p, log, ice)).append('\n');
        }
        return b.toString();
    }

    /**
     * Why a peer is not connected, read from its states and the log: the state it is stuck in and
     * what that state waits for.
     */
    static String of(Peer p, EventLog log, IceSettings settings) {
        PeerState s = p.state();
        String dtls = log.all(e -> e.source().equals(p.name()) && e.kind() == Event.Kind.STATE && e.name().equals(Event.DTLS))
                .stream().reduce((a, b) -> b).map(Event::detail).orElse("new");
        long trickled = log.all(e -> e.source().equals(p.name()) && e.kind() == Event.Kind.STEP_DONE
                && e.name().equals("addIceCandidate")).size();
        SessionDescription remote = p.remoteDescription();
        // The engine also writes trickled candidates into the remote description, so take the larger count, not the sum.
        long inSdp = remote == null ? 0 : remote.lines().stream().filter(l -> l.startsWith("a=candidate:")).count();
        long known = Math.max(trickled, inSdp);
        String n = p.name();
        if (!s.signalingState().equals("stable") || remote == null) {
            return "stuck in signaling '" + s.signalingState() + "': the offer/answer exchange is not finished, so ICE has "
                    + "nothing to check yet (RFC 9429 §3.2).";
        }
        // W3C webrtc-pc §4.3.3: the connection fails when an ICE or a DTLS transport fails; if ICE has not, DTLS has
        // (its own state event may still be on its way from the engine's thread).
        boolean dtlsFailed = dtls.equals("failed") || s.connectionState().equals("failed") && !s.iceConnectionState().equals("failed");
        if (dtlsFailed) {
            return "DTLS failed: the certificate the other peer presented does not match the a=fingerprint in its "
                    + "description (RFC 8122 §5; RFC 5763 §5), so no keys for SRTP.";
        }
        String ice = s.iceConnectionState();
        String gatheringProblem = gatheringProblem(p, log, settings);
        if ((ice.equals("new") || ice.equals("checking") || ice.equals("failed")) && gatheringProblem != null) {
            return "stuck in ICE '" + ice + "': " + gatheringProblem;
        }
        if (ice.equals("new") || ice.equals("checking")) {
            if (known == 0) {
                return "stuck in ICE '" + ice + "': " + n + " has no remote candidates — none were trickled to it and the "
                        + "description it received has no a=candidate lines, so there is no pair to check (RFC 8445 §6.1.2).";
            }
            return "stuck in ICE '" + ice + "': " + n + " has " + known + " remote candidates but no pair was nominated — "
                    + "the controlling peer (the offerer) nominates only a pair whose own check succeeded. Checks are "
                    + "authenticated with the a=ice-ufrag/a=ice-pwd of the peer they go to, so a wrong password in a "
                    + "description makes the checks signed with it fail with 401 Unauthorized (RFC 8445 §7.2.2; RFC 8489 "
                    + "§9.1.3); its candidatePairs(...) table shows which checks got answers.";
        }
        if (ice.equals("failed")) {
            return "ICE failed: every candidate pair failed its checks (RFC 8445 §7.2.5.2).";
        }
        if (!s.connectionState().equals("connected")) {
            return "ICE is " + ice + " but the connection is '" + s.connectionState() + "': DTLS is '" + dtls
                    + "', the handshake over the selected pair has not finished (RFC 8842 §5).";
        }
        return n + " is connected.";
    }

    /**
     * Why a peer has no candidate to offer when its ICE servers are the reason: under
     * {@code iceTransportPolicy relay} a peer whose TURN server refused or never answered gathers
     * nothing at all. Null when that is not the problem.
     */
    private static String gatheringProblem(Peer p, EventLog log, IceSettings ice) {
        if (ice.servers().isEmpty()) return null;
        boolean relayOnly = ice.policy().equals("relay");
        long gathered = p.localCandidates().stream().filter(c -> !c.isEndOfCandidates())
                .filter(c -> !relayOnly || c.type().equals("relay")).count();
        if (gathered > 0) return null;
        List<IceCandidateError> errors = IceCandidateError.all(log).stream().filter(e -> e.peer().equals(p.name())).toList();
        String none = p.name() + " gathered no " + (relayOnly ? "relay " : "") + "candidate";
        if (!errors.isEmpty()) return none + ": " + errors.get(0).explain() + ".";
        if (!relayOnly) return null;
        List<String> turnUrls = ice.servers().stream().flatMap(x -> x.urls().stream())
                .filter(u -> IceServer.scheme(u).startsWith("turn")).toList();
        return none + " and heard no icecandidateerror: nothing answered " + String.join(", ", turnUrls) + " — a blocked "
                + "transport is silent, and the engine reports 701 only when its retransmissions run out, about 40 s later "
                + "(RFC 8489 §6.2.1).";
    }
}
