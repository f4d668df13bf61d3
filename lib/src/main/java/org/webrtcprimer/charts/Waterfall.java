package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.timing.Phases;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The setup of a call as a waterfall: one row per phase (createOffer, the descriptions, gathering,
 * ICE checks, DTLS, the first frame), a bar from its start to its end in ms after {@code call()},
 * in the colour of the peer doing it, labelled with its duration.
 *
 * <pre>{@code
 * show(Waterfall.of(call.log()));
 * show(Waterfall.compare(Phases.of(call.log()), "this kernel", Phases.of(articleLog), "Chrome 2020 (the article)"));
 * }</pre>
 */
public final class Waterfall {
    private Waterfall() {}

    /** The waterfall of a call's log. */
    public static Chart of(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return of(Phases.of(log));
    }

    /** The waterfall of a list of events. */
    public static Chart of(List<Event> events) {
        return of(Phases.of(events));
    }

    /** The waterfall of a call's phases. */
    public static Chart of(Phases phases) {
        if (phases == null) throw new IllegalArgumentException("no phases — pass Phases.of(call.log())");
        List<String> lanes = new ArrayList<>();
        List<LaneChart.Bar> bars = new ArrayList<>();
        for (Phases.Phase p : phases.list()) {
            int lane = lanes.size();
            lanes.add(p.name());
            if (p.present()) {
                Color c = colour(p.peer());
                bars.add(new LaneChart.Bar(lane, -1, p.startMs(), p.endMs(), c, c.darker(), ms(p.durationMs())));
            }
        }
        List<LaneChart.Mark> marks = new ArrayList<>();
        if (!Double.isNaN(phases.connectedMs())) marks.add(new LaneChart.Mark(phases.connectedMs(), "both connected", Style.OK));
        if (!Double.isNaN(phases.firstFrameMs())) marks.add(new LaneChart.Mark(phases.firstFrameMs(), "first remote frame", Style.SIGNALING));
        JFreeChart chart = LaneChart.build("Where the setup time goes", "ms after call()", lanes, bars, marks,
                legend(), LaneChart.Overflow.RIGHT);
        Charts.subtitle(chart, "each phase of the article's call() from its start to its end, read from the event log");
        return Charts.draw(chart, Charts.WIDTH, 140 + 30 * lanes.size(), caption(phases));
    }

    /**
     * Two calls' phases, row by row: the upper bar of each row is the first call, the lower one
     * (lighter, outlined) the second — e.g. this kernel beside the article's Chrome.
     */
    public static Chart compare(Phases first, String firstName, Phases second, String secondName) {
        if (first == null || second == null) throw new IllegalArgumentException("pass two calls' phases, e.g. Phases.of(call.log())");
        List<String> lanes = new ArrayList<>();
        List<LaneChart.Bar> bars = new ArrayList<>();
        for (String name : Phases.NAMES) {
            int lane = lanes.size();
            lanes.add(name);
            Phases.Phase a = first.get(name), b = second.get(name);
            if (a.present()) {
                Color c = colour(a.peer());
                bars.add(new LaneChart.Bar(lane, 0, a.startMs(), a.endMs(), c, c.darker(), ms(a.durationMs())));
            }
            if (b.present()) {
                Color c = colour(b.peer());
                bars.add(new LaneChart.Bar(lane, 1, b.startMs(), b.endMs(), LaneChart.lighter(c, 0.6), c.darker(), ms(b.durationMs())));
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(LaneChart.legend(firstName + " (upper, solid)", Style.PC1));
        legend.add(LaneChart.legend(secondName + " (lower, light)", LaneChart.lighter(Style.PC1, 0.6)));
        legend.add(LaneChart.legend("pc1", Style.PC1));
        legend.add(LaneChart.legend("pc2", Style.PC2));
        legend.add(LaneChart.legend("both", Style.SIGNALING));
        JFreeChart chart = LaneChart.build("Setup phases: " + firstName + " beside " + secondName, "ms after call()", lanes, bars,
                List.of(), legend, LaneChart.Overflow.RIGHT);
        Charts.subtitle(chart, "upper bar: " + firstName + "; lower bar: " + secondName + "; a row without a bar is a phase that log does not record");
        String cap = String.format(Locale.ROOT, "%s: both ICE connected at %s; %s: at %s. ", firstName, iceDone(first), secondName, iceDone(second))
                + "Compare the bars phase by phase: which steps got faster, and which were never logged.";
        return Charts.draw(chart, Charts.WIDTH, 150 + 34 * lanes.size(), cap);
    }

    private static String iceDone(Phases p) {
        double v = Math.max(p.get(Phases.PC1_ICE).endMs(), p.get(Phases.PC2_ICE).endMs());
        return Double.isNaN(v) ? "(not logged)" : ms(v);
    }

    private static LegendItemCollection legend() {
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(LaneChart.legend("pc1", Style.PC1));
        legend.add(LaneChart.legend("pc2", Style.PC2));
        legend.add(LaneChart.legend("both peers", Style.SIGNALING));
        return legend;
    }

    private static Color colour(String peer) {
        return Style.colorOf(peer);
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static String caption(Phases phases) {
        StringBuilder b = new StringBuilder();
        phases.longest().ifPresent(p -> b.append("The longest phase is ").append(p.name()).append(" (").append(ms(p.durationMs())).append("). "));
        if (!Double.isNaN(phases.connectedMs())) b.append("Both peers were connected ").append(ms(phases.connectedMs())).append(" after call()");
        if (!Double.isNaN(phases.firstFrameMs())) b.append(" and the first remote frame came at ").append(ms(phases.firstFrameMs()));
        if (!Double.isNaN(phases.connectedMs())) b.append(". ");
        b.append("Phases overlap: gathering and ICE checks run while the descriptions are still being set.");
        return b.toString();
    }
}
