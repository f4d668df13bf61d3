package org.webrtcprimer.tools;

import org.webrtcprimer.tools.PerformanceReport.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report's "kernel" and "notebooks" groups, which need the checkout and the kit's kernel
 * installed ({@code ./primer report} installs one in a temporary folder): kernel start → first
 * cell answered, and every notebook executed in a fresh kernel, each and all together.
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
        Map<Path, List<Double>> times = new HashMap<>();
        List<Double> totals = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double total = 0;
            for (Path nb : books) {
                long t = System.nanoTime();
                Exec.Result r = Exec.run(List.of(Exec.jupyter(), "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--output-dir", out.toString(), nb.toString()), env, Duration.ofMinutes(15));
                double s = (System.nanoTime() - t) / 1e9;
                total += s;
                if (r.code() == 0) times.computeIfAbsent(nb, k -> new ArrayList<>()).add(s * 1000);
                else PerformanceReport.say("  " + root.relativize(nb) + " failed (exit " + r.code() + "): " + r.lastLines());
            }
            totals.add(total * 1000);
        }
        for (Path nb : books) {
            String name = root.resolve("notebooks").relativize(nb).toString();
            List<Double> t = times.get(nb);
            rows.add(t == null ? Row.missing("notebooks", name, "failed — see above")
                    : Row.of("notebooks", name, t, "ms", "kernel start included"));
        }
        rows.add(Row.of("notebooks", "the whole lesson set, one after another", totals, "ms", books.size() + " notebooks"));
    }
}
