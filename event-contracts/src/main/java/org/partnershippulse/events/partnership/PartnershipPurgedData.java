package org.partnershippulse.events.partnership;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of partnership.purged: a platform administrator deleted the partnership entirely. Every consumer deletes what
 * it holds of it (projections, rounds, responses, read models, releases) and keeps nothing; the event carries no name
 * or other content of the partnership, only which one and when.
 */
public record PartnershipPurgedData(UUID partnershipId, Instant purgedAt) {
}
