package org.webrtcprimer.tools;

import org.webrtcprimer.call.Summary;
import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The report's SDP group, also a command of its own ({@code bench-sdp}): for each corpus,
 * {@code Sdp.parse} alone, {@code Sdp.parse} + reading {@code warnings()} (the work the command
 * line, a dissection and a lesson always do), and sdp-transform under Node.js on the same files
 * with the same rounds. Each kit row's note gives its median as a multiple of sdp-transform's
 * median in the same run, and every row says which corpus it read.
 */
public final class SdpBenchmark {
    private SdpBenchmark() {}

    static final int ROUNDS = 20, REPEAT = 50;

    /** A named set of SDP texts, with the files sdp-transform reads (null when only the kit's classpath copy exists). */
    record Corpus(String name, List<String> texts, List<Path> files) {
        long chars() {
            return texts.stream().mapToLong(String::length).sum();
        }
    }

    /** The corpus the kit was tuned on: every .sdp of datasets/sdp and datasets/article. */
    static List<String> corpusNames() {
        return List.of("sdp/chrome-planb-sdes.sdp", "sdp/chromium-120-offer.sdp", "sdp/firefox-121-offer.sdp",
                "sdp/firefox-152-simulcast-offer.sdp", "sdp/gateway-icelite-audio.sdp", "sdp/janus-videoroom-answer.sdp",
                "sdp/safari-26-offer-datachannel.sdp", "sdp/sip-pjsua-audio-offer.sdp", "article/offer.sdp", "article/answer.sdp");
    }

    /** The corpus the kit was tuned on: datasets/sdp and datasets/article. */
    static Corpus builtIn(Path root) {
        List<String> texts = new ArrayList<>();
        List<Path> files = root == null ? null : new ArrayList<>();
        for (String n : corpusNames()) {
            texts.add(Datasets.read(n));
            if (files != null) files.add(root.resolve("datasets").resolve(n));
        }
        return new Corpus("datasets/sdp + article", texts, files);
    }

    /** Every *.sdp of a folder, in name order. */
    static Corpus folder(Path root, Path dir) {
        Path d = dir.isAbsolute() || root == null ? dir : root.resolve(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(d)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sdp")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the corpus folder " + d + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new IllegalArgumentException("the corpus folder " + d + " holds no .sdp file");
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            try {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
            }
        }
        String name = root != null && d.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                ? root.toAbsolutePath().normalize().relativize(d.toAbsolutePath().normalize()).toString() : d.toString();
        return new Corpus(name, texts, files);
    }

    /** The corpora the report reads by default: the built-in one and, with a checkout, the held-out datasets/sdp-heldout. */
    static List<Corpus> defaults(Path root) {
        List<Corpus> l = new ArrayList<>(List.of(builtIn(root)));
        if (root != null && Files.isDirectory(root.resolve("datasets/sdp-heldout"))) l.add(folder(root, root.resolve("datasets/sdp-heldout")));
        return l;
    }

    /**
     * One row per parser and corpus, a corpus's rows adjacent: parse alone, parse + warnings,
     * sdp-transform, and (with {@code dissect}) dissection to text and to HTML. Every corpus's
     * parse rounds run before any dissection: the dissections' garbage and JIT work would fall
     * into the parse rounds of the next corpus.
     */
    static List<Row> run(Path root, List<Corpus> corpora, int rounds, boolean dissect) {
        List<Timed> parsed = new ArrayList<>();
        List<Row> js = new ArrayList<>();
        for (Corpus c : corpora) {
            say(c.name() + ": " + rounds + " rounds × " + REPEAT + " parses of each of its " + c.texts().size()
                    + " files, the kit's rounds and sdp-transform's taking turns");
            SdpTransformPeer peer = null;
            String why = null;
            try {
                peer = SdpTransformPeer.start(root, c);
            } catch (IllegalStateException e) {
                why = e.getMessage();
            }
            Timed t;
            try {
                t = time(c, peer, rounds, false);
            } finally {
                if (peer != null) peer.close();
            }
            parsed.add(t);
            js.add(peer == null ? Row.missing("SDP parse", "sdp-transform (Node.js) [" + c.name() + "]", why)
                    : Row.of("SDP parse", peer.parser + " (Node.js " + Exec.nodeVersion() + ") [" + c.name() + "]", t.js,
                    "M chars/s", "the same files; its rounds between the kit's" + (t.jsFailure == null ? "" : "; stopped: " + t.jsFailure)));
        }
        List<Timed> dissected = new ArrayList<>();
        for (Corpus c : dissect ? corpora : List.<Corpus>of()) {
            say(c.name() + ": " + rounds + " rounds of dissecting each of its " + c.texts().size() + " files, to text and to HTML");
            dissected.add(time(c, null, rounds, true));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < corpora.size(); i++) rows.addAll(rows(corpora.get(i), parsed.get(i), js.get(i), dissect ? dissected.get(i) : null));
        return rows;
    }

