package org.partnershippulse.events.publicstream;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of public round.opened and .closed: which instrument a partnership runs and when. No audience, no counts of
 * invitations or responses (those change with single people). A reopened round is published as opened again, with
 * {@code reopenedAt}.
 */
public record PublicRound(UUID roundId, UUID partnershipId, String title, String instrumentKey, int instrumentVersion,
        String instrumentTitle, Instant opensAt, Instant closesAt, Instant openedAt, Instant reopenedAt,
        Instant closedAt) {
}
