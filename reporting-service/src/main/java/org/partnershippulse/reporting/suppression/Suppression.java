package org.partnershippulse.reporting.suppression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which groups of a breakdown (sectors, roles) a report may show, so that no group smaller than the round's minimum
 * can be seen or worked out.
 *
 * <ol>
 * <li><b>Primary suppression</b>: a group with fewer respondents than the minimum (including none) is not shown;
 * neither is a group the caller marks as not eligible.</li>
 * <li><b>Complementary suppression</b>: the total is shown, so the hidden groups together are always
 * {@code total − Σ shown}, the residual. When that residual is above 0 and below the minimum, one could subtract
 * one's way to a small group (or to a single hidden group). The smallest shown group (ties: the first in name order)
 * is then hidden too, and the check repeats until the residual is 0 or at least the minimum. A residual of at least
 * the minimum reveals only the sum of several hidden groups, never one of them below the minimum.</li>
 * </ol>
 * Breakdowns where a respondent may count in several groups (roles) are checked the same way against the total;
 * as the shown groups' sum can then exceed the total, the residual is taken as {@code max(0, total − Σ shown)}.
 */
public final class Suppression {

    private Suppression() {
    }

    /**
     * @param counts   respondents per group
     * @param total    respondents overall (shown in the report)
     * @param minimum  the round's minimum group size
     * @param eligible groups that may be shown at all (null: all)
     * @return the groups that may be shown, in name order
     */
    public static Set<String> shown(Map<String, Long> counts, long total, int minimum, Set<String> eligible) {
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minimum && (eligible == null || eligible.contains(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> shown.put(e.getKey(), e.getValue()));
        while (!shown.isEmpty()) {
            long residual = Math.max(0, total - shown.values().stream().mapToLong(Long::longValue).sum());
            if (residual == 0 || residual >= minimum) {
                break;
            }
            List<String> bySize = shown.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            shown.remove(bySize.get(0));
        }
        return new TreeSet<>(shown.keySet());
    }

    /** For documentation and the report's method section. */
    public static final String METHOD = "Groups below the minimum are hidden; if the hidden groups together are "
            + "fewer than the minimum (but more than none), the smallest shown group is hidden too, until they are "
            + "none or at least the minimum.";
}
