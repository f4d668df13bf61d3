package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code getStats()} result of one peer, taken at one moment — the W3C {@code RTCStatsReport}
 * as plain data (no engine needed to read it, so a dump can be loaded anywhere).
 *
 * @param peer      "pc1" or "pc2"
 * @param nanos     when the kit received it, on the kit's clock (the same clock as the event log)
 * @param timestamp the engine's report timestamp, ms since 1970
 * @param objects   every object by id, ordered by type (RTP first, certificates last), then id
 */
public record StatsReport(String peer, long nanos, double timestamp, Map<String, StatsObject> objects) {

    /** The order the kit lists types in: what a learner looks at first comes first. */
    public static final List<String> TYPE_ORDER = List.of("outbound-rtp", "inbound-rtp", "remote-inbound-rtp",
            "remote-outbound-rtp", "media-source", "codec", "transport", "candidate-pair", "local-candidate",
            "remote-candidate", "certificate", "data-channel", "peer-connection");

    public StatsReport {
        List<StatsObject> sorted = new ArrayList<>(objects == null ? List.of() : objects.values());
        sorted.sort(Comparator.comparingInt((StatsObject o) -> typeRank(o.type())).thenComparing(StatsObject::type)
                .thenComparing(StatsObject::id));
        Map<String, StatsObject> m = new LinkedHashMap<>();
        for (StatsObject o : sorted) m.put(o.id(), o);
        objects = Collections.unmodifiableMap(m);
    }

    static int typeRank(String type) {
        int i = TYPE_ORDER.indexOf(type);
        return i < 0 ? TYPE_ORDER.size() : i;
    }

    /** A peer's stats now: {@code pc.getStats()} as plain data. */
    public static StatsReport of(Peer peer) {
        if (peer == null) throw new IllegalArgumentException("whose stats? pass call.pc1() or call.pc2()");
        return peer.getStats();
    }

    /** Converts the engine's report (microsecond timestamps, BigInteger counters) into plain data. */
    static StatsReport from(String peer, RTCStatsReport report, long nanos) {
        Map<String, StatsObject> m = new LinkedHashMap<>();
        for (RTCStats s : report.getStats().values()) {
            m.put(s.getId(), new StatsObject(s.getId(), typeName(s.getType()), s.getTimestamp() / 1000.0, s.getAttributes()));
        }
        return new StatsReport(peer, nanos, report.getTimestamp() / 1000.0, m);
    }

    /** The W3C name of an engine type: {@code INBOUND_RTP} → {@code inbound-rtp}. */
    static String typeName(RTCStatsType t) {
        return t == null ? "unknown" : t.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The report as W3C-shaped maps, one per object: {@code id}, {@code type} (e.g.
     * {@code candidate-pair}), {@code timestamp} (µs, as the engine gives it) and the values —
     * what {@code ice.CandidatePairs.of(peer, stats)} reads.
     */
    public List<Map<String, Object>> w3c() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StatsObject o : objects.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("type", o.type());
            m.put("timestamp", o.timestamp() * 1000.0);
            m.putAll(o.values());
            out.add(m);
        }
        return out;
    }

    /** The object with this id, if present. */
    public Optional<StatsObject> get(String id) {
        return Optional.ofNullable(id == null ? null : objects.get(id));
    }

    /** The objects of one type, e.g. {@code ofType("inbound-rtp")}. */
    public List<StatsObject> ofType(String type) {
        return objects.values().stream().filter(o -> o.type().equals(type)).toList();
    }

    /** The types present, in the kit's order. */
    public List<String> types() {
        return objects.values().stream().map(StatsObject::type).distinct().toList();
    }

    /** The candidate pair ICE selected, from {@code transport.selectedCandidatePairId}. */
    public Optional<StatsObject> selectedCandidatePair() {
        for (StatsObject t : ofType("transport")) {
            Optional<StatsObject> p = get(t.string("selectedCandidatePairId"));
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /**
     * The codecs in use in this report: each outbound-rtp and inbound-rtp entry's codec, e.g.
     * {@code sends video VP9/90000 (payload type 98, profile-id=0)}, sending first, each direction
     * sorted (audio before video). Empty until media flows.
     */
    public List<String> codecsInUse() {
        List<String> out = new ArrayList<>();
        for (String type : List.of("outbound-rtp", "inbound-rtp")) {
            List<String> lines = new ArrayList<>();
            for (StatsObject s : ofType(type)) {
                StatsObject c = get(s.string("codecId")).orElse(null);
                if (c == null) continue; // nothing sent or received on it yet
                String mime = c.string("mimeType");      // e.g. video/VP9
                String fmtp = c.has("sdpFmtpLine") ? ", " + c.string("sdpFmtpLine") : "";
                lines.add((type.equals("outbound-rtp") ? "sends " : "receives ") + mime.replaceFirst("/", " ")
                        + "/" + c.get("clockRate") + " (payload type " + c.get("payloadType") + fmtp + ")");
            }
            lines.sort(null);
            out.addAll(lines);
        }
        return out;
    }

    /** Milliseconds on the kit's clock. */
    public double millis() {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        Map<String, Long> count = new LinkedHashMap<>();
        for (StatsObject o : objects.values()) count.merge(o.type(), 1L, Long::sum);
        return peer + " stats at " + org.webrtcprimer.events.KitClock.stamp(nanos) + ": " + objects.size() + " objects " + count;
    }
}
