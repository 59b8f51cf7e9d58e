package org.partnershippulse.reporting.roundreport;

/**
 * How much a group agrees on one item, from 0 (split as far apart as the scale allows) to 1 (everyone gave the same
 * answer).
 *
 * <ul>
 * <li><b>Ordinal scales: Tastle–Wierman consensus</b> (Tastle &amp; Wierman 2007):
 * {@code Cns = 1 + Σ p_i · log2(1 − |X_i − μ| / d_X)}, where {@code X_i} are the option scores, {@code p_i} the
 * share of answers at {@code X_i}, {@code μ = Σ p_i X_i} the mean and {@code d_X = max − min} the width of the
 * scale (its options' scores, not only the ones chosen). All answers equal gives 1; half at each extreme gives 0.</li>
 * <li><b>Categorical scales: normalised-entropy consensus</b> {@code 1 − H / log2(k)}, with
 * {@code H = −Σ p_i log2 p_i} and {@code k} the number of options of the scale. All answers equal gives 1; answers
 * spread evenly over all options give 0.</li>
 * </ul>
 * An item is flagged divergent when its consensus is below {@link #DIVERGENT_BELOW}.
 */
public final class Consensus {

    /** Below this consensus an item is divergent: members see it differently enough to discuss it. */
    public static final double DIVERGENT_BELOW = 0.5;

    private Consensus() {
    }

    /**
     * @param scores   the score of each option of the scale
     * @param counts   answers per option, in the same order
     * @param minScore the lowest score of the scale
     * @param maxScore the highest score of the scale
     * @return the consensus, or null when there are no answers
     */
    public static Double tastleWierman(int[] scores, long[] counts, int minScore, int maxScore) {
        long n = total(counts);
        if (n == 0) {
            return null;
        }
        double width = maxScore - minScore;
        if (width <= 0) {
            return 1.0;
        }
        double mean = 0;
        for (int i = 0; i < scores.length; i++) {
            mean += scores[i] * (double) counts[i] / n;
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (counts[i] > 0) {
                sum += (double) counts[i] / n * log2(1 - Math.abs(scores[i] - mean) / width);
            }
        }
        return clamp(1 + sum);
    }

    /**
     * @param counts  answers per option of the scale (every option, also those nobody chose)
     * @return the consensus, or null when there are no answers
     */
    public static Double normalisedEntropy(long[] counts) {
        long n = total(counts);
        if (n == 0) {
            return null;
        }
        if (counts.length <= 1) {
            return 1.0;
        }
        double entropy = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                entropy -= p * log2(p);
            }
        }
        return clamp(1 - entropy / log2(counts.length));
    }

    public static boolean divergent(Double consensus) {
        return consensus != null && consensus < DIVERGENT_BELOW;
    }

    private static long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Rounding noise must not show as 1.0000000002 or -1e-16. */
    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
