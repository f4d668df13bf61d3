package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsReport;

import org.webrtcprimer.call.SessionDescription;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stats samples of a call over time — what webrtc-internals keeps for its graphs — plus the
 * descriptions the peers had, so stats objects can be linked back to SDP lines.
 *
 * @param interval     the sampling interval
 * @param originNanos  time zero of the charts: when the call started, on the kit's clock
 * @param reports      every sample of every peer, in time order
 * @param descriptions each peer's latest local and remote description
 * @param dropped      samples dropped because the recording was full (oldest first)
 */
public record StatsRecording(Duration interval, long originNanos, List<StatsReport> reports,
                             Map<String, Descriptions> descriptions, long dropped) {

    /**
     * A peer's descriptions at the last sample.
     *
     * @param local  what the peer applied as its own (offer or answer), or null
     * @param remote what it applied from the other peer, or null
     */
    public record Descriptions(SessionDescription local, SessionDescription remote) {}

    public StatsRecording {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a recording needs a positive sampling interval");
        }
        reports = List.copyOf(reports);
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions == null ? Map.of() : descriptions));
    }

    /** The peers sampled, in order of first appearance. */
    public List<String> peers() {
        return reports.stream().map(StatsReport::peer).distinct().toList();
    }

    /** One peer's samples, in time order. */
    public List<StatsReport> reports(String peer) {
        return reports.stream().filter(r -> r.peer().equals(peer)).toList();
    }

    /** A peer's latest sample. */
    public Optional<StatsReport> last(String peer) {
        List<StatsReport> r = reports(peer);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1));
    }

    /** A peer's latest sample, or a clear error saying there is none. */
    public StatsReport latest(String peer) {
        return last(peer).orElseThrow(() -> new IllegalStateException("no stats samples of " + peer + " in this recording "
                + "(peers sampled: " + peers() + ") — let the sampler run for at least one interval (" + interval.toMillis() + " ms)"));
    }

    /** Number of samples of one peer. */
    public int size(String peer) {
        return reports(peer).size();
    }

    /** Time from the first sample to the last, in ms. */
    public double spanMillis() {
        return reports.isEmpty() ? 0 : (reports.get(reports.size() - 1).nanos() - reports.get(0).nanos()) / 1e6;
    }

    /** Milliseconds since {@link #originNanos()} of a kit-clock time. */
    public double sinceOrigin(long nanos) {
        return (nanos - originNanos) / 1e6;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StatsRecording: every " + interval.toMillis() + " ms");
        for (String p : peers()) sb.append(", ").append(p).append(" ").append(size(p)).append(" samples");
        sb.append(String.format(", %.1f ms from first to last", spanMillis()));
        if (dropped > 0) sb.append(", ").append(dropped).append(" oldest dropped");
        return sb.toString();
    }
}
