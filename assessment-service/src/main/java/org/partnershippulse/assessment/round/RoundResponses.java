package org.partnershippulse.assessment.round;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What rounds need to know of the responses to them. Responses belong to rounds (they need the round to be open),
 * so the response package answers this, and rounds never reach into responses.
 */
public interface RoundResponses {

    /** The people who have submitted a response to the round (drafts do not count). */
    Set<UUID> submitters(UUID roundId);

    /** How many have submitted a response to the round. */
    long submittedCount(UUID roundId);

    /** The person's response to the round, if they started one. */
    Optional<State> of(UUID roundId, UUID personId);

    /** @param status DRAFT or SUBMITTED */
    record State(String status, Instant lastSubmittedAt) {
    }
}
