package org.webrtcprimer.timing;

import org.webrtcprimer.call.Summary;

import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** N calls' phase durations as a table: n, min, median, p90, max per phase, then the two totals. */
public final class RunsTable implements TableView {

    private final List<List<String>> rows = new ArrayList<>();
    private final Table table;

    RunsTable(SetupRuns runs) {
        table = Table.of("phase (ms)", "n", "min", "median", "p90", "max")
                .title(runs.name() + ": " + runs.runs().size() + " call" + (runs.runs().size() == 1 ? "" : "s")
                        + ", each phase's duration in ms")
                .note("Percentiles are nearest-rank over the calls that recorded the phase. The two totals (last, in grey) "
                        + "count from call(); phases overlap, so they do not add up.")
                .alignRight("n", "min", "median", "p90", "max");
        runs.summaries().forEach((phase, s) -> {
            List<String> cells = List.of(phase, String.valueOf(s.n()), ms(s.min()), ms(s.median()), ms(s.p90()), ms(s.max()));
            rows.add(cells);
            table.row(cells.toArray()).rowColor(Style.colorOf(peerOf(phase)));
        });
    }

    /**
     * Configurations side by side, one row each: how many calls, and min / median / p90 of
     * call() → both connected and call() → first remote frame, in ms. The numbers behind
     * {@code Distributions.compare(...)}.
     */
    public static Table compare(SetupRuns... configs) {
        if (configs == null || configs.length == 0) throw new IllegalArgumentException("pass the runs to compare, e.g. compare(quick, article)");
        String[] numbers = {"calls", "connected min", "connected median", "connected p90", "first frame min", "first frame median",
                "first frame p90"};
        Table t = Table.of("configuration", numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6])
                .title("call() → both connected, and call() → first remote frame, in ms")
                .note("Nearest-rank percentiles over each configuration's calls. Compare the medians; the p90 says how slow a slow call gets.")
                .alignRight(numbers);
        for (SetupRuns r : configs) {
            if (r == null) throw new IllegalArgumentException("one of the runs to compare is null — measure it with SetupRuns.measure(...) first");
            Summary c = Summary.of(r.connected()), f = Summary.of(r.firstFrame());
            t.row(r.name(), r.runs().size(), ms(c.min()), ms(c.median()), ms(c.p90()), ms(f.min()), ms(f.median()), ms(f.p90()));
        }
        return t;
    }

    /** The cells, row by row. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    private static String peerOf(String phase) {
        return phase.startsWith("pc1") ? "pc1" : phase.startsWith("pc2") || phase.equals(Phases.FIRST_FRAME) ? "pc2" : "call";
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public String toString() {
        return toText();
    }
}
