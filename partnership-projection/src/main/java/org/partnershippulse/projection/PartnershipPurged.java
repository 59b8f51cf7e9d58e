package org.partnershippulse.projection;

import java.util.UUID;

/**
 * A partnership was purged (partnership.purged): fired synchronously in the consuming transaction after the
 * projection dropped it, so that each service deletes its own rows of the partnership with it.
 */
public record PartnershipPurged(UUID partnershipId) {
}
