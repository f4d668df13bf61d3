package org.webrtcprimer.datachannel;

import org.webrtcprimer.call.RoundTrips;
import org.webrtcprimer.call.Throughput;
import org.webrtcprimer.call.ThroughputRun;
import org.webrtcprimer.call.Units;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.charts.LineLook;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.call.Summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;

/** Views of data channel measurements: throughput curves, round trips, and their tables. */
public final class DataChannelCharts {
    private DataChannelCharts() {}

    /** Colours for runs that are not peers (both runs go pc1 → pc2): purple, brown, teal, grey. */
    private static final Color[] RUN_COLORS = {new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
            new Color(0x17, 0xbe, 0xcf), Style.SIGNALING};

    /** Received throughput over time, one line per run (e.g. 16 KiB and 64 KiB messages). */
    public static Chart throughput(List<ThroughputRun> runs) {
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("throughput needs at least one run — measure with Throughput.measure(...)");
        XYSeriesCollection data = new XYSeriesCollection();
        for (ThroughputRun r : runs) {
            XYSeries s = new XYSeries(String.format("%s — %.1f MB/s overall", r.label(), r.megabytesPerSecond()), false, true);
            s.add(0, 0);
            for (ThroughputRun.Point p : r.series()) s.add(p.millis(), p.megabytesPerSecond());
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Data channel throughput, pc1 → pc2",
                "time since the first send (ms)", "received (MB/s)", data, PlotOrientation.VERTICAL, true, false, false);
        ThroughputRun first = runs.get(0);
        Charts.subtitle(chart, String.format("%s MB per run, %s; one point per %d ms; MB = 10⁶ bytes",
                new java.text.DecimalFormat("0.#").format(first.bytes() / 1e6), first.flow(), Throughput.INTERVAL.toMillis()));
        XYPlot plot = chart.getXYPlot();
        LineLook r = new LineLook(true);
        for (int i = 0; i < runs.size(); i++) r.add(RUN_COLORS[i % RUN_COLORS.length], LineLook.SOLID, null);
        plot.setRenderer(r);
        return Charts.draw(chart, "Each point is what pc2 received in one " + Throughput.INTERVAL.toMillis()
                + " ms interval. The curve is flat while the sender keeps bufferedAmount between the low- and high-water "
                + "marks; dips are moments the sender or the receiving thread did not get a CPU core.");
    }

    /** Round trips in ms, one point per ping, with the median as a line. */
    public static Chart roundTrips(RoundTrips rt) {
        if (rt == null || rt.millis().isEmpty()) throw new IllegalArgumentException("roundTrips needs measured round trips — RoundTrip.measure(...)");
        XYSeries s = new XYSeries(rt.from() + " → " + (rt.from().equals("pc1") ? "pc2" : "pc1") + " → " + rt.from(), false, true);
        for (int i = 0; i < rt.millis().size(); i++) s.add(i + 1, rt.millis().get(i));
        JFreeChart chart = ChartFactory.createXYLineChart("Data channel round-trip time (ping/pong)", "ping number",
                "round-trip time (ms)", new XYSeriesCollection(s), PlotOrientation.VERTICAL, true, false, false);
        Summary sum = rt.summary();
        Charts.subtitle(chart, String.format("%d pings of %d bytes over '%s': min %.3f ms, median %.3f ms, p90 %.3f ms",
                sum.n(), rt.size(), rt.channel(), sum.min(), sum.median(), sum.p90()));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new LineLook(false).add(Style.colorOf(rt.from()), null, new Ellipse2D.Double(-3, -3, 6, 6)));
        ValueMarker median = new ValueMarker(sum.median(), Style.SIGNALING, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f));
        median.setLabel(String.format("median %.3f ms", sum.median()));
        median.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 11));
        median.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        median.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        median.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        median.setLabelPaint(Style.SIGNALING.darker());
        plot.addRangeMarker(median);
        plot.getRangeAxis().setLowerBound(0);
        return Charts.draw(chart, String.format(java.util.Locale.ROOT, "Each ping goes pc1 → pc2 and its pong comes straight back "
                + "from pc2's network thread. Here the median round trip was %.3f ms and the slowest %.3f ms; with no network in "
                + "between, the slow ones are threads waiting for a CPU core.", sum.median(), sum.max()));
    }

    /** The runs side by side: message size, bytes, time, MB/s, peak bufferedAmount, intact. */
    public static Table table(List<ThroughputRun> runs) {
        Table t = Table.of("messages", "bytes", "time (ms)", "MB/s", "peak bufferedAmount", "high-water mark", "intact")
                .title("Data channel throughput, pc1 → pc2").format("bytes", "%,d").alignRight("peak bufferedAmount", "high-water mark");
        for (ThroughputRun r : runs) {
            t.row(r.label(), r.bytes(), r.millis(), r.megabytesPerSecond(), Units.bytes(r.peakBuffered()),
                    Units.bytes(r.flow().highWaterMark()), r.intact() ? Table.ok("yes") : Table.fail("NO"));
        }
        boolean held = runs.stream().allMatch(r -> r.peakBuffered() <= r.flow().highWaterMark());
        return t.note("MB/s counts payload bytes (10⁶ per MB) from the first send to the last byte received. "
                + (held ? "In every run the peak bufferedAmount stayed at or below the high-water mark: the sender waited instead."
                        : "In some run the peak bufferedAmount passed the high-water mark (see its row)."));
    }
}
