package org.partnershippulse.events.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * round.opened/reopened/closed: the round with the snapshot of its instrument and its audience's size. Who is invited
 * ({@code inviteePersonIds}, added in issue 17 for the invitations partnership-service mails) travels only in
 * opened/reopened, and only on this internal topic; the public twin never carries it. Enumerations travel as their
 * names.
 */
public record RoundData(UUID roundId, UUID partnershipId, String title, String instrumentKey,
        Integer instrumentVersion, JsonNode instrument, Instant opensAt, Instant closesAt, String confidentiality,
        Integer minimumGroupSize, List<String> allowedBreakdowns, String declaredDimension, Integer invitedCount,
        Map<String, Integer> invitedBySector, Map<String, Integer> invitedByRole, Integer respondedCount,
        Instant openedAt, Instant closedAt, String reopenReason, List<UUID> inviteePersonIds) {
}
