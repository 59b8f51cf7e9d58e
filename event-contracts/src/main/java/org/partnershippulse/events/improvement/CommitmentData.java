package org.partnershippulse.events.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * commitment.made/signed: what a member organisation contributes to a goal and by when. Signed (status SIGNED,
 * with the signer and time) by a person of that organisation, as the agreement is signed.
 */
public record CommitmentData(UUID commitmentId, UUID goalId, UUID planId, UUID partnershipId, UUID organisationId,
        String organisationName, String contribution, LocalDate dueOn, String status, UUID signedByPersonId,
        String signedByName, Instant signedAt, Long version) {
}
