package org.partnershippulse.assessment.round;

import org.partnershippulse.kit.problem.ProblemException;

/**
 * Draft, open, closed: a draft's settings may change; opening fixes them; a closed round may be reopened with a
 * reason (e.g. a late partner), which keeps every response and revision.
 */
public final class RoundLifecycle {

    public enum Action { EDIT, OPEN, CLOSE, REOPEN }

    private RoundLifecycle() {
    }

    /** @return the status after the action; a 409 problem if the round's status does not allow it */
    public static RoundStatus apply(RoundStatus current, Action action) {
        return switch (action) {
            case EDIT -> require(current, RoundStatus.DRAFT, "Settings are fixed once a round opens", current);
            case OPEN -> require(current, RoundStatus.DRAFT, "Only a draft round can be opened; reopen a closed one", RoundStatus.OPEN);
            case CLOSE -> require(current, RoundStatus.OPEN, "Only an open round can be closed", RoundStatus.CLOSED);
            case REOPEN -> require(current, RoundStatus.CLOSED, "Only a closed round can be reopened", RoundStatus.OPEN);
        };
    }

    /** Responses are saved and submitted only while the round is open. */
    public static void requireAcceptingResponses(RoundStatus status) {
        if (status == RoundStatus.CLOSED) {
            throw ProblemException.conflict("The round is closed: responses can no longer be saved or submitted");
        }
        if (status != RoundStatus.OPEN) {
            throw ProblemException.conflict("The round is not open yet");
        }
    }

    private static RoundStatus require(RoundStatus current, RoundStatus expected, String message, RoundStatus next) {
        if (current != expected) {
            throw ProblemException.conflict(message + " (the round is " + current + ")");
        }
        return next;
    }
}
