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
import java.util.Map;
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

    static final int ROUNDS = 10, REPEAT = 50;

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

    /** One row per parser and corpus; a corpus's rows are adjacent. */
    static List<Row> run(Path root, List<Corpus> corpora) {
        List<Row> rows = new ArrayList<>();
        for (Corpus c : corpora) {
            long chars = c.chars(), lines = c.texts().stream().mapToLong(t -> t.lines().count()).sum();
            say(c.name() + ": " + ROUNDS + " rounds × " + REPEAT + " parses of each of its " + c.texts().size() + " files");
            String size = String.format(Locale.ROOT, "%d files, %.1f K chars, %d lines", c.texts().size(), chars / 1000.0, lines);
            Row js = transform(root, c);
            List<List<Double>> both = time(c);
            List<Double> parse = both.get(0), full = both.get(1);
            rows.add(Row.of("SDP parse", "the kit: Sdp.parse [" + c.name() + "]", parse, "M chars/s", size + ratio(parse, js)));
            rows.add(Row.of("SDP parse", "the kit: Sdp.parse + warnings() [" + c.name() + "]", full, "M chars/s",
                    "every check, as sdp/dissect/lessons read them" + ratio(full, js)));
            rows.add(js);
        }
        return rows;
    }

    private static String ratio(List<Double> kit, Row js) {
        if (js.figures().n() == 0) return "";
        return String.format(Locale.ROOT, "; %.1f× sdp-transform by median", Summary.of(kit).median() / js.figures().median());
    }

    static long sink;

    /**
     * M chars/s per round, [0] parse alone and [1] parse + warnings, their rounds alternating so
     * that both see the same load; after a 3 s warm-up of both (the JIT compiles the parser after
     * thousands of calls, as in a long-running kernel).
     */
    static List<List<Double>> time(Corpus c) {
        List<String> texts = c.texts();
        long chars = c.chars(), s = 0;
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < warm) for (String t : texts) s += one(t, false) + one(t, true);
        List<Double> parse = new ArrayList<>(), full = new ArrayList<>();
        for (int r = 0; r < 2 * ROUNDS; r++) {
            boolean warnings = r % 2 == 1;
            long t0 = System.nanoTime();
            for (int k = 0; k < REPEAT; k++) for (String t : texts) s += one(t, warnings);
            (warnings ? full : parse).add(chars * REPEAT / ((System.nanoTime() - t0) / 1e9) / 1e6);
        }
        sink += s;
        return List.of(parse, full);
    }

    private static int one(String text, boolean warnings) {
        var p = Sdp.parse(text);
        return warnings ? p.warnings().size() + p.media().size() : p.media().size();
    }

    static Row transform(Path root, Corpus c) {
        String name = "sdp-transform (Node.js) [" + c.name() + "]";
        if (root == null || c.files() == null) return Row.missing("SDP parse", name, "needs the checkout: run ./primer report or bench-sdp --root .");
        Path tool = root.resolve("tools/sdp-transform-bench");
        if (!Files.isDirectory(tool.resolve("node_modules/sdp-transform"))) {
            return Row.missing("SDP parse", name, "not installed: cd tools/sdp-transform-bench && npm ci");
        }
        List<String> cmd = new ArrayList<>(List.of("node", tool.resolve("bench.js").toString(), "--rounds", "" + ROUNDS, "--repeat", "" + REPEAT));
        for (Path f : c.files()) cmd.add(f.toString());
        Exec.Result r = Exec.run(cmd, Map.of(), Duration.ofMinutes(5));
        String line = r.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (r.code() != 0 || line == null) {
            return Row.missing("SDP parse", name, "node failed (exit " + r.code() + "): " + r.firstLine());
        }
        List<Double> js = new ArrayList<>();
        for (String v : line.replaceAll(".*\"mcharsPerSecond\":\\[([^]]*)].*", "$1").split(",")) js.add(Double.parseDouble(v));
        String parser = line.replaceAll(".*\"parser\":\"([^\"]*)\".*", "$1");
        return Row.of("SDP parse", parser + " (Node.js " + Exec.nodeVersion() + ") [" + c.name() + "]", js, "M chars/s",
                "the same files, the same rounds");
    }

    static final String USAGE = """
            usage: bench-sdp [--root DIR] [--corpus DIR]...
              --root DIR    the kit's checkout: enables sdp-transform and the held-out corpus datasets/sdp-heldout
              --corpus DIR  a folder of .sdp files to read instead of the defaults (repeatable)""";

    /** The command: the SDP rows alone, with the load average before and after. */
    public static int main(String[] args) {
        Path root = null;
        List<Path> dirs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i], v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--root" -> root = Path.of(need(a, v));
                    case "--corpus" -> dirs.add(Path.of(need(a, v)));
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
            List<Row> rows = run(root, corpora);
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
