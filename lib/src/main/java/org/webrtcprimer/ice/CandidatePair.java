package org.webrtcprimer.ice;

import java.util.Locale;
import java.util.Map;

/**
 * A local candidate and a remote one that ICE tried to connect: one row of a peer's
 * {@code candidate-pair} stats (W3C webrtc-stats §7.16), with both candidates joined in.
 *
 * @param id                the stats id of the pair
 * @param state             frozen, waiting, in-progress, succeeded or failed (RFC 8445 §6.1.2.6)
 * @param nominated         whether the controlling agent nominated it (RFC 8445 §8.1.1)
 * @param selected          whether it is the transport's selected pair: the one the media uses
 * @param priority          the pair priority (RFC 8445 §6.1.2.3), a 64-bit number
 * @param local             this peer's candidate
 * @param remote            the other peer's candidate (as this peer knows it)
 * @param bytesSent         payload bytes sent on the pair
 * @param bytesReceived     payload bytes received
 * @param packetsSent       packets sent
 * @param packetsReceived   packets received
 * @param requestsSent      STUN connectivity-check requests sent
 * @param requestsReceived  STUN requests received
 * @param responsesSent     STUN responses sent
 * @param responsesReceived STUN responses received
 * @param currentRttMs      the latest STUN round-trip time in ms, NaN when none was measured
 * @param transportId       the stats id of the transport the pair belongs to
 */
public record CandidatePair(String id, String state, boolean nominated, boolean selected, long priority,
                            Candidate local, Candidate remote, long bytesSent, long bytesReceived,
                            long packetsSent, long packetsReceived, long requestsSent, long requestsReceived,
                            long responsesSent, long responsesReceived, double currentRttMs, String transportId) {

    /**
     * Reads one {@code candidate-pair} stats object and the two candidate stats objects it points
     * to ({@code localCandidateId}, {@code remoteCandidateId}). Values may be Integer, Long,
     * BigInteger or Double, as the engine or a JSON file gives them.
     *
     * @param selected whether the transport names this pair as {@code selectedCandidatePairId}
     * @throws IllegalArgumentException naming what is missing
     */
    public static CandidatePair fromStats(Map<String, Object> pair, Map<String, Object> local, Map<String, Object> remote,
                                          boolean selected) {
        if (pair == null) throw new IllegalArgumentException("no candidate-pair stats");
        String id = StatsValues.str(pair, "id");
        if (local == null || remote == null) {
            throw new IllegalArgumentException("candidate pair " + id + ": its " + (local == null ? "local" : "remote")
                    + " candidate (" + StatsValues.str(pair, local == null ? "localCandidateId" : "remoteCandidateId")
                    + ") is not in the stats");
        }
        double rtt = StatsValues.dbl(pair, "currentRoundTripTime");
        return new CandidatePair(id, String.valueOf(StatsValues.str(pair, "state")), StatsValues.bool(pair, "nominated"), selected,
                StatsValues.lng(pair, "priority", 0), Candidate.fromStats(local), Candidate.fromStats(remote),
                StatsValues.lng(pair, "bytesSent", 0), StatsValues.lng(pair, "bytesReceived", 0),
                StatsValues.lng(pair, "packetsSent", 0), StatsValues.lng(pair, "packetsReceived", 0),
                StatsValues.lng(pair, "requestsSent", 0), StatsValues.lng(pair, "requestsReceived", 0),
                StatsValues.lng(pair, "responsesSent", 0), StatsValues.lng(pair, "responsesReceived", 0),
                Double.isNaN(rtt) ? Double.NaN : rtt * 1000, StatsValues.str(pair, "transportId"));
    }

    /**
     * The pair priority of RFC 8445 §6.1.2.3: 2^32·min(G, D) + 2·max(G, D) + (G &gt; D ? 1 : 0),
     * where G is the controlling agent's candidate priority and D the controlled agent's.
     */
    public static long priority(long controlling, long controlled) {
        if (controlling < 0 || controlling > 0xFFFF_FFFFL || controlled < 0 || controlled > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("candidate priorities are 32-bit: 0–4294967295");
        }
        return (Math.min(controlling, controlled) << 32) + 2 * Math.max(controlling, controlled)
                + (controlling > controlled ? 1 : 0);
    }

    /** Whether ICE checks on this pair succeeded. */
    public boolean succeeded() {
        return "succeeded".equals(state);
    }

    /** A short form: {@code 192.0.2.2:34612 udp host ⇄ 192.0.2.2:35121 udp host}. */
    public String route() {
        return endpoint(local) + " ⇄ " + endpoint(remote);
    }

    static String endpoint(Candidate c) {
        String a = c.address().contains(":") ? "[" + c.address() + "]" : c.address();
        return a + ":" + c.port() + " " + c.transport().toLowerCase(Locale.ROOT) + " " + c.type();
    }

    @Override
    public String toString() {
        return (selected ? "selected " : "") + state + (nominated ? " nominated" : "") + " " + route()
                + String.format(Locale.ROOT, " — requests %d/%d, responses %d/%d, bytes %d/%d%s", requestsSent, requestsReceived,
                responsesSent, responsesReceived, bytesSent, bytesReceived,
                Double.isNaN(currentRttMs) ? "" : String.format(Locale.ROOT, ", RTT %.1f ms", currentRttMs));
    }
}
