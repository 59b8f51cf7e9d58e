package org.partnershippulse.events.improvement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * goal.set/changed: a SMART goal of a plan. What is to change, how it is measured ({@code measure}, optionally a
 * common measure of the partnership, {@code measureId}), the target in the measure's unit, the owner organisation
 * and person, the due date; its status follows the latest check-in (NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK,
 * DONE, DROPPED). {@code findings} are the round findings it answers, {@code thingToTry} the catalogue suggestion it
 * adopts (or null).
 */
public record GoalData(UUID goalId, UUID planId, UUID partnershipId, String what, String measure, UUID measureId,
        BigDecimal target, String unit, UUID ownerOrganisationId, UUID ownerPersonId, LocalDate dueOn, String status,
        List<LinkedFinding> findings, ThingToTry thingToTry, Long version) {
}
