package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@link NetworkLab} reads the stats: one member of the selected pair or of the video or audio
 * RTP stream, its change or rate between two reports, and a {@link NetworkLab.Section}'s figures
 * from the reports of its stretch of time. Missing values are NaN, never an exception.
 */
final class LabStats {
    private LabStats() {}

    /** A section's figures from the reports sampled between {@code start} and {@code end} (and the one before). */
    static NetworkLab.Section section(StatsRecording rec, String label, long start, long end, long seen, long dropped) {
        List<StatsReport> pc1 = window(rec.reports("pc1"), start, end);
        List<StatsReport> pc2 = window(rec.reports("pc2"), start, end);
        StatsReport pc1Before = before(rec.reports("pc1"), start), pc2Before = before(rec.reports("pc2"), start);
        StatsReport pc1Last = pc1.isEmpty() ? null : pc1.get(pc1.size() - 1), pc2Last = pc2.isEmpty() ? null : pc2.get(pc2.size() - 1);
        double rtt = median(pc1.stream().map(r -> pair(r, "currentRoundTripTime") * 1000).toList());
        double avail = pc1Last == null ? Double.NaN : pair(pc1Last, "availableOutgoingBitrate") / 1000;
        double minAvail = pc1.stream().mapToDouble(r -> pair(r, "availableOutgoingBitrate") / 1000).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
        double videoKbps = rate(pc1Before, pc1Last, r -> video(r, "outbound-rtp", "bytesSent")) * 8 / 1000;
        double fps = rate(pc2Before, pc2Last, r -> video(r, "inbound-rtp", "framesDecoded"));
        double jb = delta(pc2Before, pc2Last, r -> video(r, "inbound-rtp", "jitterBufferDelay"))
                / delta(pc2Before, pc2Last, r -> video(r, "inbound-rtp", "jitterBufferEmittedCount")) * 1000;
        double concealed = delta(pc2Before, pc2Last, r -> audio(r, "inbound-rtp", "concealedSamples"))
                / delta(pc2Before, pc2Last, r -> audio(r, "inbound-rtp", "totalSamplesReceived")) * 100;
        String limitation = pc1Last == null ? "" : videoObject(pc1Last, "outbound-rtp").map(o -> o.string("qualityLimitationReason")).orElse("");
        double height = pc1Last == null ? Double.NaN : video(pc1Last, "outbound-rtp", "frameHeight");
        return new NetworkLab.Section(label, start, end, rtt,
                (long) delta(pc1Before, pc1Last, r -> video(r, "outbound-rtp", "nackCount")),
                (long) delta(pc1Before, pc1Last, r -> video(r, "outbound-rtp", "retransmittedPacketsSent")),
                (long) delta(pc1Before, pc1Last, r -> video(r, "outbound-rtp", "pliCount")),
                (long) delta(pc2Before, pc2Last, r -> video(r, "inbound-rtp", "packetsLost")),
                concealed, jb, avail, minAvail, videoKbps, limitation, height, fps, seen, dropped);
    }

    private static List<StatsReport> window(List<StatsReport> all, long start, long end) {
        return all.stream().filter(r -> r.nanos() >= start && r.nanos() <= end + NetworkLab.INTERVAL.toNanos()).toList();
    }

    private static StatsReport before(List<StatsReport> all, long t) {
        StatsReport b = null;
        for (StatsReport r : all) if (r.nanos() < t) b = r;
        return b;
    }

    /** A member of the selected candidate pair, or NaN. */
    static double pair(StatsReport r, String member) {
        return r == null ? Double.NaN : r.selectedCandidatePair().map(o -> o.doubleValue(member)).orElse(Double.NaN);
    }

    static Optional<StatsObject> videoObject(StatsReport r, String type) {
        return kindObject(r, type, "video");
    }

    private static Optional<StatsObject> kindObject(StatsReport r, String type, String kind) {
        // the RTX and FEC streams have no kind of their own in outbound-rtp; take the one with the most bytes
        return r.ofType(type).stream().filter(o -> kind.equals(o.kind()))
                .max((a, b) -> Double.compare(num(a, "bytesSent", "bytesReceived"), num(b, "bytesSent", "bytesReceived")));
    }

    private static double num(StatsObject o, String a, String b) {
        double x = o.doubleValue(a);
        return Double.isNaN(x) ? o.number(b).orElse(0.0) : x;
    }

    /** A member of the video {@code type} object (outbound-rtp, inbound-rtp), or NaN. */
    static double video(StatsReport r, String type, String member) {
        return r == null ? Double.NaN : videoObject(r, type).map(o -> o.doubleValue(member)).orElse(Double.NaN);
    }

    /** A member of the audio {@code type} object, or NaN. */
    static double audio(StatsReport r, String type, String member) {
        return r == null ? Double.NaN : kindObject(r, type, "audio").map(o -> o.doubleValue(member)).orElse(Double.NaN);
    }

    private static double delta(StatsReport a, StatsReport b, Function<StatsReport, Double> f) {
        if (b == null) return Double.NaN;
        double x = f.apply(b), y = a == null ? 0 : f.apply(a);
        if (Double.isNaN(y)) y = 0;
        return x - y;
    }

    private static double rate(StatsReport a, StatsReport b, Function<StatsReport, Double> f) {
        if (a == null || b == null || b.nanos() <= a.nanos()) return Double.NaN;
        return delta(a, b, f) / ((b.nanos() - a.nanos()) / 1e9);
    }

    static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
