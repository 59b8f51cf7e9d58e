package org.partnershippulse.events.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * checkin.recorded: a check-in of a plan for its scheduled date {@code dueOn}, recorded by a person (null for a
 * platform administrator without a person entry) of {@code organisationId} (null when the person has none), with one
 * line per goal checked.
 */
public record CheckInData(UUID checkInId, UUID planId, UUID partnershipId, LocalDate dueOn, Instant recordedAt,
        UUID recordedByPersonId, UUID organisationId, List<GoalProgress> goals) {
}
