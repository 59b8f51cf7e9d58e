package org.partnershippulse.events.improvement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * plan.created/changed: an improvement plan of a partnership and its check-in schedule. {@code roundId} is the
 * round whose results the plan answers (null for a plan not started from a report); {@code cadence} is
 * WEEKLY, MONTHLY or QUARTERLY (monthly by default, as the MOU says); {@code nextCheckInDue} is the earliest
 * scheduled check-in not yet recorded.
 */
public record PlanData(UUID planId, UUID partnershipId, String title, UUID roundId, String cadence,
        LocalDate startsOn, LocalDate nextCheckInDue, String status, Long version) {
}
