package org.webrtcprimer.signaling;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.util.Comparator;
import java.util.List;

/**
 * How far another process's kit clock is from ours, estimated from ping/pong round trips through
 * the signaling server — the same reasoning as NTP's (RFC 5905 §8) and Cristian's algorithm.
 *
 * <p>One round trip: we send {@code ping} at {@code t0} (our clock); the other side stamps
 * {@code t1} (its clock) when it answers; the {@code pong} arrives at {@code t2} (our clock).
 * If the way there took as long as the way back, the other side read {@code t1} at our
 * {@code (t0 + t2) / 2}, so its clock is ahead of ours by {@code t1 − (t0 + t2) / 2}. Whatever
 * the two halves really took, the true offset lies within half the round trip of that estimate.
 * The kit keeps the sample with the shortest round trip: the tightest bound.
 *
 * @param offsetNanos how far the other clock is ahead of ours (negative: behind)
 * @param rttNanos    the round trip of the sample used; the estimate is good to ± half of it
 * @param samples     every round trip measured, in order
 */
public record ClockOffset(long offsetNanos, long rttNanos, List<Sample> samples) implements Renderable {

    /** One round trip: {@code t0}, {@code t2} on our clock, {@code t1} on the other's. */
    public record Sample(long t0, long t1, long t2) {
        /** The round trip, on our clock. */
        public long rttNanos() {
            return t2 - t0;
        }

        /** This sample's estimate of the offset. */
        public long offsetNanos() {
            return t1 - (t0 + t2) / 2;
        }
    }

    /** The estimate from the sample with the shortest round trip. */
    public static ClockOffset of(List<Sample> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("a clock offset needs at least one ping/pong round trip");
        }
        Sample best = samples.stream().min(Comparator.comparingLong(Sample::rttNanos)).orElseThrow();
        return new ClockOffset(best.offsetNanos(), best.rttNanos(), List.copyOf(samples));
    }

    /** No offset: for logs already on our clock. */
    public static ClockOffset zero() {
        return new ClockOffset(0, 0, List.of());
    }

    /** A time on the other side's clock, moved onto ours. */
    public long toLocal(long remoteNanos) {
        return remoteNanos - offsetNanos;
    }

    /** The offset in ms. */
    public double offsetMillis() {
        return offsetNanos / 1e6;
    }

    /** How far off the estimate can be, at most, in ms: half the round trip. */
    public double errorBoundMillis() {
        return rttNanos / 2e6;
    }

    /**
     * Every round trip as a row — t0 and t2 on our clock, t1 on the other's, in ms — with the one
     * kept marked, and the estimate under the table.
     */
    public Table table() {
        Table t = Table.of("ping", "t0 ping sent (ours)", "t1 answered (theirs)", "t2 pong back (ours)", "round trip (ms)",
                        "offset t1 − (t0+t2)/2 (ms)", "")
                .title("Clock probe: " + samples.size() + (samples.size() == 1 ? " round trip" : " round trips")
                        + " through the signaling server, times in ms on each kit clock")
                .format("round trip (ms)", "%.2f").format("offset t1 − (t0+t2)/2 (ms)", "%.2f")
                .note(toString() + ". The shortest round trip bounds the error best: the other side answered somewhere "
                        + "between t0 and t2.");
        Sample best = samples.stream().min(Comparator.comparingLong(Sample::rttNanos)).orElse(null);
        int i = 1;
        for (Sample x : samples) {
            boolean kept = x == best;
            t.row(i++, x.t0() / 1e6, x.t1() / 1e6, x.t2() / 1e6, x.rttNanos() / 1e6, x.offsetNanos() / 1e6,
                    kept ? Table.ok("← kept (shortest)") : "");
        }
        return t;
    }

    @Override
    public String toHtml() {
        return samples.isEmpty() ? "<div class=\"primer\">" + org.webrtcprimer.notebook.Html.escape(toString()) + "</div>"
                : table().toHtml();
    }

    @Override
    public String toText() {
        return samples.isEmpty() ? toString() : table().toText();
    }

    @Override
    public String toString() {
        if (samples.isEmpty()) return "clock offset 0 (same clock)";
        return String.format("the other clock is %.1f ms %s ours (± %.2f ms: best of %d round trips, %.2f ms)",
                Math.abs(offsetMillis()), offsetNanos >= 0 ? "ahead of" : "behind", errorBoundMillis(), samples.size(),
                rttNanos / 1e6);
    }
}
