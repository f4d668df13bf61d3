package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the stats mean over time: rates from counters (bitrate from bytes, frames per second
 * from frame counts) and gauges read at each sample (round-trip time, jitter, the bandwidth
 * estimate). An analysis: it reads a {@link StatsRecording} and never draws.
 *
 * <p>A rate over an interval is Δcounter / Δtimestamp, using the objects' own timestamps as the
 * W3C spec advises; an interval whose counter went backwards (a stream restarted) is skipped.
 */
public final class Rates {
    private Rates() {}

    /** Bits per second each RTP stream carries, in kbps: pc1's outbound-rtp (bytesSent) and pc2's inbound-rtp (bytesReceived). */
    public static List<Series> bitrate(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(rate(rec, peer, "outbound-rtp", "bytesSent", 8 / 1000.0, "kbps", o -> peer + " sends " + o.kind()));
            out.addAll(rate(rec, peer, "inbound-rtp", "bytesReceived", 8 / 1000.0, "kbps", o -> peer + " receives " + o.kind()));
        }
        return out;
    }

    /** Video frames per second: encoded by the sender (framesEncoded), decoded by the receiver (framesDecoded). */
    public static List<Series> framesPerSecond(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(rate(rec, peer, "outbound-rtp", "framesEncoded", 1, "fps", o -> peer + " encodes video"));
            out.addAll(rate(rec, peer, "inbound-rtp", "framesDecoded", 1, "fps", o -> peer + " decodes video"));
        }
        return out;
    }

    /** Packets lost so far (cumulative): as each receiver counts them, and as RTCP reports them to the sender. */
    public static List<Series> packetsLost(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(gauge(rec, peer, "inbound-rtp", "packetsLost", 1, "packets", o -> peer + " lost receiving " + o.kind()));
            out.addAll(gauge(rec, peer, "remote-inbound-rtp", "packetsLost", 1, "packets",
                    o -> peer + " " + o.kind() + " lost, as the receiver reports (RTCP)"));
        }
        return out;
    }

    /**
     * Round-trip time in ms: per RTP stream from RTCP receiver reports (remote-inbound-rtp), and
     * per peer from ICE consent checks on the selected candidate pair (STUN).
     */
    public static List<Series> roundTripTime(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(gauge(rec, peer, "remote-inbound-rtp", "roundTripTime", 1000, "ms", o -> peer + " " + o.kind() + " (RTCP)"));
            out.addAll(selectedPair(rec, peer, "currentRoundTripTime", 1000, "ms", peer + " ICE (STUN, selected pair)"));
        }
        return out;
    }

    /** Interarrival jitter (RFC 3550 §6.4.1) in ms: measured by each receiver, and as RTCP reports it back to the sender. */
    public static List<Series> jitter(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(gauge(rec, peer, "inbound-rtp", "jitter", 1000, "ms", o -> peer + " receives " + o.kind()));
            out.addAll(gauge(rec, peer, "remote-inbound-rtp", "jitter", 1000, "ms", o -> peer + " " + o.kind() + ", as reported (RTCP)"));
        }
        return out;
    }

    /** The congestion controller's estimate of what each peer may send, in kbps (selected candidate pair). */
    public static List<Series> availableOutgoingBitrate(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(selectedPair(rec, peer, "availableOutgoingBitrate", 1 / 1000.0, "kbps", peer + " may send"));
        }
        return out;
    }

    /** Data channel payload per second, in MB/s (10⁶ bytes): sent by one end, received by the other. */
    public static List<Series> dataChannels(StatsRecording rec) {
        List<Series> out = new ArrayList<>();
        for (String peer : rec.peers()) {
            out.addAll(rate(rec, peer, "data-channel", "bytesSent", 1e-6, "MB/s", o -> peer + " sends on '" + o.string("label") + "'"));
            out.addAll(rate(rec, peer, "data-channel", "bytesReceived", 1e-6, "MB/s", o -> peer + " receives on '" + o.string("label") + "'"));
        }
        return out.stream().filter(s -> s.points().stream().anyMatch(p -> p.value() > 0)).toList();
    }

    /** Δmember/Δt per object of a type, in units per second × scale. Objects with no change at all are kept (a flat line says something). */
    static List<Series> rate(StatsRecording rec, String peer, String type, String member, double scale, String unit,
                             Function<StatsObject, String> name) {
        Map<String, List<Series.Point>> points = new LinkedHashMap<>();
        Map<String, StatsObject> first = new LinkedHashMap<>();
        StatsReport prev = null;
        for (StatsReport r : rec.reports(peer)) {
            for (StatsObject o : r.ofType(type)) {
                if (!o.has(member)) continue;
                first.putIfAbsent(o.id(), o);
                points.computeIfAbsent(o.id(), k -> new ArrayList<>());
                if (prev == null) continue;
                Optional<StatsObject> before = prev.get(o.id());
                if (before.isEmpty() || !before.get().has(member)) continue;
                double dt = (o.timestamp() - before.get().timestamp()) / 1000.0;
                double dv = o.doubleValue(member) - before.get().doubleValue(member);
                if (dt <= 0 || dv < 0 || Double.isNaN(dv)) continue;
                points.get(o.id()).add(new Series.Point(rec.sinceOrigin(r.nanos()), dv / dt * scale));
            }
            prev = r;
        }
        return named(peer, unit, name, points, first);
    }

    /** A member's value at each sample, × scale. */
    static List<Series> gauge(StatsRecording rec, String peer, String type, String member, double scale, String unit,
                              Function<StatsObject, String> name) {
        Map<String, List<Series.Point>> points = new LinkedHashMap<>();
        Map<String, StatsObject> first = new LinkedHashMap<>();
        for (StatsReport r : rec.reports(peer)) {
            for (StatsObject o : r.ofType(type)) {
                if (!o.has(member)) continue;
                first.putIfAbsent(o.id(), o);
                points.computeIfAbsent(o.id(), k -> new ArrayList<>())
                        .add(new Series.Point(rec.sinceOrigin(r.nanos()), o.doubleValue(member) * scale));
            }
        }
        return named(peer, unit, name, points, first);
    }

    /** A member of the selected candidate pair at each sample (the pair can change, e.g. after an ICE restart). */
    static List<Series> selectedPair(StatsRecording rec, String peer, String member, double scale, String unit, String name) {
        List<Series.Point> points = new ArrayList<>();
        for (StatsReport r : rec.reports(peer)) {
            Optional<StatsObject> pair = r.selectedCandidatePair();
            if (pair.isPresent() && pair.get().has(member)) {
                points.add(new Series.Point(rec.sinceOrigin(r.nanos()), pair.get().doubleValue(member) * scale));
            }
        }
        return points.isEmpty() ? List.of() : List.of(new Series(name, peer, "", unit, points));
    }

    private static List<Series> named(String peer, String unit, Function<StatsObject, String> name,
                                      Map<String, List<Series.Point>> points, Map<String, StatsObject> first) {
        List<Series> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        first.values().forEach(o -> seen.merge(name.apply(o), 1, Integer::sum));
        for (var e : points.entrySet()) {
            StatsObject o = first.get(e.getKey());
            String n = name.apply(o);
            if (seen.get(n) > 1) n += " (" + (o.has("ssrc") ? "ssrc " + o.string("ssrc") : o.id()) + ")"; // e.g. simulcast layers
            out.add(new Series(n, peer, o.kind(), unit, e.getValue()));
        }
        return out;
    }

    /** Keeps the series that match, e.g. {@code only(bitrate(rec), s -> s.kind().equals("video"))}. */
    public static List<Series> only(List<Series> series, Predicate<Series> which) {
        return series.stream().filter(which).toList();
    }
}
