package org.webrtcprimer.exercises;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.events.TextLog;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.timing.Milestones;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A class's results files ({@link ResultsFile}) read together, for the teacher: who solved
 * what, the exercises most often answered wrong and their most common wrong answers, and the
 * class's setup times beside the article's.
 *
 * <p>{@code ClassResults.load(Path.of("/srv/class-results"))} reads every {@code *.jsonl} file in
 * a folder and its sub-folders (one per student, e.g. copied from each home or uploaded);
 * {@code ClassResults.dataset("classroom/hub-demo-8")} reads a recorded class from the datasets.
 * Lines that are not results are skipped and counted, each file is read up to
 * {@link ResultsFile#MAX_BYTES} and at most {@value #MAX_FILES} files.
 */
public final class ClassResults {

    /** At most this many files are read from a folder. */
    public static final int MAX_FILES = 2000;

    /** One line of a results file. */
    public record Entry(String student, String kind, String exercise, String outcome, String answer,
                        double firstFrameMs, double connectedMs, boolean stepwise, String at, String source) {}

    private final List<Entry> entries;
    private final List<String> skipped;
    private final String from;

    private ClassResults(List<Entry> entries, List<String> skipped, String from) {
        this.entries = List.copyOf(entries);
        this.skipped = List.copyOf(skipped);
        this.from = from;
    }

    /** Every results file ({@code *.jsonl}) in a folder and its sub-folders. */
    public static ClassResults load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder " + folder.toAbsolutePath() + " — put the students' "
                    + ResultsFile.FILE_NAME + " files there (one per student, any names ending in .jsonl)");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted().limit(MAX_FILES).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path f : files) {
            try {
                byte[] bytes;
                try (var in = Files.newInputStream(f)) {
                    bytes = in.readNBytes((int) ResultsFile.MAX_BYTES);
                }
                parse(new String(bytes, StandardCharsets.UTF_8), folder.relativize(f).toString(), entries, skipped);
            } catch (IOException e) {
                skipped.add(folder.relativize(f) + ": cannot read (" + e.getMessage() + ")");
            }
        }
        return new ClassResults(entries, skipped, folder.toAbsolutePath() + " (" + files.size() + " files)");
    }

    /** A recorded class from the kit's datasets, e.g. {@code classroom/hub-demo-8} (its student-1.jsonl, student-2.jsonl, …). */
    public static ClassResults dataset(String folder) {
        String clean = folder.replaceAll("^/+|/+$", "").replaceFirst("^datasets/", "");
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int files = 0;
        for (int i = 1; i <= MAX_FILES; i++) {
            String text = resource(clean + "/student-" + i + ".jsonl");
            if (text == null) break;
            parse(text, "student-" + i + ".jsonl", entries, skipped);
            files++;
        }
        if (files == 0) throw new IllegalArgumentException("no recorded class in datasets/" + clean + " (student-1.jsonl, …) — see datasets/README.md");
        return new ClassResults(entries, skipped, "datasets/" + clean + " (" + files + " files)");
    }

    /** A file of the datasets bundled in the jar, or null. */
    private static String resource(String path) {
        try (var in = ClassResults.class.getClassLoader().getResourceAsStream("datasets/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read datasets/" + path, e);
        }
    }

    /** Reads results lines; anything else is noted in {@code skipped} with its file and line. */
    static void parse(String text, String source, List<Entry> entries, List<String> skipped) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String where = source + ":" + (i + 1);
            try {
                JsonElement el = JsonParser.parseString(line);
                if (!el.isJsonObject()) throw new IllegalArgumentException("not a JSON object");
                JsonObject o = el.getAsJsonObject();
                String kind = str(o, "kind");
                String student = str(o, "student");
                if (student.isEmpty()) throw new IllegalArgumentException("no \"student\"");
                if (kind.equals("check")) {
                    if (str(o, "exercise").isEmpty() || str(o, "outcome").isEmpty()) throw new IllegalArgumentException("a check without exercise or outcome");
                    entries.add(new Entry(student, kind, str(o, "exercise"), str(o, "outcome"), str(o, "answer"), Double.NaN, Double.NaN, false, str(o, "at"), source));
                } else if (kind.equals("setup")) {
                    double ff = num(o, "first_frame_ms"), conn = num(o, "connected_ms");
                    if (!(ff >= 0 && ff < 600_000)) throw new IllegalArgumentException("first_frame_ms missing or out of range");
                    boolean stepwise = o.has("stepwise") && o.get("stepwise").isJsonPrimitive() && o.get("stepwise").getAsBoolean();
                    entries.add(new Entry(student, kind, "", "", "", ff, conn, stepwise, str(o, "at"), source));
                } else {
                    throw new IllegalArgumentException("unknown kind '" + kind + "'");
                }
            } catch (RuntimeException e) {
                skipped.add(where + ": " + e.getMessage());
            }
        }
    }

    private static String str(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    private static double num(JsonObject o, String k) {
        JsonElement e = o.get(k);
        try {
            return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
        } catch (RuntimeException x) {
            return Double.NaN;
        }
    }

    /** Every line read. */
    public List<Entry> entries() {
        return entries;
    }

    /** Lines that were skipped, with file, line and why. */
    public List<String> skipped() {
        return skipped;
    }

    /** The students, sorted. */
    public List<String> students() {
        return entries.stream().map(Entry::student).distinct().sorted().toList();
    }

    private List<String> exercises() {
        return entries.stream().filter(e -> e.kind().equals("check")).map(Entry::exercise)
                .collect(Collectors.toCollection(() -> new TreeSet<>(ClassResults::byId))).stream().toList();
    }

    private static int byId(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /** Who solved what: one row per student, one column per exercise (✓ solved, ✗ tried, not yet solved). */
    public Table solved() {
        List<String> ex = exercises();
        List<String> headers = new ArrayList<>();
        headers.add("student");
        headers.addAll(ex);
        headers.add("solved");
        Table t = Table.of(headers.toArray(String[]::new)).title("Who solved what");
        Map<String, Map<String, List<Entry>>> by = new TreeMap<>();
        for (Entry e : entries) {
            if (!e.kind().equals("check")) continue;
            by.computeIfAbsent(e.student(), k -> new TreeMap<>()).computeIfAbsent(e.exercise(), k -> new ArrayList<>()).add(e);
        }
        for (String s : students()) {
            List<Object> row = new ArrayList<>();
            row.add(s);
            int solved = 0;
            for (String x : ex) {
                List<Entry> tries = by.getOrDefault(s, Map.of()).getOrDefault(x, List.of());
                long wrong = tries.stream().filter(e -> e.outcome().equals("wrong")).count();
                boolean right = tries.stream().anyMatch(e -> e.outcome().equals("right"));
                if (right) solved++;
                row.add(tries.isEmpty() ? "" : right ? Table.ok(wrong == 0 ? "✓" : "✓ after " + wrong + " ✗")
                        : Table.fail("✗ " + wrong + (wrong == 1 ? " try" : " tries")));
            }
            row.add(solved + " of " + ex.size());
            t.row(row.toArray());
        }
        long solvedAll = students().stream().filter(s -> ex.stream().allMatch(x ->
                by.getOrDefault(s, Map.of()).getOrDefault(x, List.of()).stream().anyMatch(e -> e.outcome().equals("right")))).count();
        return t.note(students().size() + " students, " + ex.size() + " exercises checked; " + solvedAll
                + " solved every exercise they were given. An empty cell: not answered yet.");
    }

    /** The exercises most often answered wrong, with the most common wrong answers. */
    public Table mostOftenWrong() {
        Table t = Table.of("exercise", "students who tried", "solved by", "wrong answers", "most common wrong answers")
                .title("Exercises most often answered wrong").alignRight("students who tried", "solved by", "wrong answers");
        record Row(String ex, long tried, long solved, long wrong, String common) {}
        List<Row> rows = new ArrayList<>();
        for (String x : exercises()) {
            List<Entry> all = entries.stream().filter(e -> e.kind().equals("check") && e.exercise().equals(x)).toList();
            long tried = all.stream().map(Entry::student).distinct().count();
            long solved = all.stream().filter(e -> e.outcome().equals("right")).map(Entry::student).distinct().count();
            Map<String, Long> wrong = all.stream().filter(e -> e.outcome().equals("wrong"))
                    .collect(Collectors.groupingBy(Entry::answer, LinkedHashMap::new, Collectors.counting()));
            long nWrong = wrong.values().stream().mapToLong(Long::longValue).sum();
            String common = wrong.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(en -> "“" + en.getKey() + "” ×" + en.getValue()).collect(Collectors.joining(", "));
            rows.add(new Row(x, tried, solved, nWrong, common));
        }
        rows.sort(Comparator.comparingLong(Row::wrong).reversed().thenComparingLong(Row::solved));
        for (Row r : rows) if (r.wrong() > 0) t.row(r.ex(), r.tried(), r.solved(), r.wrong(), r.common());
        long clean = rows.stream().filter(r -> r.wrong() == 0).count();
        return t.note(t.size() == 0 ? "No wrong answers recorded." :
                "Sorted by wrong answers" + (clean == 0 ? "" : "; " + clean + " exercise(s) with no wrong answer are left out")
                        + ". Go over the top rows in class.");
    }

    /** Every student's measured setup times (ms, call() to the first remote frame). */
    public Map<String, List<Double>> setupTimes() {
        Map<String, List<Double>> m = new TreeMap<>();
        for (Entry e : entries) if (e.kind().equals("setup") && !e.stepwise()) m.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e.firstFrameMs());
        return m;
    }

    /** Every student's measured times to connected (ms, call() to both peers connected). */
    public Map<String, List<Double>> connectedTimes() {
        Map<String, List<Double>> m = new TreeMap<>();
        for (Entry e : entries) {
            if (e.kind().equals("setup") && !e.stepwise() && !Double.isNaN(e.connectedMs())) m.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e.connectedMs());
        }
        return m;
    }

    /**
     * The article's own figure, in ms: its Chrome log (2020) from "Starting call" to the later of
     * both peers' "ICE state: connected". Its page did not log the first remote frame (only the
     * video's size change), so connected is the milestone both logs share (the kit's is
     * connectionState connected: ICE and then DTLS, so a little later than ICE alone).
     */
    public static double articleConnectedMs() {
        List<OptionalDouble> t = Milestones.times(TextLog.parse(resource("article/log.txt"), "datasets/article/log.txt"));
        double last = Double.NaN;
        for (int i = 0; i < Milestones.ARTICLE.size(); i++) {
            if (Milestones.ARTICLE.get(i).label().endsWith("ICE connected") && t.get(i).isPresent()) {
                last = Double.isNaN(last) ? t.get(i).getAsDouble() : Math.max(last, t.get(i).getAsDouble());
            }
        }
        return last;
    }

    /** The class's times to connected as a histogram, with the article's figure as a line. */
    public Chart setupTimeChart() {
        List<Double> all = connectedTimes().values().stream().flatMap(List::stream).sorted().toList();
        double article = articleConnectedMs();
        HistogramDataset data = new HistogramDataset();
        if (!all.isEmpty()) {
            double hi = Math.max(all.get(all.size() - 1), Double.isNaN(article) ? 0 : article) * 1.1 + 1;
            int bins = Math.max(6, Math.min(30, all.size() / 2));
            data.addSeries("this class", all.stream().mapToDouble(Double::doubleValue).toArray(), bins, 0, hi);
        }
        JFreeChart chart = org.jfree.chart.ChartFactory.createHistogram("The class's calls: call() → both peers connected",
                "ms after call()", "calls", data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        ((XYBarRenderer) plot.getRenderer()).setShadowVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (!Double.isNaN(article)) {
            // the bars take the theme's first colour; the article's line is the signaling grey, dashed
            ValueMarker m = new ValueMarker(article, Style.SIGNALING, new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{8f, 5f}, 0f));
            m.setLabel(String.format(" the article (Chrome, 2020): %.1f ms", article));
            m.setLabelPaint(Style.SIGNALING.darker());
            m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 0));
            m.setLabelFont(new java.awt.Font(Charts.FONT, java.awt.Font.PLAIN, 12));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        Charts.subtitle(chart, all.size() + " calls of " + connectedTimes().size() + " students, each measured in the student's own kernel");
        String caption;
        if (all.isEmpty()) {
            caption = "No setup times recorded yet: a student's call is saved once it shows its first frame.";
        } else {
            double median = all.get(all.size() / 2);
            long faster = all.stream().filter(x -> x < article).count();
            caption = String.format("Median %.1f ms over %d calls; %d of %d connected sooner than the article's %.1f ms "
                    + "(its page logged ICE connected and no first frame; the kit's figure is connectionState connected, ICE and DTLS). "
                    + "Many kernels busy at once on one server move the whole histogram right.", median, all.size(), faster, all.size(), article);
        }
        return Charts.draw(chart, caption);
    }

    /** The setup times per student: calls, min / median / max. */
    public Table setupTimeTable() {
        Table t = Table.of("student", "calls", "connected, median ms", "first frame min ms", "first frame median ms", "first frame max ms")
                .title("Setup time per student")
                .alignRight("calls", "connected, median ms", "first frame min ms", "first frame median ms", "first frame max ms");
        Map<String, List<Double>> conn = connectedTimes();
        setupTimes().forEach((s, xs) -> {
            List<Double> v = new ArrayList<>(xs);
            Collections.sort(v);
            List<Double> c = new ArrayList<>(conn.getOrDefault(s, List.of()));
            Collections.sort(c);
            t.row(s, v.size(), c.isEmpty() ? "—" : String.format("%.1f", c.get(c.size() / 2)), String.format("%.1f", v.get(0)),
                    String.format("%.1f", v.get(v.size() / 2)), String.format("%.1f", v.get(v.size() - 1)));
        });
        long stepwise = entries.stream().filter(e -> e.kind().equals("setup") && e.stepwise()).count();
        return t.note("call() → both peers connected, and → the first remote video frame (the article's setup time), "
                + "as each student's kernel measured them. " + (stepwise == 0 ? "" : stepwise
                + " call(s) made one step per cell are left out: they measure the student's pace, not the engine."));
    }

    @Override
    public String toString() {
        return "ClassResults from " + from + ": " + students().size() + " students, " + entries.size() + " lines"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped (skipped() says where and why)");
    }
}
