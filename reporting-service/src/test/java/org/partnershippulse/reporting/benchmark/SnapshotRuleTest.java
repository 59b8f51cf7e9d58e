package org.partnershippulse.reporting.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.reporting.benchmark.SnapshotRule.Outcome.HIDE;
import static org.partnershippulse.reporting.benchmark.SnapshotRule.Outcome.KEEP;
import static org.partnershippulse.reporting.benchmark.SnapshotRule.Outcome.PUBLISH;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a benchmark figure may show new values (contracts/privacy.md §5), at the minimum of 5. */
class SnapshotRuleTest {

    private static final int MIN = 5;
    private final UUID[] p = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID()};

    private Map<UUID, Double> values(int from, int to, double value) {
        Map<UUID, Double> m = new HashMap<>();
        for (int i = from; i < to; i++) {
            m.put(p[i], value + i / 10.0);
        }
        return m;
    }

    @Test
    void belowTheMinimumNothingShows() {
        assertEquals(HIDE, SnapshotRule.decide(Map.of(), values(0, 4, 2.0), false, MIN));
        // a published figure whose contributors fall below the minimum goes dark
        assertEquals(HIDE, SnapshotRule.decide(values(0, 5, 2.0), values(0, 4, 2.0), true, MIN));
    }

    @Test
    void theFirstFiveArePublishedTogether() {
        assertEquals(PUBLISH, SnapshotRule.decide(Map.of(), values(0, 5, 2.0), false, MIN));
        assertEquals(PUBLISH, SnapshotRule.decide(Map.of(), values(0, 6, 2.0), false, MIN));
    }

    @Test
    void oneNewReleaseDoesNotMoveAPublishedFigure() {
        Map<UUID, Double> published = values(0, 6, 2.0);
        Map<UUID, Double> oneChanged = new HashMap<>(published);
        oneChanged.put(p[3], 1.0);
        assertEquals(KEEP, SnapshotRule.decide(published, oneChanged, true, MIN));
        // four changed: still kept
        Map<UUID, Double> fourChanged = new HashMap<>(published);
        for (int i = 0; i < 4; i++) {
            fourChanged.put(p[i], 1.0);
        }
        assertEquals(KEEP, SnapshotRule.decide(published, fourChanged, true, MIN));
        // the fifth change publishes
        fourChanged.put(p[4], 1.0);
        assertEquals(PUBLISH, SnapshotRule.decide(published, fourChanged, true, MIN));
    }

    @Test
    void oneJoiningPartnershipDoesNotMoveItEither() {
        Map<UUID, Double> published = values(0, 6, 2.0);
        assertEquals(KEEP, SnapshotRule.decide(published, values(0, 7, 2.0), true, MIN));
        assertEquals(PUBLISH, SnapshotRule.decide(published, values(0, 11, 2.0), true, MIN));
    }

    @Test
    void aPartnershipLeavingHidesTheFigureUntilEnoughChanged() {
        Map<UUID, Double> published = values(0, 6, 2.0);
        Map<UUID, Double> oneLeft = values(1, 6, 2.0);
        assertEquals(HIDE, SnapshotRule.decide(published, oneLeft, true, MIN));
        // hidden stays hidden while fewer than five changed since the published values …
        Map<UUID, Double> backWithNewValue = new HashMap<>(published);
        backWithNewValue.put(p[0], 9.0);
        assertEquals(HIDE, SnapshotRule.decide(published, backWithNewValue, false, MIN));
        // … shows the same published values again once back to them …
        assertEquals(KEEP, SnapshotRule.decide(published, published, false, MIN));
        // … and new ones once five changed
        assertEquals(PUBLISH, SnapshotRule.decide(published, values(1, 11, 2.0), false, MIN));
    }

    @Test
    void nothingChangedKeepsWhatWasPublished() {
        Map<UUID, Double> published = values(0, 5, 2.0);
        assertEquals(KEEP, SnapshotRule.decide(published, new HashMap<>(published), true, MIN));
    }
}
