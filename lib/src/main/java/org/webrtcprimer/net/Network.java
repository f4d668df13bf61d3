package org.webrtcprimer.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The network between pc1 and pc2, as a description: the conditions each way, an optional timed
 * schedule, and who watches the packets. Immutable; each change returns a new one:
 * <pre>{@code
 * var network = Network.perfect().withDelay(50).withLoss(10);             // both ways
 * var uplink  = Network.perfect().withWay(Way.PC1_TO_PC2, Impairment.none().withRate(300));
 * var call    = LocalCall.call(localStream, CallOptions.defaults().withNetwork(network));
 * }</pre>
 * A call made with a network goes through the kit's {@link Relay}; {@code call.relay()} changes it live.
 *
 * @param pc1ToPc2 the conditions from pc1 to pc2
 * @param pc2ToPc1 the conditions from pc2 to pc1
 * @param schedule a timed list of conditions that replaces the two above while it runs, or null
 * @param sinks    who sees every packet, from the relay's first on
 * @param seed     the seed of the relay's random choices (loss, jitter, duplication), so a run can be repeated
 */
public record Network(Impairment pc1ToPc2, Impairment pc2ToPc1, Schedule schedule, List<PacketSink> sinks, long seed) {

    public Network {
        if (pc1ToPc2 == null || pc2ToPc1 == null) throw new IllegalArgumentException("a network needs conditions for both ways — Impairment.none() for a perfect one");
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
    }

    /** No delay, no loss, no limit — the relay only forwards. */
    public static Network perfect() {
        return new Network(Impairment.none(), Impairment.none(), null, List.of(), 1);
    }

    /** The same conditions both ways. */
    public static Network of(Impairment both) {
        return perfect().withBothWays(both);
    }

    /** The conditions one way. */
    public Impairment way(Way w) {
        return w == Way.PC1_TO_PC2 ? pc1ToPc2 : pc2ToPc1;
    }

    /** With these conditions one way (the other way stays). */
    public Network withWay(Way w, Impairment i) {
        return w == Way.PC1_TO_PC2 ? new Network(i, pc2ToPc1, schedule, sinks, seed) : new Network(pc1ToPc2, i, schedule, sinks, seed);
    }

    /** With these conditions both ways. */
    public Network withBothWays(Impairment i) {
        return new Network(i, i, schedule, sinks, seed);
    }

    /** Adds a fixed delay of {@code ms} each way (a round trip gains twice that). */
    public Network withDelay(double ms) {
        return new Network(pc1ToPc2.withDelay(ms), pc2ToPc1.withDelay(ms), schedule, sinks, seed);
    }

    /** Jitter of up to ± {@code ms} each way, without reordering. */
    public Network withJitter(double ms) {
        return new Network(pc1ToPc2.withJitter(ms), pc2ToPc1.withJitter(ms), schedule, sinks, seed);
    }

    /** Random loss of {@code pct} percent each way. */
    public Network withLoss(double pct) {
        return new Network(pc1ToPc2.withLoss(pct), pc2ToPc1.withLoss(pct), schedule, sinks, seed);
    }

    /** A rate limit of {@code kbps} each way. */
    public Network withRate(double kbps) {
        return new Network(pc1ToPc2.withRate(kbps), pc2ToPc1.withRate(kbps), schedule, sinks, seed);
    }

    /** Runs this schedule from the relay's first packet on. */
    public Network withSchedule(Schedule s) {
        return new Network(pc1ToPc2, pc2ToPc1, s, sinks, seed);
    }

    /** Adds a sink that sees every packet, from the relay's first packet on. */
    public Network withSink(PacketSink sink) {
        if (sink == null) throw new IllegalArgumentException("withSink needs a sink, e.g. a capture");
        List<PacketSink> s = new ArrayList<>(sinks);
        s.add(sink);
        return new Network(pc1ToPc2, pc2ToPc1, schedule, s, seed);
    }

    /** With another seed for the relay's random choices. */
    public Network withSeed(long seed) {
        return new Network(pc1ToPc2, pc2ToPc1, schedule, sinks, seed);
    }

    /** Whether the relay has anything to do but forward. */
    public boolean isPerfect() {
        return pc1ToPc2.isNone() && pc2ToPc1.isNone() && schedule == null;
    }

    @Override
    public String toString() {
        String a = pc1ToPc2.describe(), b = pc2ToPc1.describe();
        String ways = a.equals(b) ? (a.equals("none") ? "perfect" : a + " each way") : "pc1 → pc2: " + a + "; pc2 → pc1: " + b;
        return "Network " + ways + (schedule == null ? "" : "; schedule " + schedule)
                + (sinks.isEmpty() ? "" : "; " + sinks.size() + " sink" + (sinks.size() == 1 ? "" : "s"));
    }
}
