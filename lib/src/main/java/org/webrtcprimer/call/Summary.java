package org.webrtcprimer.call;

import java.util.Arrays;
import java.util.Collection;

/**
 * The figures the kit reports for a set of measurements: how many, min, median, p90, max.
 * Percentiles are nearest-rank: p90 is the smallest value with at least 90 % of the values at or below it.
 *
 * @param n      number of values
 * @param min    smallest
 * @param median 50th percentile
 * @param p90    90th percentile
 * @param max    largest
 */
public record Summary(int n, double min, double median, double p90, double max) {

    /** Summarises the values; {@code n = 0} and NaN figures when there are none. */
    public static Summary of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Summarises the values; {@code n = 0} and NaN figures when there are none. */
    public static Summary of(double... values) {
        if (values.length == 0) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] v = values.clone();
        Arrays.sort(v);
        return new Summary(v.length, v[0], rank(v, 0.5), rank(v, 0.9), v[v.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    @Override
    public String toString() {
        return String.format("n=%d  min %.1f  median %.1f  p90 %.1f  max %.1f", n, min, median, p90, max);
    }
}
