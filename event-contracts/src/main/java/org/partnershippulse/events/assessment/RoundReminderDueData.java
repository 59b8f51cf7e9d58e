package org.partnershippulse.events.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * round.reminder-due: a round closes soon (once per round, {@code pulse.assessment.reminder-before} ahead), and the
 * people to remind. In a CONFIDENTIAL round they are the invitees who have not submitted (the participation list its
 * coordinators see); in an ANONYMOUS round, where not even who took part may be known, every invitee
 * ({@code anonymous} true), so the reminder says nothing about whether they responded.
 */
public record RoundReminderDueData(UUID roundId, UUID partnershipId, String title, Instant closesAt, boolean anonymous,
        List<UUID> personIds) {
}
