package org.partnershippulse.assessment.round;

import java.time.Instant;
import java.util.Optional;
import org.partnershippulse.assessment.round.RoundLifecycle.Action;

/**
 * A round's planned window: it opens by itself at opensAt and closes by itself at closesAt, as its coordinator
 * would. Only a moment the round crosses in the matching state counts, so the window never undoes a coordinator's
 * decision: a draft whose whole window has passed stays a draft, and a round opened or reopened after its closing
 * time stays open until the coordinator closes it.
 */
public final class RoundWindow {

    private RoundWindow() {
    }

    /** @return the lifecycle step the window calls for at {@code now}, if any */
    public static Optional<Action> due(RoundStatus status, Instant opensAt, Instant closesAt, Instant lastOpenedAt,
                                       Instant now) {
        boolean closingTimePassed = closesAt != null && !closesAt.isAfter(now);
        if (status == RoundStatus.DRAFT && opensAt != null && !opensAt.isAfter(now) && !closingTimePassed) {
            return Optional.of(Action.OPEN);
        }
        if (status == RoundStatus.OPEN && closingTimePassed && lastOpenedAt != null && lastOpenedAt.isBefore(closesAt)) {
            return Optional.of(Action.CLOSE);
        }
        return Optional.empty();
    }

    static Optional<Action> due(Round round, Instant now) {
        Instant lastOpenedAt = round.reopenedAt != null ? round.reopenedAt : round.openedAt;
        return due(round.status, round.opensAt, round.closesAt, lastOpenedAt, now);
    }
}
