package org.partnershippulse.events.partnership;

import java.util.UUID;

/**
 * partnership.created/updated/dissolved: the partnership as it now is. Enumerations travel as their names
 * (contracts/events/org.partnershippulse.partnership.*.v1.json lists the values). {@code sharesResultsPublicly}
 * (issue 14) and {@code contributesToBenchmarks} (issue 18) were added after 1.0.0: absent in older events, read as
 * false.
 */
public record PartnershipData(UUID partnershipId, String name, String status, String geographyType,
        String geographyName, String structure, String declaredDimension, String aspiredDimension,
        UUID leadOrganisationId, Long version, boolean sharesResultsPublicly, boolean contributesToBenchmarks) {
}
