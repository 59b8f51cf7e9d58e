package org.partnershippulse.events.publicstream;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of public partnership.created, .updated and .dissolved: the partnership as the public may know it. No
 * description, vision or dissolution reason (free text a coordinator writes), no person.
 *
 * @param sharesResultsPublicly whether the partnership publishes its released round results on this stream
 * @param dissolvedOn           set once dissolved
 * @param version               the partnership's version: a subscriber keeps the highest
 */
public record PublicPartnership(UUID partnershipId, String name, String status, String geographyType,
        String geographyName, String structure, String declaredDimension, String aspiredDimension,
        boolean sharesResultsPublicly, LocalDate dissolvedOn, long version) {
}
