package org.partnershippulse.reporting.benchmark;

/**
 * Where one partnership's mean stands among all contributing means (its own included): the percentage of them below
 * it, counting those equal to it (itself too) as half — 0 below all others, 100 above all, 50 in the middle. Means
 * closer than {@link #TIE} are equal (they come rounded from the reports).
 */
public final class PercentileRank {

    static final double TIE = 1e-9;

    private PercentileRank() {
    }

    /** @return 0..100, rounded to a whole number */
    public static int of(double own, double... all) {
        if (all.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double below = 0;
        double equal = 0;
        for (double v : all) {
            if (Math.abs(v - own) < TIE) {
                equal++;
            } else if (v < own) {
                below++;
            }
        }
        return (int) Math.round(100 * (below + equal / 2) / all.length);
    }
}
