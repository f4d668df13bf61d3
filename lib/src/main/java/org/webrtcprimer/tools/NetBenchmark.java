package org.webrtcprimer.tools;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.call.FlowControl;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Impairment;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Probe;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.call.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code net-bench [--calls N]}: what the relay costs and how exactly it impairs — a relayed call
 * at zero impairment beside a direct one in the same run (taken in turns), the forwarding cost per
 * packet, data channel throughput through the relay beside direct, and the accuracy of delay,
 * loss and rate measured from outside ({@link Probe}). Every row is min / median / p90.
 */
public final class NetBenchmark {
    private NetBenchmark() {}

    /** One row: a benchmark's values. */
    public record Figure(String group, String name, List<Double> values, String unit, String note) {
        public Summary summary() {
            return Summary.of(values);
        }
    }

    /** Every row, with {@code calls} calls of each kind. */
    public static List<Figure> run(MediaStream stream, int calls) {
        List<Figure> out = new ArrayList<>();
        calls(out, stream, calls);
        forwarding(out);
        throughput(out, 5);
        accuracy(out, 3);
        return out;
    }

    static void calls(List<Figure> out, MediaStream stream, int calls) {
        List<Double> dc = new ArrayList<>(), df = new ArrayList<>(), rc = new ArrayList<>(), rf = new ArrayList<>();
        for (int i = -2; i < calls; i++) { // two warm-up rounds
            for (boolean relayed : new boolean[]{i % 2 == 0, i % 2 != 0}) { // in turns, each first half the time
                CallOptions o = relayed ? CallOptions.defaults().withNetwork(Network.perfect()) : CallOptions.defaults();
                LocalCall c = LocalCall.call(stream, o);
                double con = c.setupTime().toConnectedMillis().orElse(Double.NaN);
                double ff = c.setupTime().toFirstFrameMillis().orElse(Double.NaN);
                c.hangup();
                if (i < 0) continue;
                (relayed ? rc : dc).add(con);
                (relayed ? rf : df).add(ff);
            }
        }
        out.add(new Figure("relay", "direct call: call() → both connected", dc, "ms", "the same run, in turns"));
        out.add(new Figure("relay", "relayed call (no impairment): → both connected", rc, "ms", "target ≤ direct + 2 ms"));
        out.add(new Figure("relay", "direct call: call() → first remote frame", df, "ms", ""));
        out.add(new Figure("relay", "relayed call (no impairment): → first remote frame", rf, "ms", "target ≤ direct + 10 %"));
    }

