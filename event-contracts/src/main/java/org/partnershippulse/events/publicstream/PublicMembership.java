package org.partnershippulse.events.publicstream;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of public membership.started and .ended: an organisation, its sector and its part in the partnership (the
 * membership role is the organisation's, e.g. STEERING_COMMITTEE, never a person's).
 */
public record PublicMembership(UUID membershipId, UUID partnershipId, UUID organisationId, String organisationName,
        String sector, String role, LocalDate joinedOn, LocalDate leftOn) {
}
