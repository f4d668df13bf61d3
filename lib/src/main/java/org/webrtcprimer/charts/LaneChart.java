package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Horizontal bars in named lanes along a time axis, each bar labelled: the shape of both the
 * state swimlanes and the setup waterfall. Labels go inside a bar when they fit; otherwise
 * above it in its lane (swimlanes, where the next state follows at once) or to its right (waterfall).
 */
final class LaneChart {
    private LaneChart() {}

    /** Where a label that does not fit inside its bar goes. */
    enum Overflow { ABOVE, RIGHT }

    /**
     * One bar.
     *
     * @param lane  index into the lane names, 0 at the top
     * @param half  -1 for the whole lane, 0 for its upper half, 1 for its lower half (two bars compared)
     */
    record Bar(int lane, int half, double start, double end, Color fill, Color outline, String label) {}

    /** A vertical line across all lanes at a time, with a label. */
    record Mark(double at, String label, Color color) {}

    static final Font LABEL = new Font(Charts.FONT, Font.PLAIN, 11);
    static final Font SMALL = new Font(Charts.FONT, Font.PLAIN, 9);

    static JFreeChart build(String title, String xLabel, List<String> lanes, List<Bar> bars, List<Mark> marks,
                            LegendItemCollection legend, Overflow overflow) {
        return build(title, xLabel, lanes, bars, marks, legend, overflow, 0);
    }

    /** Like the other build, with the time axis starting at {@code from} instead of 0 (a window of a long log). */
    static JFreeChart build(String title, String xLabel, List<String> lanes, List<Bar> bars, List<Mark> marks,
                            LegendItemCollection legend, Overflow overflow, double from) {
        XYIntervalSeries series = new XYIntervalSeries("bars", false, true); // keep insertion order: item i is bars[i]
        for (Bar b : bars) {
            // Swimlanes keep the upper part of each lane free for the labels of short states.
            double lo = b.lane() - (overflow == Overflow.ABOVE ? 0.06 : 0.32), hi = b.lane() + (overflow == Overflow.ABOVE ? 0.38 : 0.32);
            if (b.half() == 0) hi = b.lane() - 0.01;
            if (b.half() == 1) lo = b.lane() + 0.01;
            // A zero-length bar still shows as a hairline at its time.
            double end = Math.max(b.end(), b.start() + 1e-3);
            series.add((b.start() + end) / 2, b.start(), end, b.lane(), lo, hi);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);

        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(from == 0);
        double max = bars.stream().mapToDouble(Bar::end).max().orElse(from + 1);
        for (Mark m : marks) max = Math.max(max, m.at());
        double span = Math.max(1, max - from);
        x.setRange(from, from + span * (overflow == Overflow.RIGHT ? 1.16 : 1.02));
        SymbolAxis y = new SymbolAxis(null, lanes.toArray(String[]::new));
        y.setInverted(true);
        y.setGridBandsVisible(true);
        y.setRange(-0.6, lanes.size() - 0.4);

        Renderer r = new Renderer(bars, overflow, lanes.size());
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setRangeGridlinesVisible(false);
        for (Mark m : marks) {
            ValueMarker vm = new ValueMarker(m.at(), m.color(), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[]{4f, 3f}, 0f));
            vm.setLabel(m.label());
            vm.setLabelFont(SMALL);
            vm.setLabelPaint(m.color().darker());
            vm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            vm.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(vm, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Charts.FONT, Font.BOLD, 16), plot, legend != null);
        if (legend != null) plot.setFixedLegendItems(legend);
        Charts.style(chart);
        // The theme resets renderer and axis settings; put back what the lanes need.
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        y.setGridBandPaint(new Color(0xf6, 0xf7, 0xf9));
        y.setGridBandAlternatePaint(Color.WHITE);
        y.setTickLabelFont(new Font(Charts.FONT, Font.PLAIN, 11));
        return chart;
    }

    static LegendItem legend(String label, Color fill) {
        LegendItem li = new LegendItem(label, fill);
        li.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 11));
        return li;
    }

    /** Mixes a colour with white: 0 keeps it, 1 is white. */
    static Color lighter(Color c, double towardsWhite) {
        double t = Math.max(0, Math.min(1, towardsWhite));
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * t),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * t),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * t));
    }

    static boolean dark(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 150;
    }

    private static final class Renderer extends XYBarRenderer {
        private final List<Bar> bars;
        private final Overflow overflow;
        // Right edge of the last label drawn above each lane's bars, in pixels.
        private final Map<Integer, Double> right = new HashMap<>();
        private final int lanes;

        Renderer(List<Bar> bars, Overflow overflow, int lanes) {
            this.bars = new ArrayList<>(bars);
            this.overflow = overflow;
            this.lanes = lanes;
            setUseYInterval(true);
            setDefaultItemLabelsVisible(false);
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            return bars.get(item).fill();
        }

        @Override
        public Paint getItemOutlinePaint(int series, int item) {
            Color o = bars.get(item).outline();
            return o == null ? bars.get(item).fill().darker() : o;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            if (item == 0) right.clear();
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
            Bar b = bars.get(item);
            if (b.label() == null || b.label().isEmpty()) return;
            XYIntervalSeriesCollection d = (XYIntervalSeriesCollection) dataset;
            double x0 = domainAxis.valueToJava2D(d.getStartXValue(series, item), dataArea, plot.getDomainAxisEdge());
            double x1 = domainAxis.valueToJava2D(d.getEndXValue(series, item), dataArea, plot.getDomainAxisEdge());
            double ya = rangeAxis.valueToJava2D(d.getStartYValue(series, item), dataArea, plot.getRangeAxisEdge());
            double yb = rangeAxis.valueToJava2D(d.getEndYValue(series, item), dataArea, plot.getRangeAxisEdge());
            double top = Math.min(ya, yb), bottom = Math.max(ya, yb);
            g2.setFont(LABEL);
            FontMetrics fm = g2.getFontMetrics();
            int w = fm.stringWidth(b.label());
            if (w + 6 <= x1 - x0 && fm.getAscent() <= bottom - top + 2) {
                g2.setPaint(dark(b.fill()) ? Color.WHITE : new Color(0x22, 0x22, 0x22));
                g2.drawString(b.label(), (float) ((x0 + x1 - w) / 2), (float) ((top + bottom + fm.getAscent() - fm.getDescent()) / 2));
                return;
            }
            g2.setFont(SMALL);
            fm = g2.getFontMetrics();
            w = fm.stringWidth(b.label());
            g2.setPaint(new Color(0x33, 0x33, 0x33));
            if (overflow == Overflow.RIGHT) {
                g2.drawString(b.label(), (float) (x1 + 4), (float) ((top + bottom + fm.getAscent() - fm.getDescent()) / 2));
                return;
            }
            // Above the bar, in the lane's own band, from where the state began; when an earlier label is
            // in the way, right after it, so a burst of states reads left to right like the text chain.
            double xs = Math.max(x0, right.getOrDefault(b.lane(), -1e9) + 6);
            if (xs + w <= dataArea.getMaxX()) {
                g2.drawString(b.label(), (float) xs, (float) (top - 3));
                right.put(b.lane(), xs + w);
            }
        }
    }
}
