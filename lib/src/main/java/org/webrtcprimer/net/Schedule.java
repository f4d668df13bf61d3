package org.webrtcprimer.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A timed list of network conditions, e.g. 2 Mbps for 10 s → 300 kbps for 10 s → 2 Mbps:
 * <pre>{@code
 * Schedule.of(Duration.ofSeconds(10), Impairment.none().withRate(2000))
 *         .then(Duration.ofSeconds(10), Impairment.none().withRate(300))
 *         .then(Duration.ofSeconds(10), Impairment.none().withRate(2000))
 * }</pre>
 * Each phase holds for its length; after the last one its conditions stay. The clock starts when
 * the relay starts the schedule (its first packet, or {@link Relay#play(Schedule)}).
 */
public record Schedule(List<Phase> phases) {

    /**
     * One step of a schedule.
     *
     * @param length    how long it holds
     * @param pc1ToPc2  the conditions from pc1 to pc2
     * @param pc2ToPc1  the conditions from pc2 to pc1
     */
    public record Phase(Duration length, Impairment pc1ToPc2, Impairment pc2ToPc1) {
        public Phase {
            if (length == null || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("a phase needs a positive length, e.g. Duration.ofSeconds(10)");
            }
            if (pc1ToPc2 == null || pc2ToPc1 == null) throw new IllegalArgumentException("a phase needs conditions for both ways — Impairment.none() for a perfect one");
        }

        /** The conditions one way. */
        public Impairment way(Way w) {
            return w == Way.PC1_TO_PC2 ? pc1ToPc2 : pc2ToPc1;
        }
    }

    public Schedule {
        if (phases == null || phases.isEmpty()) throw new IllegalArgumentException("a schedule needs at least one phase");
        phases = List.copyOf(phases);
    }

    /** A schedule whose first phase holds for {@code length}, the same both ways. */
    public static Schedule of(Duration length, Impairment both) {
        return new Schedule(List.of(new Phase(length, both, both)));
    }

    /** Adds a phase, the same both ways. */
    public Schedule then(Duration length, Impairment both) {
        return then(length, both, both);
    }

    /** Adds a phase with conditions per way. */
    public Schedule then(Duration length, Impairment pc1ToPc2, Impairment pc2ToPc1) {
        List<Phase> p = new ArrayList<>(phases);
        p.add(new Phase(length, pc1ToPc2, pc2ToPc1));
        return new Schedule(p);
    }

    /** The phase in force {@code elapsedNanos} after the start (the last one once all have run). */
    public int phaseAt(long elapsedNanos) {
        long t = 0;
        for (int i = 0; i < phases.size(); i++) {
            t += phases.get(i).length().toNanos();
            if (elapsedNanos < t) return i;
        }
        return phases.size() - 1;
    }

    /** When phase {@code i} starts, in nanoseconds after the schedule's start. */
    public long startOf(int i) {
        long t = 0;
        for (int k = 0; k < i; k++) t += phases.get(k).length().toNanos();
        return t;
    }

    /** The sum of the phases' lengths. */
    public Duration length() {
        return phases.stream().map(Phase::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Phase p : phases) {
            if (b.length() > 0) b.append(" → ");
            String up = p.pc1ToPc2().describe(), down = p.pc2ToPc1().describe();
            b.append(up.equals(down) ? up : "pc1 → pc2 " + up + " / pc2 → pc1 " + down)
                    .append(" for ").append(p.length().toMillis() / 1000.0).append(" s");
        }
        return b.toString();
    }
}
