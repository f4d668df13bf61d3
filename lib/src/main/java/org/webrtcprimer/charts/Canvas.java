package org.webrtcprimer.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * A white picture to draw a diagram on, with the charts' fonts and colours: boxes, arrows and text
 * that falls back to a font with Chinese glyphs when DejaVu has none (and leaves Chinese out when
 * the machine has no such font, rather than drawing empty boxes).
 */
final class Canvas {
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color LINE = new Color(0x99, 0x99, 0x99);

    final BufferedImage image;
    final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** A font that can draw the text: DejaVu Sans, else the JVM's sans serif (which falls back to CJK fonts). */
    static Font font(String text, int style, float size) {
        Font f = new Font(Charts.FONT, style, 12).deriveFont(size);
        if (f.canDisplayUpTo(text) == -1) return f;
        Font s = new Font(Font.SANS_SERIF, style, 12).deriveFont(size);
        return s.canDisplayUpTo(text) == -1 ? s : f;
    }

    /** Whether some installed font can draw the text (Chinese needs a CJK font). */
    static boolean drawable(String text) {
        return new Font(Charts.FONT, Font.PLAIN, 12).canDisplayUpTo(text) == -1
                || new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
    }

    int width(String text, int style, float size) {
        return g.getFontMetrics(font(text, style, size)).stringWidth(text);
    }

    /** Draws text with its left end at x and baseline at y; returns its width. */
    int text(String text, double x, double y, int style, float size, Color color) {
        if (text == null || text.isEmpty() || !drawable(text)) return 0;
        Font f = font(text, style, size);
        g.setFont(f);
        g.setColor(color);
        g.drawString(text, (float) x, (float) y);
        return g.getFontMetrics(f).stringWidth(text);
    }

    /** Draws text centred on x. */
    void centred(String text, double x, double y, int style, float size, Color color) {
        if (text == null || text.isEmpty() || !drawable(text)) return;
        text(text, x - width(text, style, size) / 2.0, y, style, size, color);
    }

    /** Draws text centred on x, on a white backing so it reads over lines. */
    void label(String text, double x, double y, int style, float size, Color color) {
        if (text == null || text.isEmpty() || !drawable(text)) return;
        Font f = font(text, style, size);
        FontMetrics fm = g.getFontMetrics(f);
        int w = fm.stringWidth(text);
        g.setColor(Color.WHITE);
        g.fillRect((int) (x - w / 2.0 - 2), (int) (y - fm.getAscent()), w + 4, fm.getAscent() + fm.getDescent());
        text(text, x - w / 2.0, y, style, size, color);
    }

    void box(double x, double y, double w, double h, Color fill, Color border, float arc) {
        RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, arc, arc);
        g.setColor(fill);
        g.fill(r);
        g.setColor(border);
        g.setStroke(new BasicStroke(1.4f));
        g.draw(r);
    }

    void line(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed) {
        g.setColor(c);
        g.setStroke(stroke(width, dashed));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    /** A line with an arrow head at (x2, y2), and at (x1, y1) too when both is true. */
    void arrow(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed, boolean both) {
        line(x1, y1, x2, y2, c, width, dashed);
        head(x1, y1, x2, y2, c);
        if (both) head(x2, y2, x1, y1, c);
    }

    private void head(double x1, double y1, double x2, double y2, Color c) {
        double a = Math.atan2(y2 - y1, x2 - x1), len = 9, spread = Math.toRadians(22);
        Path2D p = new Path2D.Double();
        p.moveTo(x2, y2);
        p.lineTo(x2 - len * Math.cos(a - spread), y2 - len * Math.sin(a - spread));
        p.lineTo(x2 - len * Math.cos(a + spread), y2 - len * Math.sin(a + spread));
        p.closePath();
        g.setColor(c);
        g.fill(p);
    }

    private static Stroke stroke(float width, boolean dashed) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{5f, 4f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The title and a subtitle at the top, like every chart's. */
    void title(String title, String subtitle) {
        centred(title, image.getWidth() / 2.0, 28, Font.BOLD, 16f, TEXT);
        centred(subtitle, image.getWidth() / 2.0, 48, Font.PLAIN, 12f, new Color(0x55, 0x55, 0x55));
    }

    Chart done(String title, String caption) {
        g.dispose();
        return new Chart(image, title, caption);
    }
}
