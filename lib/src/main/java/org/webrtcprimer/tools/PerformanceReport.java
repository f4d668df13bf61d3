package org.webrtcprimer.tools;

import org.webrtcprimer.call.Summary;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code java -jar webrtc-primer.jar report} (or {@code ./primer report}, which also installs a
 * kernel so the notebook rows can run): every benchmark the kit has, in one table of
 * min / median / p90.
 *
 * <p>The report is a list of {@link #SECTIONS}, each a group of rows measured by its own class:
 * <ul>
 *   <li>{@code calls} ({@link CallSetupRows}): {@code call()} → both connected, → first remote frame; {@code getUserMedia} → the first local frame;</li>
 *   <li>{@code sdp} ({@link SdpBenchmark}): {@code Sdp.parse} beside sdp-transform under Node.js on the same files, M chars/s;</li>
 *   <li>{@code data} ({@link DataChannelRows}): data channel throughput pc1 → pc2 (64 KB messages), MB/s;</li>
 *   <li>{@code remote} ({@link RemoteRows}): with Chromium, the {@code bench-remote} setups, and Chromium's own pc1 → pc2
 *       data channel throughput beside the kit's row;</li>
 *   <li>{@code net} ({@link NetBenchmark}): a relayed call beside a direct one, the relay's cost per packet, data
 *       channel throughput through it, and its accuracy;</li>
 *   <li>{@code turn} ({@link TurnRows}): setup and RTT through each NAT kind and through coturn;</li>
 *   <li>{@code kernel}, {@code notebooks} ({@link NotebookRows}): with a checkout and Jupyter, kernel start, and every
 *       notebook executed in the kernel, each and all together.</li>
 * </ul>
 * A new group of rows is a class beside these with a static method that adds its rows, and one
 * line in {@link #SECTIONS}: its {@code --skip} key, whether it needs the engine, and the call.
 */
public final class PerformanceReport {
    private PerformanceReport() {}

    /** One row: a benchmark's figures. Lower is better except where the unit says "/s". */
    public record Row(String group, String name, Summary figures, String unit, String note) {
        static Row of(String group, String name, List<Double> values, String unit, String note) {
            return new Row(group, name, Summary.of(values), unit, note);
        }

        static Row missing(String group, String name, String why) {
            return new Row(group, name, Summary.of(), "", why);
        }
    }

    /** What the sections measure with: the command's options, and the synthetic stream the engine sections share. */
    record Context(int calls, Path root, Path jupyterData, int notebookRounds, int kernelStarts, List<Path> sdpCorpora,
                   MediaStream stream) {
        Context withStream(MediaStream s) {
            return new Context(calls, root, jupyterData, notebookRounds, kernelStarts, sdpCorpora, s);
        }
    }

    /** Adds one group's rows. */
    interface Measure {
        void addRows(List<Row> rows, Context c);
    }

    /**
     * A group of rows: the key {@code --skip} names, whether it runs while the engine is up (with
     * the shared synthetic stream; the engine is shut down before the others run), and what measures it.
     */
    record Section(String key, boolean engine, Measure measure) {}

    /** The report's sections, in the order they run and print. */
    static final List<Section> SECTIONS = List.of(
            new Section("calls", true, (rows, c) -> CallSetupRows.add(rows, c.stream(), c.calls())),
            new Section("sdp", true, (rows, c) -> rows.addAll(SdpBenchmark.run(c.root(), SdpBenchmark.corpora(c.root(), c.sdpCorpora())))),
            new Section("data", true, (rows, c) -> DataChannelRows.add(rows, c.stream())),
            new Section("remote", true, (rows, c) -> RemoteRows.add(rows, c.stream(), Math.max(5, c.calls() / 2))),
            new Section("net", true, (rows, c) -> {
                say("network lab: relayed vs direct calls in turns, forwarding cost, data channel through the relay, accuracy");
                for (var f : NetBenchmark.run(c.stream(), Math.max(5, c.calls() / 2))) {
                    rows.add(Row.of(f.group(), f.name(), f.values(), f.unit(), f.note()));
                }
            }),
            new Section("turn", true, (rows, c) -> TurnRows.add(rows, Math.max(3, Math.min(5, c.calls() / 2)))),
            new Section("kernel", false, (rows, c) -> NotebookRows.kernelStarts(rows, c.jupyterData(), c.kernelStarts())),
            new Section("notebooks", false, (rows, c) -> NotebookRows.notebooks(rows, c.root(), c.jupyterData(), c.notebookRounds())));

    static final String USAGE = """
            usage: report [--calls N] [--root DIR] [--jupyter-data DIR] [--notebook-rounds N] [--kernel-starts N] [--sdp-corpus DIR]... [--skip LIST]
              --calls N           timed calls per call benchmark (default 20, after 3 warm-up calls)
              --root DIR          the kit's checkout: enables sdp-transform, kernel start and the notebooks (./primer report sets it)
              --jupyter-data DIR  where the kit's kernel is installed (./primer report installs one in a temporary folder)
              --notebook-rounds N times each notebook is executed (default 1)
              --kernel-starts N   kernel starts to time (default 5)
              --sdp-corpus DIR    a folder of .sdp files for the SDP rows (repeatable; default datasets/sdp + article and datasets/sdp-heldout)
              --skip LIST         comma-separated sections to leave out:\s"""
            + SECTIONS.stream().map(Section::key).collect(Collectors.joining(", "));

    public static int run(String[] args) {
        Context options;
        Set<String> skip = new LinkedHashSet<>();
        try {
            options = parse(args, skip);
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            System.out.println(USAGE);
            return 0;
        }
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        String loadAtStart = loadAverage();
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            for (Section s : SECTIONS) if (s.engine() && !skip.contains(s.key())) measure(s, rows, options.withStream(stream));
        } finally {
            stream.stop();
            Engine.shutdown();
        }
        for (Section s : SECTIONS) if (!s.engine() && !skip.contains(s.key())) measure(s, rows, options);
        System.out.println();
        System.out.println(table(rows));
        System.out.printf("%nLoad average (1 / 5 / 15 min) at the start %s, at the end %s; each step's is printed above.", loadAtStart, loadAverage());
        System.out.printf("%nAll of it took %.0f s. Timings depend on the machine and on what else runs on it: compare rows "
                + "of one run, not runs of different days.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** One section; a failure becomes a row that says so, and the next section runs. */
    private static void measure(Section s, List<Row> rows, Context c) {
        try {
            s.measure().addRows(rows, c);
        } catch (RuntimeException e) {
            System.err.println("report: the " + s.key() + " section failed: " + e.getMessage());
            rows.add(Row.missing(s.key(), "the " + s.key() + " section", "failed: " + e.getMessage()));
        }
    }

    /** The options (null for --help), with the --skip keys added to {@code skip}. */
    private static Context parse(String[] args, Set<String> skip) {
        int calls = 20, notebookRounds = 1, kernelStarts = 5;
        Path root = null, jupyterData = null;
        List<Path> sdpCorpora = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--calls" -> calls = CommandLine.number(a, CommandLine.value(args, i), 1, 100_000);
                case "--notebook-rounds" -> notebookRounds = CommandLine.number(a, CommandLine.value(args, i), 1, 1000);
                case "--kernel-starts" -> kernelStarts = CommandLine.number(a, CommandLine.value(args, i), 1, 1000);
                case "--root" -> root = Path.of(CommandLine.value(args, i));
                case "--jupyter-data" -> jupyterData = Path.of(CommandLine.value(args, i));
                case "--skip" -> skip.addAll(sectionKeys(CommandLine.value(args, i)));
                case "--sdp-corpus" -> sdpCorpora.add(Path.of(CommandLine.value(args, i)));
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + Terminal.safe(a) + "'");
            }
            i++;
        }
        if (root != null && !Files.isDirectory(root.resolve("datasets"))) {
            throw new IllegalArgumentException("--root " + root + " is not the kit's checkout (no datasets/ in it)");
        }
        return new Context(calls, root, jupyterData, notebookRounds, kernelStarts, List.copyOf(sdpCorpora), null);
    }

    private static List<String> sectionKeys(String list) {
        List<String> keys = List.of(list.split(","));
        for (String k : keys) {
            if (SECTIONS.stream().noneMatch(s -> s.key().equals(k))) {
                throw new IllegalArgumentException("--skip: no section '" + Terminal.safe(k) + "' (the sections are "
                        + SECTIONS.stream().map(Section::key).collect(Collectors.joining(", ")) + ")");
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------- the table

    /** The one table: group, benchmark, n, min, median, p90, unit, note. */
    public static String table(List<Row> rows) {
        int w = Math.max(40, rows.stream().mapToInt(r -> r.name().length()).max().orElse(40));
        StringBuilder b = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-13s %-" + w + "s %4s %10s %10s %10s  %-9s  %s", "group", "benchmark", "n", "min",
                "median", "p90", "unit", "note");
        b.append(head).append('\n').append("-".repeat(head.length() + 10)).append('\n');
        String last = "";
        for (Row r : rows) {
            String g = r.group().equals(last) ? "" : r.group();
            last = r.group();
            Summary s = r.figures();
            if (s.n() == 0) {
                b.append(String.format(Locale.ROOT, "%-13s %-" + w + "s %4s %10s %10s %10s  %-9s  %s%n", g, r.name(), "–", "–", "–", "–", "", r.note()));
            } else {
                b.append(String.format(Locale.ROOT, "%-13s %-" + w + "s %4d %10.1f %10.1f %10.1f  %-9s  %s%n", g, r.name(), s.n(), s.min(),
                        s.median(), s.p90(), r.unit(), r.note()));
            }
        }
        b.append("Percentiles are nearest-rank. ms: lower is better; M chars/s and MB/s: higher is better (their p90 is the 90th "
                + "percentile of the rates, so the min is the slowest round).");
        return b.toString();
    }

    /** Adds a row right after the last row of its group (the kit's own row beside the browser's), or at the end. */
    static void besideGroup(List<Row> rows, Row row) {
        int at = rows.size();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).group().equals(row.group())) at = i + 1;
        rows.add(at, row);
    }

    /** A progress line, with the load average so that a reader can tell a busy step from a slow one. */
    static void say(String s) {
        System.out.println("[report] " + s + " (load average " + loadAverage() + ")");
        System.out.flush();
    }

    /** The machine's load average (1 / 5 / 15 min) from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
