package org.partnershippulse.assessment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.round.RoundLifecycle.Action;

/** Which rounds their planned window opens or closes: plain rules, no Quarkus. */
class RoundWindowTest {

    private static final Instant OPENS = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-31T22:00:00Z");
    private static final Instant DURING = Instant.parse("2026-03-15T12:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-04-02T00:00:00Z");

    @Test
    void aDraftOpensOnceItsOpeningTimeHasCome() {
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.DRAFT, OPENS, CLOSES, null, OPENS.minusSeconds(1)));
        assertEquals(Optional.of(Action.OPEN), RoundWindow.due(RoundStatus.DRAFT, OPENS, CLOSES, null, OPENS));
        assertEquals(Optional.of(Action.OPEN), RoundWindow.due(RoundStatus.DRAFT, OPENS, null, null, AFTER));
    }

    @Test
    void aDraftWithoutOpeningTimeOrWhoseWindowHasPassedStaysADraft() {
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.DRAFT, null, CLOSES, null, DURING));
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.DRAFT, OPENS, CLOSES, null, CLOSES));
    }

    @Test
    void anOpenRoundClosesOnceItsClosingTimeHasCome() {
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.OPEN, OPENS, CLOSES, OPENS, DURING));
        assertEquals(Optional.of(Action.CLOSE), RoundWindow.due(RoundStatus.OPEN, OPENS, CLOSES, OPENS, CLOSES));
        // Opened early by hand, closed on time all the same.
        assertEquals(Optional.of(Action.CLOSE), RoundWindow.due(RoundStatus.OPEN, OPENS, CLOSES, OPENS.minusSeconds(86_400), AFTER));
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.OPEN, OPENS, null, OPENS, AFTER));
    }

    @Test
    void aRoundOpenedOrReopenedAfterItsClosingTimeIsLeftToItsCoordinator() {
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.OPEN, OPENS, CLOSES, CLOSES.plusSeconds(60), AFTER));
    }

    @Test
    void closedRoundsAreNeverTouched() {
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.CLOSED, OPENS, CLOSES, OPENS, DURING));
        assertEquals(Optional.empty(), RoundWindow.due(RoundStatus.CLOSED, OPENS, CLOSES, OPENS, AFTER));
    }
}
