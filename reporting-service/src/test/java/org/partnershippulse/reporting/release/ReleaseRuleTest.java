package org.partnershippulse.reporting.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.release.ReleaseRule.Counted;
import org.partnershippulse.reporting.release.ReleaseRule.Decision;
import org.partnershippulse.reporting.release.ReleaseRule.Outcome;

class ReleaseRuleTest {

    private static final Set<String> BOTH = Set.of("SECTOR", "ROLE");
    private static final Set<String> NONE = Set.of();

    private final Map<UUID, Counted> previous = new LinkedHashMap<>();
    private final Map<UUID, Counted> current = new LinkedHashMap<>();

    private UUID respond(String hash, String sector, String... roles) {
        UUID id = UUID.randomUUID();
        current.put(id, new Counted(hash, sector, List.of(roles)));
        return id;
    }

    /** Cuts a release of the current state: the next decision compares with it. */
    private void released() {
        previous.clear();
        previous.putAll(current);
    }

    private Decision decide(Set<String> breakdowns) {
        return ReleaseRule.decide(previous, current, 3, breakdowns);
    }

    @Test
    void nothing_to_release_without_answers_or_without_changes() {
        assertEquals(Outcome.NOTHING_CHANGED, decide(BOTH).outcome());
        respond("a", "EDUCATION", "MEMBER");
        respond("b", "EDUCATION", "MEMBER");
        respond("c", "EDUCATION", "MEMBER");
        released();
        assertEquals(new Decision(Outcome.NOTHING_CHANGED, 0, 3), decide(BOTH));
    }

    @Test
    void a_first_release_needs_the_minimum() {
        respond("a", "EDUCATION", "MEMBER");
        respond("b", "EDUCATION", "MEMBER");
        assertEquals(new Decision(Outcome.WAIT, 2, 3), decide(NONE));
        respond("c", "EDUCATION", "MEMBER");
        assertEquals(new Decision(Outcome.RELEASE, 3, 3), decide(NONE));
    }

    @Test
    void one_new_answer_after_a_release_waits_until_the_minimum_changed() {
        respond("a", "EDUCATION", "MEMBER");
        respond("b", "EDUCATION", "MEMBER");
        respond("c", "EDUCATION", "MEMBER");
        released();
        respond("d", "EDUCATION", "MEMBER");
        assertEquals(new Decision(Outcome.WAIT, 1, 3), decide(BOTH));
        respond("e", "EDUCATION", "MEMBER");
        assertEquals(Outcome.WAIT, decide(BOTH).outcome());
        respond("f", "EDUCATION", "MEMBER");
        assertEquals(new Decision(Outcome.RELEASE, 3, 3), decide(BOTH));
    }

    @Test
    void a_revision_counts_as_a_change_only_when_what_it_counts_for_changed() {
        UUID a = respond("a", "EDUCATION", "MEMBER");
        respond("b", "EDUCATION", "MEMBER");
        respond("c", "EDUCATION", "MEMBER");
        released();
        current.put(a, new Counted("a", "EDUCATION", List.of("MEMBER")));
        assertEquals(Outcome.NOTHING_CHANGED, decide(BOTH).outcome(), "the same answers submitted again");
        current.put(a, new Counted("a2", "EDUCATION", List.of("MEMBER")));
        assertEquals(new Decision(Outcome.WAIT, 1, 3), decide(BOTH), "one revised answer");
        current.put(a, new Counted("a", "HEALTH", List.of("MEMBER")));
        assertEquals(new Decision(Outcome.WAIT, 1, 3), decide(BOTH), "same answers, another sector");
    }

    @Test
    void every_shown_group_needs_zero_or_the_minimum_of_changes() {
        for (int i = 0; i < 3; i++) {
            respond("e" + i, "EDUCATION", "MEMBER");
            respond("h" + i, "HEALTH", "MEMBER");
        }
        released();
        // three new answers overall, but two in EDUCATION and one in HEALTH: each shown group would move by fewer than 3
        respond("x", "EDUCATION", "MEMBER");
        respond("y", "EDUCATION", "MEMBER");
        respond("z", "HEALTH", "MEMBER");
        assertEquals(new Decision(Outcome.WAIT, 3, 3), decide(BOTH));
        // without breakdowns the report shows only the whole round, which moved by three
        assertEquals(Outcome.RELEASE, decide(NONE).outcome());
        respond("w", "EDUCATION", "MEMBER");
        respond("v", "HEALTH", "MEMBER");
        respond("u", "HEALTH", "MEMBER");
        assertEquals(new Decision(Outcome.RELEASE, 6, 3), decide(BOTH));
    }

    @Test
    void hidden_groups_are_checked_together_as_the_rest_of_the_round() {
        for (int i = 0; i < 3; i++) {
            respond("e" + i, "EDUCATION", "MEMBER");
        }
        for (int i = 0; i < 3; i++) {
            respond("s" + i, "SMALL" + i, "MEMBER");
        }
        released();
        // EDUCATION (shown) moves by 3, the hidden rest (total − EDUCATION) by 1: that one person could be subtracted out
        respond("x", "EDUCATION", "MEMBER");
        respond("y", "EDUCATION", "MEMBER");
        respond("z", "EDUCATION", "MEMBER");
        respond("q", "SMALL9", "MEMBER");
        assertEquals(new Decision(Outcome.WAIT, 4, 3), decide(Set.of("SECTOR")));
        respond("r", "SMALL8", "MEMBER");
        respond("t", "SMALL7", "MEMBER");
        assertEquals(Outcome.RELEASE, decide(Set.of("SECTOR")).outcome());
    }

    @Test
    void a_first_release_with_small_groups_is_allowed_when_suppression_hides_them() {
        // sectors 5, 4, 1: the group of 1 is hidden, and so (complementary suppression) is the group of 4
        for (int i = 0; i < 5; i++) {
            respond("a" + i, "EDUCATION", "MEMBER");
        }
        for (int i = 0; i < 4; i++) {
            respond("b" + i, "HEALTH", "MEMBER");
        }
        respond("c", "FAITH_BASED", "COORDINATOR", "MEMBER");
        assertEquals(new Decision(Outcome.RELEASE, 10, 3), decide(BOTH));
    }
}
