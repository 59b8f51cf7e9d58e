package org.partnershippulse.reporting.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void groupsAtOrAboveTheMinimumAreShownWhenNothingSmallRemains() {
        assertEquals(Set.of("EDUCATION", "HEALTH_CARE"),
                Suppression.shown(Map.of("EDUCATION", 5L, "HEALTH_CARE", 3L), 8, 3, null));
    }

    @Test
    void aSingleSmallGroupHidesTheSmallestShownGroupToo() {
        // Hiding C (1) alone would let anyone compute it as 10 − 5 − 4; hiding B as well leaves 5 hidden together.
        assertEquals(Set.of("A"), Suppression.shown(Map.of("A", 5L, "B", 4L, "C", 1L), 10, 3, null));
    }

    @Test
    void severalSmallGroupsTogetherAtTheMinimumNeedNoMore() {
        assertEquals(Set.of("A"), Suppression.shown(Map.of("A", 5L, "B", 2L, "C", 2L), 9, 3, null));
    }

    @Test
    void tiesBetweenSmallestShownGroupsGoByName() {
        assertEquals(Set.of("B"), Suppression.shown(Map.of("A", 3L, "B", 3L, "C", 1L), 7, 3, null));
    }

    @Test
    void nothingIsShownWhenEveryGroupIsSmall() {
        assertEquals(Set.of(), Suppression.shown(Map.of("A", 2L, "B", 2L), 4, 3, null));
    }

    @Test
    void groupsNotEligibleCountAsHidden() {
        assertEquals(Set.of("A", "B"), Suppression.shown(Map.of("A", 5L, "B", 4L, "C", 3L), 12, 3, Set.of("A", "B")));
        // A respondent outside every listed group (1) would be derivable as 10 − 5 − 4: B goes as well.
        assertEquals(Set.of("A"), Suppression.shown(Map.of("A", 5L, "B", 4L), 10, 3, Set.of("A", "B")));
    }

    @Test
    void noShownGroupIsSmallAndTheHiddenRemainderIsNeverBetweenOneAndTheMinimum() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            int minimum = 2 + random.nextInt(5);
            Map<String, Long> counts = new HashMap<>();
            long total = 0;
            for (int g = 0; g < 1 + random.nextInt(7); g++) {
                long n = random.nextInt(12);
                counts.put("G" + g, n);
                total += n;
            }
            Set<String> shown = Suppression.shown(counts, total, minimum, null);
            long shownSum = 0;
            for (String g : shown) {
                assertTrue(counts.get(g) >= minimum, "shown group below the minimum: " + counts + " " + shown);
                shownSum += counts.get(g);
            }
            long residual = total - shownSum;
            // With nothing shown the remainder is the total, which reports show anyway (or withhold when small).
            assertTrue(shown.isEmpty() || residual == 0 || residual >= minimum, "derivable remainder " + residual + ": " + counts + " " + shown);
        }
    }
}
