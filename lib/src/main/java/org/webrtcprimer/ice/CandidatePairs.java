package org.webrtcprimer.ice;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every candidate pair one peer's ICE agent formed, read from its stats, with the selected pair
 * marked — the pairs table of chrome://webrtc-internals.
 *
 * <pre>{@code
 * var pairs = call.pc1().candidatePairs();   // CandidatePairs.of("pc1", stats) for W3C-shaped stats
 * pairs.selected()      // the pair the media flows on
 * show(pairs.table());
 * }</pre>
 *
 * <p>It reads only the stats types ICE needs: {@code candidate-pair}, {@code local-candidate},
 * {@code remote-candidate} and {@code transport} (whose {@code selectedCandidatePairId} names the
 * selected pair; webrtc-java has no other way to ask).
 *
 * @param peer        whose stats these are
 * @param iceRole     {@code controlling} or {@code controlled} (RFC 8445 §6.1.1), empty if unknown
 * @param iceState    the transport's ICE state when the stats were taken
 * @param dtlsState   the transport's DTLS state
 * @param localUfrag  the ICE username fragment this peer uses now (changes on ICE restart)
 * @param selectedPairChanges how many times the selected pair changed
 * @param pairs       the pairs, highest priority first
 */
public record CandidatePairs(String peer, String iceRole, String iceState, String dtlsState, String localUfrag,
                             long selectedPairChanges, List<CandidatePair> pairs) {

    public CandidatePairs {
        pairs = List.copyOf(pairs);
    }

    /**
     * The pairs in stats shaped as the W3C's JSON (what a browser's {@code getStats()} values
     * look like as JSON, and what a stats dump stores): one map per stats object with its
     * {@code id}, {@code type} and values.
     */
    public static CandidatePairs of(String peer, List<Map<String, Object>> stats) {
        if (stats == null) throw new IllegalArgumentException("no stats");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> s : stats) {
            String id = StatsValues.str(s, "id");
            if (id != null) byId.put(id, s);
        }
        String role = "", iceState = "", dtlsState = "", ufrag = "";
        long changes = 0;
        List<String> selectedIds = new ArrayList<>();
        for (Map<String, Object> s : stats) {
            if (!"transport".equals(StatsValues.str(s, "type"))) continue;
            String sel = StatsValues.str(s, "selectedCandidatePairId");
            if (sel != null) selectedIds.add(sel);
            role = orElse(StatsValues.str(s, "iceRole"), role);
            iceState = orElse(StatsValues.str(s, "iceState"), iceState);
            dtlsState = orElse(StatsValues.str(s, "dtlsState"), dtlsState);
            ufrag = orElse(StatsValues.str(s, "iceLocalUsernameFragment"), ufrag);
            changes += StatsValues.lng(s, "selectedCandidatePairChanges", 0);
        }
        List<CandidatePair> pairs = new ArrayList<>();
        for (Map<String, Object> s : stats) {
            if (!"candidate-pair".equals(StatsValues.str(s, "type"))) continue;
            String id = StatsValues.str(s, "id");
            pairs.add(CandidatePair.fromStats(s, byId.get(StatsValues.str(s, "localCandidateId")),
                    byId.get(StatsValues.str(s, "remoteCandidateId")), selectedIds.contains(id)));
        }
        pairs.sort(Comparator.comparing(CandidatePair::selected).reversed()
                .thenComparing(Comparator.comparingLong((CandidatePair p) -> p.priority()).reversed()));
        return new CandidatePairs(peer, role, iceState, dtlsState, ufrag, changes, pairs);
    }

    private static String orElse(String v, String other) {
        return v == null ? other : v;
    }

    /** The pairs as CSV, one record per pair; candidates as their SDP lines. */
    public String toCsv() {
        return IceCodec.pairsCsv(this);
    }

    /** The pairs and the transport's ICE facts as JSON. */
    public String toJson() {
        return IceCodec.pairsJson(this);
    }

    /**
     * Reads pairs written by {@link #toCsv()}. CSV keeps the pairs, the peer and its ICE role; the
     * transport's states and ufrag are only in JSON.
     *
     * @throws IllegalArgumentException naming the record and field that are wrong
     */
    public static CandidatePairs fromCsv(String csv) {
        return IceCodec.pairsFromCsv(csv);
    }

    /**
     * Reads pairs written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the entry and field that are wrong
     */
    public static CandidatePairs fromJson(String json) {
        return IceCodec.pairsFromJson(json);
    }

    /** The pair the media flows on, if ICE has selected one. */
    public Optional<CandidatePair> selected() {
        return pairs.stream().filter(CandidatePair::selected).findFirst();
    }

    /** The pairs in a given state, e.g. {@code succeeded}. */
    public List<CandidatePair> inState(String state) {
        return pairs.stream().filter(p -> p.state().equals(state)).toList();
    }

    /** The table view: one row per pair, the selected one highlighted. */
    public PairTable table() {
        return new PairTable(this);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(peer + ": " + pairs.size() + " candidate pair" + (pairs.size() == 1 ? "" : "s")
                + (iceRole.isEmpty() ? "" : ", " + iceRole) + (iceState.isEmpty() ? "" : ", ICE " + iceState)
                + (localUfrag.isEmpty() ? "" : ", ufrag " + localUfrag) + "\n");
        for (CandidatePair p : pairs) b.append("  ").append(p).append('\n');
        return b.toString();
    }
}
