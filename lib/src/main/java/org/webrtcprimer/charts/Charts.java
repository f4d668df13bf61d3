package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.webrtcprimer.notebook.Style;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The kit's one look for charts: white background, light grid, DejaVu Sans, peers in their colours
 * ({@link Style#PC1} blue, {@link Style#PC2} orange, signaling grey). Every chart the kit draws goes
 * through {@link #draw} so they all match.
 */
public final class Charts {
    private Charts() {}

    static {
        // Charts are drawn off-screen; a notebook kernel has no display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The font family every chart uses (falls back to the JVM's sans serif when DejaVu is missing). */
    public static final String FONT = "DejaVu Sans";

    /** Default size of a chart in pixels. */
    public static final int WIDTH = 900, HEIGHT = 420;

    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color TEXT = new Color(0x33, 0x33, 0x33);

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("webrtc-primer");
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
        t.setLargeFont(new Font(FONT, Font.BOLD, 13));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(new Color(0x55, 0x55, 0x55));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setShadowVisible(false);
        // Series take the peers' colours first, so a two-series chart of pc1 and pc2 needs no setup.
        java.awt.Paint[] series = {Style.PC1, Style.PC2, Style.SIGNALING, Style.OK, Style.FAIL,
                new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0x17, 0xbe, 0xcf)};
        t.setDrawingSupplier(new org.jfree.chart.plot.DefaultDrawingSupplier(series,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                new java.awt.Stroke[]{new BasicStroke(2f)},
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                org.jfree.chart.plot.DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        t.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        t.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        return t;
    }

    /** Applies the kit's look to a chart made with JFreeChart's factories. */
    public static JFreeChart style(JFreeChart chart) {
        theme().apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        Plot p = chart.getPlot();
        if (p instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(new BasicStroke(0.8f));
            xy.setRangeGridlineStroke(new BasicStroke(0.8f));
        } else if (p instanceof CategoryPlot cp) {
            cp.setRangeGridlineStroke(new BasicStroke(0.8f));
        }
        return chart;
    }

    /** Adds a smaller second line under the title, e.g. what was measured and how often. */
    public static JFreeChart subtitle(JFreeChart chart, String text) {
        TextTitle t = new TextTitle(text, new Font(FONT, Font.PLAIN, 12));
        t.setPaint(new Color(0x55, 0x55, 0x55));
        chart.addSubtitle(t);
        return chart;
    }

    /** Draws a styled chart at the default size, with the sentence that goes under it. */
    public static Chart draw(JFreeChart chart, String caption) {
        return draw(chart, WIDTH, HEIGHT, caption);
    }

    /** Draws a styled chart at the given size, with the sentence that goes under it. */
    public static Chart draw(JFreeChart chart, int width, int height, String caption) {
        style(chart);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        g.dispose();
        String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
        return new Chart(img, title, caption == null ? "" : caption);
    }

    /** A peer's colour, for series named after peers. */
    public static Color colorOf(String peer) {
        return Style.colorOf(peer);
    }
}
