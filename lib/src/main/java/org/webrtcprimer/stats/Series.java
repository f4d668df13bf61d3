package org.webrtcprimer.stats;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A quantity over time derived from stats samples, e.g. pc1's video bitrate.
 *
 * @param name   what it is, e.g. {@code pc1 sends video}
 * @param peer   whose stats it comes from ("pc1", "pc2"): its colour in charts
 * @param kind   {@code audio}, {@code video}, or "" for neither (ICE, data channels)
 * @param unit   {@code kbps}, {@code fps}, {@code ms}, {@code packets}, {@code MB/s}
 * @param points one value per sampling interval, at ms since the call started
 */
public record Series(String name, String peer, String kind, String unit, List<Point> points) {

    /** One value at a time, in ms since the call started. */
    public record Point(double millis, double value) {}

    public Series {
        points = List.copyOf(points);
    }

    /** The last value, if any. */
    public OptionalDouble last() {
        return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).value());
    }

    /** The mean of the values, if any. */
    public OptionalDouble mean() {
        return points.stream().mapToDouble(Point::value).average();
    }

    /** The largest value, if any. */
    public OptionalDouble max() {
        return points.stream().mapToDouble(Point::value).max();
    }

    @Override
    public String toString() {
        return name + ": " + points.size() + " points" + (points.isEmpty() ? ""
                : String.format(", last %.1f %s, mean %.1f %s", last().getAsDouble(), unit, mean().getAsDouble(), unit));
    }
}
