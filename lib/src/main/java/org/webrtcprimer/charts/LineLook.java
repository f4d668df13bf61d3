package org.webrtcprimer.charts;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A line renderer whose series keep the colour, dash and marker they were given, even after
 * {@link Charts#style} applies the kit's theme (a JFreeChart theme clears per-series paints and
 * strokes). Use it when series are not simply pc1, pc2, … in order: two kinds of one peer, or
 * runs that are not peers at all.
 */
public final class LineLook extends XYLineAndShapeRenderer {

    /** A solid line. */
    public static final Stroke SOLID = new BasicStroke(2f);
    /** A dashed line (e.g. audio beside solid video). */
    public static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{7f, 4f}, 0f);
    /** A dotted line (e.g. a transport-level series beside media). */
    public static final Stroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{1.5f, 4f}, 0f);

    private final List<Paint> paints = new ArrayList<>();
    private final List<Stroke> strokes = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();

    /** Lines with point markers (or without, {@code lines} false: markers only). */
    public LineLook(boolean lines) {
        super(lines, true);
    }

    /** Sets the look of the next series (series are numbered in the order they were added). */
    public LineLook add(Paint paint, Stroke stroke, Shape marker) {
        paints.add(paint);
        strokes.add(stroke == null ? SOLID : stroke);
        shapes.add(marker == null ? new Ellipse2D.Double(-2.5, -2.5, 5, 5) : marker);
        return this;
    }

    @Override
    public Paint lookupSeriesPaint(int series) {
        return series < paints.size() ? paints.get(series) : super.lookupSeriesPaint(series);
    }

    @Override
    public Paint lookupSeriesFillPaint(int series) {
        return lookupSeriesPaint(series);
    }

    @Override
    public Stroke lookupSeriesStroke(int series) {
        return series < strokes.size() ? strokes.get(series) : super.lookupSeriesStroke(series);
    }

    @Override
    public Shape lookupSeriesShape(int series) {
        return series < shapes.size() ? shapes.get(series) : super.lookupSeriesShape(series);
    }

    @Override
    public Shape lookupLegendShape(int series) {
        return lookupSeriesShape(series);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
