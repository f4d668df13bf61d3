package org.webrtcprimer.tools;

import org.webrtcprimer.call.Summary;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The report's "kernel" and "notebooks" groups, which need the checkout and the kit's kernel
 * installed ({@code ./primer report} installs one in a temporary folder): kernel start → first
 * cell answered, and every notebook executed in a fresh kernel, each and all together, beside an
 * empty notebook (one trivial cell) run before and after each round: the yardstick each lesson's
 * time is given as a multiple of (the target: within 3×).
 */
final class NotebookRows {
    private NotebookRows() {}

    static final String KERNEL_START_PY = """
            import json, sys, time
            from jupyter_client.manager import KernelManager
            out = []
            for i in range(int(sys.argv[1])):
                t = time.monotonic()
                km = KernelManager(kernel_name="webrtc-primer")
                km.start_kernel()
                kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
                reply = kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda m: None)
                out.append(time.monotonic() - t)
                kc.stop_channels(); km.shutdown_kernel(now=False)
            print(json.dumps(out))
            """;

    static void kernelStarts(List<Row> rows, Path jupyterData, int n) {
        String name = "kernel start → first cell answered";
        Map<String, String> env = Exec.jupyterEnv(jupyterData);
        if (env == null) {
            rows.add(Row.missing("kernel", name, "needs the kernel installed: run ./primer report"));
            return;
        }
        PerformanceReport.say("kernel start: " + n + " starts of the kit's kernel, each until its first cell (1 + 1) answers");
        Exec.Result r = Exec.run(List.of(Exec.python(), "-c", KERNEL_START_PY, "" + n), env, Duration.ofMinutes(10));
        String line = r.out().lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElse(null);
        if (r.code() != 0 || line == null) {
            rows.add(Row.missing("kernel", name, "failed (exit " + r.code() + "): " + r.firstLine()));
            return;
        }
        List<Double> ms = new ArrayList<>();
        for (String v : line.replaceAll("[\\[\\]]", "").split(",")) ms.add(Double.parseDouble(v.trim()) * 1000);
        rows.add(Row.of("kernel", name, ms, "ms", "rapaio + the kit's launcher"));
    }

    static void notebooks(List<Row> rows, Path root, Path jupyterData, int rounds) {
        Map<String, String> env = Exec.jupyterEnv(jupyterData);
        if (env == null || root == null) {
            rows.add(Row.missing("notebooks", "every lesson executed", "needs the checkout and the kernel: run ./primer report"));
            return;
        }
        List<Path> books;
        try (Stream<Path> s = Files.walk(root.resolve("notebooks"))) {
            books = s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        } catch (IOException e) {
            rows.add(Row.missing("notebooks", "every lesson executed", "could not list notebooks/: " + e.getMessage()));
            return;
        }
        PerformanceReport.say("notebooks: " + books.size() + " notebooks × " + rounds + " round(s), each in a fresh kernel (jupyter nbconvert --execute)");
        Path out;
        try {
            out = Files.createTempDirectory("primer-report-nb");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path empty;
        try {
            empty = Files.writeString(out.resolve("empty-notebook.ipynb"), EMPTY_NOTEBOOK);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<Path, List<Double>> times = new HashMap<>();
        List<Double> totals = new ArrayList<>();
        List<Double> lessonTotals = new ArrayList<>();
        List<Double> empties = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double total = 0, lessonTotal = 0;
            // the empty notebook before and after each round's lessons, so both see the same load
            runOne(empty, out, env, root).ifPresent(empties::add);
            for (Path nb : books) {
                var ms = runOne(nb, out, env, root);
                if (ms.isEmpty()) continue;
                times.computeIfAbsent(nb, k -> new ArrayList<>()).add(ms.get());
                total += ms.get();
                if (isLesson(root, nb)) lessonTotal += ms.get();
            }
            runOne(empty, out, env, root).ifPresent(empties::add);
            totals.add(total);
            lessonTotals.add(lessonTotal);
        }
        double emptyMedian = empties.isEmpty() ? Double.NaN : Summary.of(empties).median();
        rows.add(empties.isEmpty() ? Row.missing("notebooks", EMPTY_NAME, "failed — see above")
                : Row.of("notebooks", EMPTY_NAME, empties, "ms", "one cell (1 + 1), the yardstick; like every row here it includes nbconvert's own start (~2 s), which ./primer profile leaves out"));
        int lessons = 0;
        for (Path nb : books) {
            String name = root.resolve("notebooks").relativize(nb).toString();
            List<Double> t = times.get(nb);
            if (isLesson(root, nb)) lessons++;
            if (t == null) {
                rows.add(Row.missing("notebooks", name, "failed — see above"));
                continue;
            }
            double ratio = Summary.of(t).median() / emptyMedian;
            String note = "kernel start included" + (isLesson(root, nb) && !Double.isNaN(ratio)
                    ? String.format(Locale.ROOT, "; %.1f× the empty notebook (target ≤ 3×)", ratio) : "");
            rows.add(Row.of("notebooks", name, t, "ms", note));
        }
        rows.add(Row.of("notebooks", "the " + lessons + " lessons, one after another", lessonTotals, "ms",
                "each in a fresh kernel; target for the 11 first lessons: 90 s"));
        rows.add(Row.of("notebooks", "the whole lesson set, one after another", totals, "ms", books.size() + " notebooks"));
    }

    static final String EMPTY_NAME = "an empty notebook (one trivial cell)";

    static final String EMPTY_NOTEBOOK = """
            {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["1 + 1"]}],
             "metadata": {"kernelspec": {"display_name": "Java (WebRTC Primer)", "language": "java", "name": "webrtc-primer"}},
             "nbformat": 4, "nbformat_minor": 5}
            """;

    /** A lesson: notebooks/NN-*.ipynb, not a solutions or teacher notebook. */
    static boolean isLesson(Path root, Path nb) {
        Path rel = root.resolve("notebooks").relativize(nb);
        return rel.getNameCount() == 1 && rel.getFileName().toString().matches("\\d\\d-.*\\.ipynb");
    }

    /** One notebook executed in a fresh kernel (jupyter nbconvert --execute): its wall time in ms, or empty if it failed. */
    private static Optional<Double> runOne(Path nb, Path out, Map<String, String> env, Path root) {
        long t = System.nanoTime();
        Exec.Result r = Exec.run(List.of(Exec.jupyter(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--output-dir", out.toString(), "--output", "run-" + nb.getFileName(),
                nb.toString()), env, Duration.ofMinutes(15));
        double ms = (System.nanoTime() - t) / 1e6;
        if (r.code() == 0) return Optional.of(ms);
        PerformanceReport.say("  " + (nb.startsWith(root) ? root.relativize(nb) : nb.getFileName()) + " failed (exit " + r.code() + "): " + r.lastLines());
        return Optional.empty();
    }
}
