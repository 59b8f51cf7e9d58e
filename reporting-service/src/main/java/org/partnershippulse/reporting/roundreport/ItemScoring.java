package org.partnershippulse.reporting.roundreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Option;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Scale;
import org.partnershippulse.reporting.roundreport.RoundReport.ItemResult;
import org.partnershippulse.reporting.roundreport.RoundReport.OptionCount;

/**
 * The numbers of one item from its answer counts: the distribution (counts and shares, in the scale's option order),
 * for ordinal scales the mean and median of the option scores, and the consensus. An item answered by fewer people
 * than the round's minimum is withheld: its distribution could single out the few who answered it.
 */
public final class ItemScoring {

    public static final String TASTLE_WIERMAN = "TASTLE_WIERMAN";
    public static final String NORMALISED_ENTROPY = "NORMALISED_ENTROPY";

    private ItemScoring() {
    }

    public static ItemResult score(String sectionKey, InstrumentSnapshot.Item item, Scale scale, Map<String, Long> counts,
                                   int minimum, String language) {
        Map<String, Long> answers = counts == null ? Map.of() : counts;
        long responses = answers.values().stream().mapToLong(Long::longValue).sum();
        String text = InstrumentSnapshot.text(item.text(), language);
        if (responses < minimum) {
            return new ItemResult(sectionKey, item.key(), text, scale.type(), (int) responses, true, List.of(),
                    null, null, null, null, false);
        }
        List<OptionCount> distribution = distribution(scale, answers, responses, language);
        Double mean = null;
        Double median = null;
        Double consensus = null;
        String measure = null;
        switch (scale.type()) {
            case InstrumentSnapshot.ORDINAL -> {
                List<Option> scored = scale.byScore();
                if (!scored.isEmpty()) {
                    int[] scores = scored.stream().mapToInt(Option::score).toArray();
                    long[] n = scored.stream().mapToLong(o -> answers.getOrDefault(o.value(), 0L)).toArray();
                    mean = mean(scores, n);
                    median = median(scores, n);
                    consensus = Consensus.tastleWierman(scores, n, scores[0], scores[scores.length - 1]);
                    measure = TASTLE_WIERMAN;
                }
            }
            case InstrumentSnapshot.CATEGORICAL -> {
                long[] n = scale.options().stream().mapToLong(o -> answers.getOrDefault(o.value(), 0L)).toArray();
                consensus = Consensus.normalisedEntropy(n);
                measure = NORMALISED_ENTROPY;
            }
            case InstrumentSnapshot.NUMERIC -> {
                TreeMap<Double, Long> numbers = new TreeMap<>();
                answers.forEach((value, count) -> {
                    try {
                        numbers.merge(Double.parseDouble(value), count, Long::sum);
                    } catch (NumberFormatException ignored) {
                        // Not a number: counted in the distribution, not in the mean.
                    }
                });
                double[] values = numbers.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                long[] n = numbers.values().stream().mapToLong(Long::longValue).toArray();
                mean = mean(values, n);
                median = median(values, n);
            }
            default -> {
            }
        }
        return new ItemResult(sectionKey, item.key(), text, scale.type(), (int) responses, false, distribution,
                round(mean), round(median), round(consensus), measure, Consensus.divergent(consensus));
    }

    /** The scale's options in their order, then any value the scale does not know (kept, never dropped). */
    static List<OptionCount> distribution(Scale scale, Map<String, Long> answers, long responses, String language) {
        Map<String, Long> rest = new LinkedHashMap<>(answers);
        List<OptionCount> out = new ArrayList<>();
        for (Option o : scale.options()) {
            long count = rest.getOrDefault(o.value(), 0L);
            rest.remove(o.value());
            out.add(new OptionCount(o.value(), InstrumentSnapshot.text(o.label(), language), o.score(), count,
                    share(count, responses)));
        }
        rest.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.add(new OptionCount(e.getKey(), e.getKey(), null, e.getValue(), share(e.getValue(), responses))));
        return out;
    }

    public static double share(long count, long total) {
        return total == 0 ? 0 : round((double) count / total);
    }

    static Double mean(int[] scores, long[] counts) {
        double[] values = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            values[i] = scores[i];
        }
        return mean(values, counts);
    }

    static Double median(int[] scores, long[] counts) {
        double[] values = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            values[i] = scores[i];
        }
        return median(values, counts);
    }

    /** @param values in increasing order */
    static Double mean(double[] values, long[] counts) {
        long n = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            n += counts[i];
            sum += values[i] * counts[i];
        }
        return n == 0 ? null : sum / n;
    }

    /** The middle answer, or the mean of the two middle answers for an even count. @param values increasing */
    static Double median(double[] values, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            return null;
        }
        double lower = valueAt(values, counts, (n + 1) / 2);
        double upper = valueAt(values, counts, n / 2 + 1);
        return n % 2 == 1 ? lower : (lower + upper) / 2;
    }

    /** The value of the k-th answer (from 1) in increasing order. */
    private static double valueAt(double[] values, long[] counts, long k) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= k) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Four decimals: enough for a report, stable in JSON and CSV. */
    public static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000d) / 10_000d;
    }

    public static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
