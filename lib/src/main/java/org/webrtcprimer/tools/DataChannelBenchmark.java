package org.webrtcprimer.tools;

import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.call.FlowControl;
import org.webrtcprimer.call.Units;
import org.webrtcprimer.call.Throughput;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.stats.StatsSampler;
import org.webrtcprimer.call.Summary;
import org.webrtcprimer.call.baseline.EngineStats;
import org.webrtcprimer.call.baseline.PlainProbe;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar webrtc-primer.jar datachannel-bench [--runs N] [--mb MB] [--windows N] [--seconds S]}:
 * data channel throughput pc1 → pc2 through the kit beside a plain webrtc-java probe (same flow
 * control, same message sizes), and what the stats sampler costs a running call.
 */
public final class DataChannelBenchmark {
    private DataChannelBenchmark() {}

    static final int[] SIZES = {16 * 1024, 64 * 1024};

    public static int main(String[] args) throws Exception {
        int runs = 15, windows = 5;
        long mb = 32;
        double seconds = 2;
        for (int i = 0; i < args.length; i++) {
            try {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--mb" -> mb = Long.parseLong(args[++i]);
                    case "--windows" -> windows = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    default -> {
                        return usage("unknown argument '" + args[i] + "'");
                    }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                return usage(args[i - 1 < 0 ? 0 : i - 1] + " needs a number");
            }
        }
        if (runs < 1 || mb < 1 || windows < 1 || seconds <= 0) return usage("counts and sizes must be positive");
        try {
            throughput(runs, mb * 1_000_000);
            System.out.println();
            samplerOverhead(windows, seconds);
        } finally {
            Engine.shutdown();
        }
        return 0;
    }

    private static int usage(String problem) {
        System.err.println("datachannel-bench: " + problem);
        System.err.println("usage: datachannel-bench [--runs N (15)] [--mb MB per run (32)] [--windows N (5)] [--seconds S per window (2)]");
        return 2;
    }

    // ---- throughput: kit vs plain engine ----

    static void throughput(int runs, long bytes) throws Exception {
        FlowControl flow = FlowControl.defaults();
        System.out.printf("Data channel throughput pc1 → pc2, one JVM, %d MB per run (MB = 10⁶ bytes), %d runs per row after 1 warm-up, %s%n",
                bytes / 1_000_000, runs, flow);
        System.out.println("kit: LocalCall + DataChannel + Throughput.measure; plain: raw webrtc-java peer connections and channel, same polling");
        System.out.println();
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        LocalCall call = LocalCall.create(stream);
        PlainProbe plain = null;
        try {
            DataChannel send = call.pc1().createDataChannel("bench");
            call.negotiate();
            call.awaitConnected();
            DataChannel recv = call.pc2().awaitDataChannel("bench");
            send.awaitOpen();
            recv.awaitOpen();
            plain = new PlainProbe();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, List<Double>> results = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
            for (int size : SIZES) {
                for (String who : new String[]{"kit ", "plain "}) {
                    results.put(who + Units.bytes(size), new ArrayList<>());
                    cpu.put(who + Units.bytes(size), new ArrayList<>());
                }
            }
            for (int run = -1; run < runs; run++) { // run -1 warms both up
                for (int size : SIZES) {
                    // Alternate who goes first, so that neither always runs on a warmer machine.
                    for (int k = 0; k < 2; k++) {
                        boolean kit = Math.floorMod(run + k, 2) == 0;
                        long c0 = os.getProcessCpuTime();
                        double mbps = kit ? Throughput.measure(send, recv, size, bytes, flow).megabytesPerSecond()
                                : plain.run(size, bytes, flow);
                        double cpuMsPerMb = (os.getProcessCpuTime() - c0) / 1e6 / (bytes / 1e6);
                        String key = (kit ? "kit " : "plain ") + Units.bytes(size);
                        if (run >= 0) {
                            results.get(key).add(mbps);
                            cpu.get(key).add(cpuMsPerMb);
                        }
                    }
                }
            }
            System.out.printf("%-16s | %6s %8s %7s %7s  (MB/s) | %s%n", "", "min", "median", "p90", "max", "process CPU per MB (ms), median");
            System.out.println("-".repeat(17) + "+" + "-".repeat(39) + "+" + "-".repeat(33));
            results.forEach((name, v) -> {
                Summary s = Summary.of(v);
                System.out.printf("%-16s | %6.1f %8.1f %7.1f %7.1f         | %.1f%n", name, s.min(), s.median(), s.p90(), s.max(),
                        Summary.of(cpu.get(name)).median());
            });
            System.out.println("MB/s: first send → last byte received. CPU per MB counts every thread of the process "
                    + "(both peers' engine threads included): it shows the kit's cost even when other work shares the cores.");
        } finally {
            if (plain != null) plain.close();
            call.hangup();
            stream.stop();
        }
    }

    // ---- the sampler's cost ----

    static void samplerOverhead(int windows, double seconds) throws Exception {
        System.out.printf("Stats sampler overhead on a media call (synthetic 640×480 @ 30 fps + tone), %d windows of %.1f s per row%n",
                windows, seconds);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        LocalCall call = LocalCall.call(stream);
        try {
            Thread.sleep(1000); // past the start-up ramp
            // getStats itself: how long one call takes to answer.
            List<Double> latency = EngineStats.getStatsMillis(call.pc1(), 60, 20);
            Summary l = Summary.of(latency);
            System.out.printf("one getStats() on pc1: min %.2f ms, median %.2f ms, p90 %.2f ms (n=%d)%n%n", l.min(), l.median(), l.p90(), l.n());

            Map<String, Duration> configs = new LinkedHashMap<>();
            configs.put("no sampler", null);
            configs.put("sampler every 1000 ms", Duration.ofMillis(1000));
            configs.put("sampler every 250 ms", Duration.ofMillis(250));
            configs.put("sampler every 100 ms", Duration.ofMillis(100));
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            configs.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
            int cores = Runtime.getRuntime().availableProcessors();
            for (int w = 0; w < windows; w++) {
                for (var e : configs.entrySet()) {
                    StatsSampler s = e.getValue() == null ? null : StatsSampler.start(call, e.getValue());
                    long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                    Thread.sleep((long) (seconds * 1000));
                    long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
                    if (s != null) s.stop();
                    cpu.get(e.getKey()).add(100.0 * (c1 - c0) / (t1 - t0));
                }
            }
            System.out.printf("%-24s | %6s %8s %7s   (process CPU, %% of one core; %d cores)%n", "", "min", "median", "p90", cores);
            System.out.println("-".repeat(25) + "+" + "-".repeat(40));
            double base = Summary.of(cpu.get("no sampler")).median();
            cpu.forEach((name, v) -> {
                Summary s = Summary.of(v);
                System.out.printf("%-24s | %6.1f %8.1f %7.1f   %s%n", name, s.min(), s.median(), s.p90(),
                        name.equals("no sampler") ? "" : String.format("median %+.1f points", s.median() - base));
            });
        } finally {
            call.hangup();
            stream.stop();
        }
    }
}
