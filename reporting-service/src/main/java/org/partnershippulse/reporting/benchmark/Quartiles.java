package org.partnershippulse.reporting.benchmark;

import java.util.Arrays;

/**
 * Q1, median and Q3 of the contributing partnerships' means: linear interpolation between the closest ranks (the
 * method of Excel's QUARTILE.INC and numpy's default), so a reader can check them by hand. Never the minimum or the
 * maximum: those would each be one partnership's mean.
 */
public record Quartiles(double q1, double median, double q3) {

    public static Quartiles of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Quartiles(at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75));
    }

    /** The p-quantile of sorted values: position (n − 1)·p, between the two values around it. */
    static double at(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
