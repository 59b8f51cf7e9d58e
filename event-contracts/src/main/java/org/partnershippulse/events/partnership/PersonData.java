package org.partnershippulse.events.partnership;

import java.util.UUID;

/** person.updated: one per partnership the person holds a role in (so each partnership's stream stays ordered). */
public record PersonData(UUID partnershipId, UUID personId, String subject, String personName, UUID organisationId,
        String organisationName, String sector) {
}
