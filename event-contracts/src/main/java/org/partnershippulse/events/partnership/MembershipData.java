package org.partnershippulse.events.partnership;

import java.time.LocalDate;
import java.util.UUID;

/** membership.started/changed/ended: carries the organisation's name and sector, so consumers need no call back. */
public record MembershipData(UUID membershipId, UUID partnershipId, UUID organisationId, String organisationName,
        String sector, String role, LocalDate joinedOn, LocalDate leftOn, Long version) {
}
