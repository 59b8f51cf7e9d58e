package org.partnershippulse.events.partnership;

import java.time.Instant;
import java.util.UUID;

/** person.role-granted/revoked: a role a person holds in a partnership, with the person's organisation. */
public record RoleData(UUID roleId, UUID partnershipId, UUID personId, String subject, String personName,
        UUID organisationId, String organisationName, String sector, String role, Instant grantedAt,
        Instant revokedAt) {
}