    private static List<Row> rows(Corpus c, Timed t, Row jsRow, Timed d) {
        long chars = c.chars(), lines = c.texts().stream().mapToLong(x -> x.lines().count()).sum();
        String size = String.format(Locale.ROOT, "%d files, %.1f K chars, %d lines", c.texts().size(), chars / 1000.0, lines);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("SDP parse", "the kit: Sdp.parse [" + c.name() + "]", t.parse, "M chars/s", size + ratio(t.parse, jsRow)
                + cpuRatio(t.cpu.get(0), t.jsCpu)));
        rows.add(Row.of("SDP parse", "the kit: Sdp.parse + warnings() [" + c.name() + "]", t.full, "M chars/s",
                "every check, as sdp/dissect/lessons read them" + ratio(t.full, jsRow) + cpuRatio(t.cpu.get(1), t.jsCpu)));
        rows.add(jsRow);
        if (d != null) {
            rows.add(Row.of("SDP parse", "the kit: parse + dissect().toText() [" + c.name() + "]", d.text, "M chars/s",
                    sdps(d.text, c) + peer(d.text, jsRow)));
            rows.add(Row.of("SDP parse", "the kit: parse + dissect().toHtml() [" + c.name() + "]", d.html, "M chars/s",
                    sdps(d.html, c) + peer(d.html, jsRow)));
        }
        return rows;
    }

    /** A dissection beside sdp-transform's parse (which explains nothing): how many times as fast that parse is. */
    private static String peer(List<Double> kit, Row js) {
        if (js.figures().n() == 0) return "";
        return String.format(Locale.ROOT, "; sdp-transform's parse alone: %.0f× this by median", js.figures().median() / Summary.of(kit).median());
    }

    static List<Row> run(Path root, List<Corpus> corpora) {
        return run(root, corpora, ROUNDS, true);
    }

    private static String ratio(List<Double> kit, Row js) {
        if (js.figures().n() == 0) return "";
        return String.format(Locale.ROOT, "; %.1f× sdp-transform by median", Summary.of(kit).median() / js.figures().median());
    }

    /**
     * The same ratio by CPU time (of all the process's threads: JIT and GC included on both sides),
     * which a loaded machine disturbs less: characters per CPU second over all rounds of each, from
     * the CPU ns of each round (both parsers read the same characters per round).
     */
    private static String cpuRatio(List<Double> kitNs, List<Double> jsNs) {
        if (kitNs.isEmpty() || jsNs.isEmpty()) return "";
        double kit = kitNs.size() / kitNs.stream().mapToDouble(Double::doubleValue).sum();
        double js = jsNs.size() / jsNs.stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, " (by CPU time %.1f×)", kit / js);
    }

    /** The median as SDPs per second (the corpus's mean size). */
    private static String sdps(List<Double> mchars, Corpus c) {
        double perSdp = (double) c.chars() / c.texts().size();
        return String.format(Locale.ROOT, "%,.0f SDPs/s by median", Summary.of(mchars).median() * 1e6 / perSdp);
    }

    static long sink;

    /** M chars/s per round of each kind; js empty without sdp-transform. */
    record Timed(List<Double> parse, List<Double> full, List<Double> js, List<Double> text, List<Double> html, String jsFailure,
                 List<List<Double>> cpu, List<Double> jsCpu) {}

    /** CPU time of the whole process (every thread: the parser's, the JIT's, the collector's), ns; -1 where unknown. */
    static long processCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean o ? o.getProcessCpuTime() : -1;
    }

    /**
     * M chars/s per round: parse alone, parse + warnings and sdp-transform (when js is there), their
     * rounds taking turns (the order rotating each round) so that all see the same load; or (with
     * dissect) the two dissections. It starts with a warm-up (the JIT compiles the parser after thousands
     * of calls, as in a long-running kernel; sdp-transform warms up as long, at the same time).
     */
    static Timed time(Corpus c, SdpTransformPeer js, int rounds, boolean dissect) {
        List<List<Double>> kit = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Double> jsRates = new ArrayList<>(), jsCpu = new ArrayList<>();
        String[] jsFailure = {null};
        phase(c, dissect ? new int[]{2, 3} : new int[]{0, 1}, rounds, kit, cpu, dissect ? null : () -> {
            if (js == null || jsFailure[0] != null) return;
            try {
                double[] w = js.round();
                jsRates.add(w[0]);
                if (w[1] > 0) jsCpu.add(w[1] * 1000); // ns
            } catch (IllegalStateException e) {
                jsFailure[0] = e.getMessage();
            }
        });
        return new Timed(kit.get(0), kit.get(1), jsRates, kit.get(2), kit.get(3), jsFailure[0], cpu, jsCpu);
    }

    /** A warm-up of 3 s of this thread's CPU time (3 s by the clock leave the JIT half done on a loaded machine; at most 60 s by the clock), then the rounds of these kinds and of peer, taking turns. */
    private static void phase(Corpus c, int[] kinds, int rounds, List<List<Double>> kit, List<List<Double>> cpu, Runnable peer) {
        List<String> texts = c.texts();
        long s = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime(), wallEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < wallEnd && threads.getCurrentThreadCpuTime() - cpu0 < TimeUnit.SECONDS.toNanos(3)) {
            for (int kind : kinds) for (String t : texts) s += one(t, kind);
        }
        int steps = kinds.length + (peer == null ? 0 : 1);
        for (int r = 0; r < rounds; r++) {
            for (int step = 0; step < steps; step++) {
                int at = (step + r) % steps;
                if (at == kinds.length) {
                    peer.run();
                    continue;
                }
                int kind = kinds[at], repeat = kind < 2 ? REPEAT : DISSECT_REPEAT;
                long c0 = processCpu(), t0 = System.nanoTime();
                for (int k = 0; k < repeat; k++) for (String t : texts) s += one(t, kind);
                long ns = System.nanoTime() - t0, cpuNs = processCpu() - c0;
                kit.get(kind).add(c.chars() * repeat / (ns / 1e9) / 1e6);
                if (c0 >= 0) cpu.get(kind).add((double) cpuNs); // summed, not per round: the process's CPU clock ticks in 10 ms
            }
        }
        sink += s;
    }

    /** Dissections take longer than a parse: fewer of them per round. */
    static final int DISSECT_REPEAT = 1;

    /** kind 0: parse; 1: parse + warnings; 2: parse + dissection to text; 3: to HTML. */
    private static int one(String text, int kind) {
        var p = Sdp.parse(text);
        return switch (kind) {
            case 0 -> p.media().size();
            case 1 -> p.warnings().size() + p.media().size();
            case 2 -> p.dissect().toText().length();
            default -> p.dissect().toHtml().length();
        };
    }

    static final String USAGE = """
            usage: bench-sdp [--root DIR] [--corpus DIR]... [--rounds N] [--parse-only]
              --root DIR    the kit's checkout: enables sdp-transform and the held-out corpus datasets/sdp-heldout
              --corpus DIR  a folder of .sdp files to read instead of the defaults (repeatable)
              --rounds N    rounds of each kind (default 20)
              --parse-only  leave out the dissection rows""";

    /** The command: the SDP rows alone, with the load average before and after. */
    public static int main(String[] args) {
        Path root = null;
        List<Path> dirs = new ArrayList<>();
        int rounds = ROUNDS;
        boolean dissect = true;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i], v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--root" -> root = Path.of(need(a, v));
                    case "--corpus" -> dirs.add(Path.of(need(a, v)));
                    case "--rounds" -> rounds = CommandLine.number(a, need(a, v), 1, 10_000);
                    case "--parse-only" -> {
                        dissect = false;
                        i--;
                    }
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
                i++;
            }
            String load = PerformanceReport.loadAverage();
            List<Corpus> corpora = corpora(root, dirs);
            List<Row> rows = run(root, corpora, rounds, dissect);
            System.out.println();
            System.out.println(PerformanceReport.table(rows));
            System.out.printf("%nLoad average (1 / 5 / 15 min) at the start %s, at the end %s.%n", load, PerformanceReport.loadAverage());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("bench-sdp: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
    }

    static List<Corpus> corpora(Path root, List<Path> dirs) {
        if (dirs.isEmpty()) return defaults(root);
        List<Corpus> l = new ArrayList<>();
        for (Path d : dirs) l.add(folder(root, d));
        return l;
    }

    private static String need(String option, String v) {
        if (v == null) throw new IllegalArgumentException(option + " needs a value");
        return v;
    }

    private static void say(String s) {
        System.out.println("[sdp] " + s + " (load average " + PerformanceReport.loadAverage() + ")");
        System.out.flush();
    }
}
