package org.partnershippulse.reporting.release;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.partnershippulse.reporting.round.CountDeltas;
import org.partnershippulse.reporting.round.CountDeltas.Group;
import org.partnershippulse.reporting.suppression.Suppression;

/**
 * When a release may be cut (contracts/privacy.md §4). Reading two releases and subtracting one from the other gives
 * the figures of the respondents whose answers changed in between; so in every group the reports show, that number
 * must be zero or at least the round's minimum group size. The groups checked are the whole round, each breakdown
 * group shown (after suppression) in the new release or in the previous one, and per breakdown the rest of the round
 * beside those shown groups ({@code total − Σ shown}, which a reader can compute, as {@link Suppression} knows).
 * Plain Java, no I/O.
 */
public final class ReleaseRule {

    private ReleaseRule() {
    }

    /** What a release counts of one response: a hash of its answers and free text, and the groups it counts in. */
    public record Counted(String hash, String sector, List<String> roles) {

        List<Group> groups() {
            return new CountDeltas.Contribution(sector, roles, Map.of()).groups();
        }
    }

    public enum Outcome { RELEASE, NOTHING_CHANGED, WAIT }

    /**
     * @param changed respondents whose counted answers changed since the previous release (new, revised or gone)
     * @param minimum the round's minimum group size
     */
    public record Decision(Outcome outcome, int changed, int minimum) {
    }

    /**
     * @param previous   response id → what the previous release counted (empty before the first release)
     * @param current    response id → what a release cut now would count
     * @param minimum    the round's minimum group size
     * @param breakdowns the breakdowns the round's reports show (SECTOR, ROLE)
     */
    public static Decision decide(Map<UUID, Counted> previous, Map<UUID, Counted> current, int minimum, Set<String> breakdowns) {
        Set<UUID> ids = new LinkedHashSet<>(previous.keySet());
        ids.addAll(current.keySet());
        Map<Group, Integer> changedIn = new HashMap<>();
        int changed = 0;
        for (UUID id : ids) {
            Counted before = previous.get(id);
            Counted now = current.get(id);
            if (before != null && now != null && Objects.equals(before.hash(), now.hash())
                    && Objects.equals(before.groups(), now.groups())) {
                continue;
            }
            changed++;
            // A respondent who moved to another group changed both: the one they left and the one they joined.
            Set<Group> groups = new LinkedHashSet<>();
            if (before != null) {
                groups.addAll(before.groups());
            }
            if (now != null) {
                groups.addAll(now.groups());
            }
            groups.forEach(g -> changedIn.merge(g, 1, Integer::sum));
        }
        if (changed == 0) {
            return new Decision(Outcome.NOTHING_CHANGED, 0, minimum);
        }
        boolean allowed = allowed(changed, minimum);
        for (String breakdown : breakdowns) {
            Set<String> shown = new LinkedHashSet<>(shown(previous, breakdown, minimum));
            shown.addAll(shown(current, breakdown, minimum));
            int inShown = 0;
            for (String key : shown) {
                int n = changedIn.getOrDefault(new Group(breakdown, key), 0);
                allowed &= allowed(n, minimum);
                inShown += n;
            }
            allowed &= allowed(Math.max(0, changed - inShown), minimum);
        }
        return new Decision(allowed ? Outcome.RELEASE : Outcome.WAIT, changed, minimum);
    }

    private static boolean allowed(int changed, int minimum) {
        return changed == 0 || changed >= minimum;
    }

    /** The groups of a breakdown the report of these responses shows, as {@code ReportBuilder} decides it. */
    static Set<String> shown(Map<UUID, Counted> responses, String breakdown, int minimum) {
        if (responses.size() < minimum) {
            return Set.of();
        }
        Map<String, Long> counts = new TreeMap<>();
        responses.values().forEach(c -> c.groups().stream().filter(g -> g.breakdown().equals(breakdown))
                .forEach(g -> counts.merge(g.key(), 1L, Long::sum)));
        return Suppression.shown(counts, responses.size(), minimum, null);
    }
}
