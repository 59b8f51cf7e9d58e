package org.partnershippulse.reporting.benchmark;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * When one figure of a benchmark (a section's or an item's mean across partnerships) may show new values, so that
 * nobody learns one partnership's mean by comparing what the benchmark showed before and after that partnership's
 * release or opt-in/out (contracts/privacy.md §5). Per figure, against the values it last published:
 * <ul>
 *     <li>fewer contributing values than the minimum: the figure shows nothing (its last published values are kept
 *     as the reference, not shown);</li>
 *     <li>a partnership that counted in the published values no longer contributes, and fewer than the minimum
 *     changed: the figure shows nothing (consent withdrawn) until at least the minimum have changed;</li>
 *     <li>no value changed: the published values show (again);</li>
 *     <li>fewer than the minimum values changed (added, removed or different): the published values stay, a hidden
 *     figure stays hidden;</li>
 *     <li>at least the minimum changed: the current values are published.</li>
 * </ul>
 * So any two figures a reader ever sees were computed from sets that differ in none or in at least the minimum
 * partnerships (≥ 5), like releases differ in none or at least the minimum group of respondents.
 */
public final class SnapshotRule {

    private SnapshotRule() {
    }

    public enum Outcome {
        /** Show the current values (newly published). */
        PUBLISH,
        /** Show the values published last time. */
        KEEP,
        /** Show nothing. */
        HIDE
    }

    /**
     * @param published the values the figure last published, per partnership (empty if never)
     * @param current   the contributing partnerships' values now
     * @param shown     whether the figure shows its published values now
     * @param minimum   the platform's minimum number of contributing partnerships (≥ 5)
     */
    public static Outcome decide(Map<UUID, Double> published, Map<UUID, Double> current, boolean shown, int minimum) {
        if (current.size() < minimum) {
            return Outcome.HIDE;
        }
        int changed = changed(published, current);
        if (changed == 0) {
            return published.isEmpty() ? Outcome.HIDE : Outcome.KEEP;
        }
        if (changed >= minimum) {
            return Outcome.PUBLISH;
        }
        boolean someoneLeft = !current.keySet().containsAll(published.keySet());
        return shown && !someoneLeft ? Outcome.KEEP : Outcome.HIDE;
    }

    /** Partnerships whose value was added, removed or differs. */
    static int changed(Map<UUID, Double> before, Map<UUID, Double> after) {
        Set<UUID> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        int n = 0;
        for (UUID p : all) {
            Double b = before.get(p);
            Double a = after.get(p);
            if (b == null || a == null || Math.abs(b - a) >= PercentileRank.TIE) {
                n++;
            }
        }
        return n;
    }
}
