package org.webrtcprimer.turn;

import org.webrtcprimer.call.Peer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate pair a peer's transport selected, read from its stats, with what a NAT or TURN
 * lesson asks of it: which kinds of candidate ({@code host}, {@code srflx}, {@code prflx},
 * {@code relay}) and how the packets travel to the TURN server ({@code relayProtocol}).
 *
 * @param peer          {@code pc1} or {@code pc2}
 * @param localType     the local candidate's type
 * @param remoteType    the remote candidate's type
 * @param protocol      the pair's transport between the peers' candidates: {@code udp} or {@code tcp}
 * @param relayProtocol for a local relay candidate, how this peer reaches its TURN server
 *                      ({@code udp}, {@code tcp} or {@code tls}); else empty
 * @param local         the local candidate's {@code address:port}
 * @param remote        the remote candidate's {@code address:port}
 * @param rttMs         the pair's {@code currentRoundTripTime} in ms, NaN when not measured yet
 */
public record SelectedPath(String peer, String localType, String remoteType, String protocol, String relayProtocol,
                           String local, String remote, double rttMs) {

    /**
     * pc1's selected pair once it has a round-trip time (connectivity checks measure it), waiting at
     * most 2 s after the call connected; the last pair seen (or null) when the time runs out.
     */
    public static SelectedPath await(org.webrtcprimer.call.LocalCall c) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
        SelectedPath last = null;
        while (System.nanoTime() < deadline) {
            last = of(c.pc1()).orElse(null);
            if (last != null && !Double.isNaN(last.rttMs())) return last;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /** The selected pair of {@code p} now, if its transport has selected one. */
    public static Optional<SelectedPath> of(Peer p) {
        List<Map<String, Object>> stats = p.getStats().w3c();
        Map<String, Map<String, Object>> byId = new HashMap<>();
        String selected = null;
        for (Map<String, Object> s : stats) {
            byId.put(String.valueOf(s.get("id")), s);
            if ("transport".equals(s.get("type")) && s.get("selectedCandidatePairId") != null) {
                selected = String.valueOf(s.get("selectedCandidatePairId"));
            }
        }
        Map<String, Object> pair = selected == null ? null : byId.get(selected);
        if (pair == null) return Optional.empty();
        Map<String, Object> l = byId.getOrDefault(String.valueOf(pair.get("localCandidateId")), Map.of());
        Map<String, Object> r = byId.getOrDefault(String.valueOf(pair.get("remoteCandidateId")), Map.of());
        Object rtt = pair.get("currentRoundTripTime");
        return Optional.of(new SelectedPath(p.name(), str(l, "candidateType"), str(r, "candidateType"), str(l, "protocol"),
                str(l, "relayProtocol"), str(l, "address") + ":" + str(l, "port"), str(r, "address") + ":" + str(r, "port"),
                rtt instanceof Number n ? n.doubleValue() * 1000 : Double.NaN));
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? "" : v.toString();
    }

    /** e.g. {@code relay ↔ relay over udp (TURN over tls)}. */
    public String route() {
        return localType + " ↔ " + remoteType + " over " + protocol + (relayProtocol.isEmpty() ? "" : " (TURN over " + relayProtocol + ")");
    }

    @Override
    public String toString() {
        return peer + ": " + route() + ", " + local + " → " + remote;
    }
}
