package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.SetupRuns;
import org.webrtcprimer.call.Summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many calls' timings as box plots: a box from the first to the third quartile, a line at the
 * median, whiskers to the furthest value within 1.5 box-lengths, dots beyond. One call is noise;
 * the boxes show what is typical and how much it varies.
 */
public final class Distributions {
    private Distributions() {}

    /** Colours of configurations (trickle, gather-first …): not the peers' colours, which mean pc1 and pc2. */
    static final Color[] CONFIGS = {new Color(0x17, 0xbe, 0xcf), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
            new Color(0xbc, 0xbd, 0x22)};

    /** One box per phase: how long each phase took over N calls, in the colour of the peer doing it. */
    public static Chart of(SetupRuns runs) {
        if (runs == null || runs.runs().isEmpty()) throw new IllegalArgumentException("no runs — measure some calls with SetupRuns.measure(...)");
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<String> shown = new ArrayList<>();
        for (String phase : Phases.NAMES) {
            List<Double> d = runs.durations(phase);
            if (d.isEmpty()) continue;
            data.add(d, runs.name(), phase);
            shown.add(phase);
        }
        if (shown.isEmpty()) throw new IllegalArgumentException("the runs recorded no phase with a start and an end");
        List<Color> colours = shown.stream().map(p -> Style.colorOf(p.startsWith("pc1") ? "pc1"
                : p.startsWith("pc2") || p.equals(Phases.FIRST_FRAME) ? "pc2" : "call")).toList();
        BoxAndWhiskerRenderer r = new OutlierBoxRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return LaneChart.lighter(colours.get(column), 0.35);
            }
        };
        JFreeChart chart = box("How long each phase takes over " + runs.runs().size() + " calls", "duration (ms)", data, r, false);
        Charts.subtitle(chart, runs.name() + " — box: middle half of the calls; line: median; whiskers: 1.5 box-lengths; circles: outliers");
        Summary frame = Summary.of(runs.firstFrame()), conn = Summary.of(runs.connected());
        String cap = String.format(Locale.ROOT, "Median call() → both connected %s ms, → first remote frame %s ms (p90 %s). ",
                f(conn.median()), f(frame.median()), f(frame.p90()))
                + "The widest boxes are the phases that make setup time vary from call to call.";
        return Charts.draw(chart, Charts.WIDTH, 120 + 34 * shown.size(), cap);
    }

    /**
     * Configurations side by side (e.g. trickle vs gather-first): for each, when pc2 had the offer,
     * when pc1 had the answer, when both were connected and when the first frame came — ms after call().
     */
    public static Chart compare(SetupRuns... configs) {
        if (configs == null || configs.length == 0) throw new IllegalArgumentException("pass the runs to compare, e.g. compare(trickle, gatherFirst)");
        if (configs.length > CONFIGS.length) throw new IllegalArgumentException("compare up to " + CONFIGS.length + " configurations at once");
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        String offer = "pc2 has applied the offer", answer = "pc1 has applied the answer", conn = "both connected", frame = "first remote frame";
        StringBuilder cap = new StringBuilder("Medians: ");
        for (SetupRuns r : configs) {
            add(data, r.ends(Phases.PC2_SET_REMOTE), r.name(), offer);
            add(data, r.ends(Phases.PC1_SET_REMOTE), r.name(), answer);
            add(data, r.connected(), r.name(), conn);
            add(data, r.firstFrame(), r.name(), frame);
            cap.append(String.format(Locale.ROOT, "%s — connected %s ms, first frame %s ms; ", r.name(),
                    f(Summary.of(r.connected()).median()), f(Summary.of(r.firstFrame()).median())));
        }
        cap.setLength(cap.length() - 2);
        // The caption must hold for any configurations compared (trickle vs gather-first, start bitrates …).
        cap.append(". A configuration whose boxes sit further right reaches that milestone later; the width of a box is how much it varies.");
        BoxAndWhiskerRenderer r = new OutlierBoxRenderer();
        // Without this the kit's theme would hand the series the peers' colours again.
        r.setAutoPopulateSeriesPaint(false);
        for (int i = 0; i < configs.length; i++) r.setSeriesPaint(i, LaneChart.lighter(CONFIGS[i], 0.25));
        int n = configs[0].runs().size();
        JFreeChart chart = box("When each milestone is reached", "ms after call()", data, r, true);
        Charts.subtitle(chart, String.join(" vs ", java.util.Arrays.stream(configs).map(SetupRuns::name).toList())
                + " — " + n + " calls each; box: middle half, line: median, whiskers: 1.5 box-lengths, circles: outliers");
        return Charts.draw(chart, Charts.WIDTH, 460, cap.toString());
    }

    private static void add(DefaultBoxAndWhiskerCategoryDataset data, List<Double> values, String series, String category) {
        if (!values.isEmpty()) data.add(values, series, category);
    }

    private static JFreeChart box(String title, String valueLabel, DefaultBoxAndWhiskerCategoryDataset data,
                                  BoxAndWhiskerRenderer r, boolean legend) {
        CategoryAxis cat = new CategoryAxis(null);
        NumberAxis val = new NumberAxis(valueLabel);
        val.setAutoRangeIncludesZero(true);
        r.setMeanVisible(false);
        r.setMedianVisible(true);
        r.setFillBox(true);
        r.setMaxOutlierVisible(true);
        r.setMinOutlierVisible(true);
        r.setUseOutlinePaintForWhiskers(false);
        r.setMaximumBarWidth(0.5);
        r.setItemMargin(0.1);
        r.setDefaultOutlinePaint(new Color(0x44, 0x44, 0x44));
        r.setDefaultOutlineStroke(new BasicStroke(1f));
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(title, new Font(Charts.FONT, Font.BOLD, 16), plot, legend);
        Charts.style(chart);
        cat.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 11));
        cat.setMaximumCategoryLabelWidthRatio(0.4f);
        return chart;
    }

    /**
     * JFreeChart's box renderer draws outliers only for vertical boxes; the kit's boxes lie
     * horizontally, so this one adds them: a dot for every call outside the whiskers.
     */
    static class OutlierBoxRenderer extends BoxAndWhiskerRenderer {
        @Override
        public void drawHorizontalItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.category.CategoryItemRendererState state,
                                       java.awt.geom.Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                                       org.jfree.chart.axis.ValueAxis rangeAxis, org.jfree.data.category.CategoryDataset dataset,
                                       int row, int column) {
            super.drawHorizontalItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column);
            if (!(dataset instanceof org.jfree.data.statistics.BoxAndWhiskerCategoryDataset box)) return;
            java.util.List<?> outliers = box.getOutliers(row, column);
            Number low = box.getMinRegularValue(row, column), high = box.getMaxRegularValue(row, column);
            if (outliers == null || low == null || high == null) return;
            // Where super drew this box: the same arithmetic as BoxAndWhiskerRenderer.drawHorizontalItem.
            int categories = getColumnCount(), series = getRowCount();
            org.jfree.chart.ui.RectangleEdge edge = plot.getDomainAxisEdge();
            double start = domainAxis.getCategoryStart(column, categories, dataArea, edge);
            double width = Math.abs(domainAxis.getCategoryEnd(column, categories, dataArea, edge) - start);
            double y;
            if (series > 1) {
                double gap = dataArea.getHeight() * getItemMargin() / (categories * (series - 1));
                double used = state.getBarWidth() * series + gap * (series - 1);
                y = start + (width - used) / 2 + row * (state.getBarWidth() + gap);
            } else {
                y = start + (width - state.getBarWidth()) / 2;
            }
            y += state.getBarWidth() / 2;
            g2.setPaint(new Color(0x44, 0x44, 0x44));
            g2.setStroke(new BasicStroke(1f));
            double r = Math.min(3.5, Math.max(2, state.getBarWidth() / 6));
            for (Object o : outliers) {
                if (!(o instanceof Number n)) continue;
                double v = n.doubleValue();
                if (v >= low.doubleValue() && v <= high.doubleValue()) continue;
                double x = rangeAxis.valueToJava2D(v, dataArea, plot.getRangeAxisEdge());
                g2.draw(new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
