package org.webrtcprimer.tools;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.call.Summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report's table and arguments. The benchmarks themselves run in {@code ./primer report} (the
 * command shuts the engine down at the end, which a shared test JVM must not do).
 */
class PerformanceReportTest {

    @Test
    void oneTableWithMinMedianP90AndWhatIsMissing() {
        List<PerformanceReport.Row> rows = List.of(
                PerformanceReport.Row.of("call setup", "call() → both connected", List.of(30.0, 20.0, 10.0, 40.0), "ms", "one JVM"),
                PerformanceReport.Row.of("call setup", "call() → first remote frame", List.of(200.0), "ms", ""),
                PerformanceReport.Row.missing("remote", "Chromium setups (bench-remote)", "Chromium is not installed"));
        String t = PerformanceReport.table(rows);
        System.out.println(t);
        List<String> lines = t.lines().toList();
        assertTrue(lines.get(0).matches("group +benchmark +n +min +median +p90 +unit +note"), lines.get(0));
        assertTrue(lines.get(2).matches("call setup +call\\(\\) → both connected +4 +10\\.0 +20\\.0 +40\\.0 +ms +one JVM"), lines.get(2));
        assertTrue(lines.get(3).startsWith("              call() → first remote frame"), "the group is named once: " + lines.get(3));
        assertTrue(lines.get(4).matches("remote +Chromium setups \\(bench-remote\\) +– +– +– +– +Chromium is not installed"), lines.get(4));
        assertEquals(new Summary(4, 10, 20, 40, 40), rows.get(0).figures());
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() {
        assertEquals(2, PerformanceReport.run(new String[]{"--calls", "0"}));
        assertEquals(2, PerformanceReport.run(new String[]{"--calls"}));
        assertEquals(2, PerformanceReport.run(new String[]{"--frobnicate"}));
        assertEquals(2, PerformanceReport.run(new String[]{"--root", "/nonexistent-primer-checkout"}));
        assertEquals(2, PerformanceReport.run(new String[]{"--skip", "calls,frobnicate"}), "an unknown section is refused, not ignored");
        assertEquals(0, PerformanceReport.run(new String[]{"--help"}));
    }

    @Test
    void everySectionHasItsOwnSkipKeyAndTheUsageNamesThem() {
        List<String> keys = PerformanceReport.SECTIONS.stream().map(PerformanceReport.Section::key).toList();
        assertEquals(List.of("calls", "sdp", "data", "remote", "net", "turn", "kernel", "notebooks"), keys);
        assertTrue(PerformanceReport.USAGE.endsWith(String.join(", ", keys)), PerformanceReport.USAGE);
        // the engine sections run first, while the shared stream is up; kernel and notebooks after Engine.shutdown()
        List<Boolean> engine = PerformanceReport.SECTIONS.stream().map(PerformanceReport.Section::engine).toList();
        assertEquals(engine.indexOf(false), engine.lastIndexOf(true) + 1, "engine sections come first: " + engine);
    }

    @Test
    void theLessonRatiosCountLessonsOnlyAgainstARealEmptyNotebook() {
        Path root = Path.of("/kit");
        assertTrue(NotebookRows.isLesson(root, root.resolve("notebooks/03-local-peer-connection.ipynb")));
        assertFalse(NotebookRows.isLesson(root, root.resolve("notebooks/solutions/03-local-peer-connection-solutions.ipynb")));
        assertFalse(NotebookRows.isLesson(root, root.resolve("notebooks/teacher/class-results.ipynb")));
        var nb = com.google.gson.JsonParser.parseString(NotebookRows.EMPTY_NOTEBOOK).getAsJsonObject();
        assertEquals("webrtc-primer", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
        assertEquals(1, nb.getAsJsonArray("cells").size());
    }

    @Test
    void theSdpCorpusIsTheDatasetsFolder() throws Exception {
        // Both parsers must read the same files: the list in the report is every .sdp of datasets/sdp and datasets/article.
        Path datasets = Files.isDirectory(Path.of("../datasets")) ? Path.of("../datasets") : Path.of("datasets");
        List<String> onDisk;
        try (var s = Files.walk(datasets)) {
            onDisk = s.filter(p -> p.toString().endsWith(".sdp")).map(p -> datasets.relativize(p).toString())
                    .filter(n -> !n.startsWith("sdp-heldout/")).sorted().toList(); // the held-out corpus is read as a folder
        }
        try (var s = Files.list(datasets.resolve("sdp-heldout"))) {
            long heldOut = s.filter(p -> p.toString().endsWith(".sdp")).count();
            assertTrue(heldOut >= 30 && heldOut <= 60, "the held-out corpus has 30-60 SDPs, found " + heldOut);
        }
        assertEquals(onDisk, SdpBenchmark.corpusNames().stream().sorted().toList(),
                "a description was added to or removed from datasets/: update SdpBenchmark.corpusNames()");
        Path tool = datasets.resolveSibling("tools/sdp-transform-bench");
        assertTrue(Files.readString(tool.resolve("package-lock.json")).contains("\"sdp-transform\""), "the lock pins sdp-transform");
    }
}