    static void forwarding(List<Figure> out) {
        List<Double> direct = new ArrayList<>(), relayed = new ArrayList<>(), sat = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            try (Probe p = Probe.direct()) {
                direct.add(p.run(Way.PC1_TO_PC2, 1000, 1200, 1_000_000, 100).delayMs(0.5) * 1000);
            }
            try (Relay r = Relay.start(Network.perfect()); Probe p = Probe.through(r)) {
                relayed.add(p.run(Way.PC1_TO_PC2, 1000, 1200, 1_000_000, 100).delayMs(0.5) * 1000);
                Probe.Result flood = p.run(Way.PC1_TO_PC2, 20_000, 1200, 0, 200);
                if (flood.received() > 1) sat.add((flood.lastArrival() - flood.firstArrival()) / 1e3 / (flood.received() + flood.duplicates() - 1));
            }
        }
        out.add(new Figure("relay", "one-way time, direct socket → socket", direct, "µs", "1000 packets/s of 1200 B, median of each round"));
        out.add(new Figure("relay", "one-way time through the relay", relayed, "µs", "the same; the difference is the relay's cost per packet"));
        out.add(new Figure("relay", "relay at saturation: time per packet", sat, "µs", "20,000 packets sent at once"));
    }

    static void throughput(List<Figure> out, int rounds) {
        List<Double> d = new ArrayList<>(), r = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (boolean relayed : new boolean[]{i % 2 == 0, i % 2 != 0}) {
                (relayed ? r : d).add(channelMBps(relayed));
            }
        }
        out.add(new Figure("relay", "data channel pc1 → pc2, direct", d, "MB/s", "8 MB in 64 KB messages"));
        out.add(new Figure("relay", "data channel pc1 → pc2, through the relay", r, "MB/s", "target ≥ 80 % of direct"));
    }

    private static double channelMBps(boolean relayed) {
        LocalCall call = LocalCall.withoutMedia(relayed ? CallOptions.defaults().withNetwork(Network.perfect()) : CallOptions.defaults());
        try {
            DataChannel ch = call.pc1().createDataChannel("bench");
            call.negotiate();
            call.awaitConnected();
            ch.awaitOpen();
            DataChannel at2 = call.pc2().awaitDataChannel("bench");
            byte[] m = new byte[64 * 1024];
            int n = 8 * 16;
            FlowControl flow = FlowControl.of(4 << 20, 1 << 20);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) ch.send(m, flow);
            long total = (long) n * m.length, deadline = t0 + 30_000_000_000L;
            while (at2.bytesReceived() < total && System.nanoTime() < deadline) Thread.onSpinWait();
            return total / 1e6 / ((System.nanoTime() - t0) / 1e9);
        } finally {
            call.hangup();
        }
    }

    static void accuracy(List<Figure> out, int rounds) {
        for (double ms : new double[]{10, 50}) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try (Relay r = Relay.start(Network.of(Impairment.none().withDelay(ms))); Probe p = Probe.through(r)) {
                    v.add(p.run(Way.PC1_TO_PC2, 500, 200, 2_000_000, 2 * (long) ms + 100).delayMs(0.5));
                }
            }
            out.add(new Figure("relay accuracy", "delay " + (int) ms + " ms: measured median one-way", v, "ms",
                    String.format("target %.1f–%.1f ms (1 ms + 5 %%)", ms - 1 - 0.05 * ms, ms + 1 + 0.05 * ms)));
        }
        List<Double> loss = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            try (Relay r = Relay.start(Network.of(Impairment.none().withLoss(10)).withSeed(i + 1)); Probe p = Probe.through(r)) {
                loss.add(p.run(Way.PC1_TO_PC2, 10_000, 100, 100_000, 200).lossPct());
            }
        }
        out.add(new Figure("relay accuracy", "loss 10 %: measured over 10,000 packets", loss, "%", "target 9–11 %"));
        for (double kbps : new double[]{300, 1000}) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                try (Relay r = Relay.start(Network.of(Impairment.none().withRate(kbps))); Probe p = Probe.through(r)) {
                    long interval = (long) (1000 * 8e6 / (2 * kbps));
                    v.add(p.run(Way.PC1_TO_PC2, (int) (2e9 / interval), 1000, interval, 600).arrivalKbps());
                }
            }
            out.add(new Figure("relay accuracy", "rate " + (int) kbps + " kbps: measured arrival rate", v, "kbps",
                    String.format("target %.0f–%.0f kbps (5 %%); offered twice the rate", kbps * 0.95, kbps * 1.05)));
        }
    }

    /** The rows as a text table. */
    public static String table(List<Figure> rows) {
        StringBuilder b = new StringBuilder(String.format("%-16s %-52s %9s %9s %9s  %-5s %s%n", "group", "benchmark", "min", "median", "p90", "unit", "note"));
        for (Figure f : rows) {
            Summary s = f.summary();
            b.append(String.format("%-16s %-52s %9.2f %9.2f %9.2f  %-5s %s%n", f.group(), f.name(), s.min(), s.median(), s.p90(), f.unit(), f.note()));
        }
        return b.toString();
    }

    public static int main(String[] args) {
        int calls = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls") && i + 1 < args.length) {
                try {
                    calls = CommandLine.number("--calls", args[++i], 1, 500);
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
            } else {
                System.err.println("unknown argument '" + args[i] + "'\nusage: net-bench [--calls N]");
                return 2;
            }
        }
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            System.out.println(table(run(stream, calls)));
            return 0;
        } finally {
            stream.stop();
        }
    }
}
