package org.webrtcprimer.timing;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** N calls' phase durations as a table: n, min, median, p90, max per phase, then the two totals. */
public final class RunsTable implements Renderable {

    private static final List<String> HEADERS = List.of("phase (ms)", "n", "min", "median", "p90", "max");
    private static final String CAPTION = "Percentiles are nearest-rank over the calls that recorded the phase. "
            + "The two totals (highlighted) count from call(); phases overlap, so they do not add up.";

    private final String title;
    private final List<TableHtml.Row> rows = new ArrayList<>();

    RunsTable(SetupRuns runs) {
        title = runs.name() + ": " + runs.runs().size() + " call" + (runs.runs().size() == 1 ? "" : "s")
                + ", each phase's duration in ms";
        runs.summaries().forEach((phase, s) -> rows.add(new TableHtml.Row(List.of(phase, String.valueOf(s.n()), ms(s.min()),
                ms(s.median()), ms(s.p90()), ms(s.max())), Style.colorOf(peerOf(phase)), phase.startsWith("call()"))));
    }

    /** The cells, row by row. */
    public List<List<String>> rows() {
        return rows.stream().map(TableHtml.Row::cells).toList();
    }

    private static String peerOf(String phase) {
        return phase.startsWith("pc1") ? "pc1" : phase.startsWith("pc2") || phase.equals(Phases.FIRST_FRAME) ? "pc2" : "call";
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public String toHtml() {
        return TableHtml.html(title, HEADERS, rows, CAPTION);
    }

    @Override
    public String toText() {
        return TableHtml.text(title, HEADERS, rows, CAPTION);
    }

    @Override
    public String toString() {
        return toText();
    }
}
