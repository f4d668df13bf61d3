package org.webrtcprimer.tools;

import org.webrtcprimer.call.SetupTime;
import org.webrtcprimer.call.Summary;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * N local calls, timed: {@code call()} → both connected, and {@code call()} → first remote frame.
 * Run from the command line: {@code java -jar webrtc-primer.jar bench [--calls N] [--warmup W]}.
 */
public final class SetupBenchmark {
    private SetupBenchmark() {}

    /** The figures of one configuration. */
    public record Result(String name, Summary connected, Summary firstFrame, List<SetupTime> runs) {}

    /**
     * Runs {@code warmup} untimed calls, then {@code calls} timed ones, each hung up before the next.
     *
     * @param progress told the number of each timed call as it ends (for a progress display), or null
     */
    public static Result run(String name, MediaStream stream, CallOptions options, int warmup, int calls, IntConsumer progress) {
        return interleaved(Map.of(name, options), stream, warmup, calls, progress).get(0);
    }

    /**
     * Several configurations, their calls taken in turns (A, B, A, B …) so that whatever else the
     * machine is doing at the time weighs on each of them alike; run one after the other, a
     * configuration measured while a background job ran would look slower than it is.
     */
    public static List<Result> interleaved(Map<String, CallOptions> configs, MediaStream stream, int warmup, int calls,
                                           IntConsumer progress) {
        if (calls < 1) throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        if (configs.isEmpty()) throw new IllegalArgumentException("no configuration to measure");
        for (int i = 0; i < warmup; i++) {
            for (CallOptions o : configs.values()) LocalCall.call(stream, o).hangup();
        }
        List<String> names = new ArrayList<>(configs.keySet());
        List<List<SetupTime>> runs = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) runs.add(new ArrayList<>());
        org.webrtcprimer.notebook.LongRun budget = org.webrtcprimer.notebook.LongRun.start(String.join(", ", names), calls);
        for (int i = 0; i < calls; i++) {
            budget.check(i); // interrupted, or the cell's time is up: stop between calls
            for (int k = 0; k < names.size(); k++) {
                LocalCall c = LocalCall.call(stream, configs.get(names.get(k)));
                SetupTime t = c.setupTime();
                c.hangup();
                runs.get(k).add(t);
            }
            if (progress != null) progress.accept(i + 1);
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            List<Double> connected = new ArrayList<>(), frame = new ArrayList<>();
            for (SetupTime t : runs.get(k)) {
                t.toConnectedMillis().ifPresent(connected::add);
                t.toFirstFrameMillis().ifPresent(frame::add);
            }
            results.add(new Result(names.get(k), Summary.of(connected), Summary.of(frame), runs.get(k)));
        }
        return results;
    }

    static final String USAGE = "usage: bench [--calls N] [--warmup W]   (N from 1, W from 0; defaults 20 and 3)";

    /** The command: prints one table row per configuration. */
    public static int main(String[] args) {
        int calls = 20, warmup = 3;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--calls" -> calls = CommandLine.number("--calls", CommandLine.value(args, i++), 1, 100_000);
                    case "--warmup" -> warmup = CommandLine.number("--warmup", CommandLine.value(args, i++), 0, 100_000);
                    default -> throw new IllegalArgumentException("unknown argument '" + Terminal.safe(args[i]) + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        Map<String, CallOptions> configs = new LinkedHashMap<>();
        configs.put("kit call() (start-bitrate hint, frame at connect)", CallOptions.defaults());
        configs.put("article defaults (engine as is)", CallOptions.articleDefaults());
        try {
            System.out.printf("Local call pc1 → pc2, synthetic 640×480 @ 30 fps + 440 Hz tone; %d warm-up + %d timed calls each,"
                    + " the configurations taking turns; ms%n%n", warmup, calls);
            System.out.printf("%-52s | %-36s | %-36s%n", "configuration", "call() → both connected", "call() → first remote frame");
            System.out.printf("%-52s | %-36s | %-36s%n", "", "  min   median     p90     max", "  min   median     p90     max");
            System.out.println("-".repeat(52) + "-+-" + "-".repeat(36) + "-+-" + "-".repeat(36));
            for (Result r : interleaved(configs, stream, warmup, calls, null)) {
                System.out.printf("%-52s | %s | %s%n", r.name(), row(r.connected()), row(r.firstFrame()));
            }
        } finally {
            stream.stop();
            Engine.shutdown();
        }
        return 0;
    }

    private static String row(Summary s) {
        return String.format("%5.1f %8.1f %7.1f %7.1f    ", s.min(), s.median(), s.p90(), s.max());
    }
}
