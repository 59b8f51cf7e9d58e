package org.partnershippulse.reporting.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The net change a response revision makes to the counts: the replaced revision's answers taken out, the new ones
 * put in, per group (everyone, the respondent's sector, each of their roles). Changes that cancel out are dropped,
 * so a revision that changes one answer touches only the rows of that answer.
 */
public final class CountDeltas {

    public static final String ALL = "ALL";
    public static final String SECTOR = "SECTOR";
    public static final String ROLE = "ROLE";
    public static final String UNKNOWN_SECTOR = "UNKNOWN";

    public record Group(String breakdown, String key) {
        public static final Group EVERYONE = new Group(ALL, "");
    }

    public record AnswerKey(Group group, String itemKey, String optionValue) {
    }

    /** What one response revision counts for. */
    public record Contribution(String sector, List<String> roles, Map<String, String> answers) {

        public List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            groups.add(Group.EVERYONE);
            groups.add(new Group(SECTOR, sector == null || sector.isBlank() ? UNKNOWN_SECTOR : sector));
            // A person with several roles counts in each, as the round's invitedByRole does.
            new LinkedHashSet<>(roles == null ? List.<String>of() : roles).stream()
                    .filter(r -> r != null && !r.isBlank())
                    .forEach(r -> groups.add(new Group(ROLE, r)));
            return groups;
        }
    }

    private final Map<Group, Integer> respondents = new LinkedHashMap<>();
    private final Map<AnswerKey, Integer> answers = new LinkedHashMap<>();

    public CountDeltas add(Contribution c) {
        return apply(c, 1);
    }

    public CountDeltas subtract(Contribution c) {
        return apply(c, -1);
    }

    private CountDeltas apply(Contribution c, int sign) {
        for (Group group : c.groups()) {
            respondents.merge(group, sign, Integer::sum);
            c.answers().forEach((item, value) -> answers.merge(new AnswerKey(group, item, value), sign, Integer::sum));
        }
        return this;
    }

    public Map<Group, Integer> respondents() {
        return nonZero(respondents);
    }

    public Map<AnswerKey, Integer> answers() {
        return nonZero(answers);
    }

    private static <K> Map<K, Integer> nonZero(Map<K, Integer> deltas) {
        Map<K, Integer> out = new LinkedHashMap<>();
        deltas.forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
