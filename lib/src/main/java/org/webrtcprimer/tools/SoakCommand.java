package org.webrtcprimer.tools;

import org.webrtcprimer.call.baseline.CallKind;
import org.webrtcprimer.engine.Engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar webrtc-primer.jar soak [--calls N] [--kind K[,K…]|all] [--baseline N] [--every N] [--warmup N]}
 *
 * <p>For each kind: N call/hangup cycles through the kit, then the same cycles written directly
 * against the engine (the baseline), printing the process's figures every {@code --every} calls;
 * then the table of growth per call, and the engine's shutdown time (a clean exit is part of the
 * test).
 */
public final class SoakCommand {
    private SoakCommand() {}

    static final String USAGE = "usage: soak [--calls N] [--kind av|audio|video|none|data|all (comma-separated)] "
            + "[--baseline N] [--every N] [--warmup N]\n"
            + "  --calls N     cycles through the kit per kind (default 500)\n"
            + "  --kind K      which calls (default av; 'all' = none,audio,video,av,data)\n"
            + "  --baseline N  cycles of the engine alone per kind, no kit (default: as --calls; 0 = skip)\n"
            + "  --every N     print the figures every N cycles (default 50)\n"
            + "  --warmup N    cycles left out of the per-call fit (default: a tenth of the calls, at most 50)";

    public static int run(String[] args) {
        int calls = 500, baseline = -1, every = 50, warmup = -1;
        Set<CallKind> kinds = new LinkedHashSet<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--calls" -> calls = positive(a, value(args, ++i, a));
                    case "--baseline" -> baseline = Integer.parseInt(value(args, ++i, a));
                    case "--every" -> every = positive(a, value(args, ++i, a));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                    case "--kind" -> {
                        for (String k : value(args, ++i, a).split(",")) {
                            if (k.equalsIgnoreCase("all")) kinds.addAll(List.of(CallKind.values()));
                            else kinds.add(CallKind.of(k.trim()));
                        }
                    }
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (baseline < 0) baseline = calls;
            if (warmup < 0) warmup = Math.min(50, calls / 10);
            if (warmup >= calls) throw new IllegalArgumentException("--warmup " + warmup + " must be below --calls " + calls);
            if (baseline > 0 && warmup >= baseline) throw new IllegalArgumentException("--warmup " + warmup + " must be below --baseline " + baseline);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (kinds.isEmpty()) kinds.add(CallKind.AV);

        System.out.printf("Soak: %d cycles per kind through the kit%s; figures every %d cycles, fit after %d warm-up cycles.%n",
                calls, baseline > 0 ? ", and " + baseline + " with the engine alone (no kit)" : "", every, warmup);
        System.out.println("RSS = resident memory; off-heap = RSS − committed Java heap; heap = Java heap in use after a full GC.");
        List<Soak.Run> runs = new ArrayList<>();
        int exit = 0;
        try {
            for (CallKind k : kinds) {
                runs.add(runOne(k, false, calls, every, warmup));
                if (baseline > 0) runs.add(runOne(k, true, baseline, every, warmup));
            }
        } catch (RuntimeException e) {
            System.err.println("soak failed: " + e.getMessage());
            exit = 1;
        }
        if (!runs.isEmpty()) {
            System.out.println();
            System.out.println(SoakReport.of(runs).toText());
        }
        long t0 = System.nanoTime();
        Engine.shutdown();
        System.out.printf("%nEngine shut down in %.1f ms (calls hung up, streams stopped, factory and audio module disposed); "
                + "the JVM exits next.%n", (System.nanoTime() - t0) / 1e6);
        return exit;
    }

    private static Soak.Run runOne(CallKind k, boolean engine, int calls, int every, int warmup) {
        System.out.printf("%n== %s — %s, %s ==%n", k.id(), k.description(),
                engine ? "the engine alone (webrtc-java directly, no kit)" : "through the kit (LocalCall)");
        System.out.println(Sample.header());
        return Soak.run(k, engine, calls, every, warmup, s -> System.out.println(s.line()));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int positive(String option, String v) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + v + "'");
        }
        if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, got " + n);
        return n;
    }
}
