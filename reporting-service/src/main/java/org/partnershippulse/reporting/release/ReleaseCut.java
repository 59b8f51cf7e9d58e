package org.partnershippulse.reporting.release;

import java.util.UUID;

/**
 * A release was cut: fired synchronously inside the cut's transaction, after its figures are frozen, so that what
 * observers record (the public stream's outbox event) commits or rolls back with the release itself.
 */
public record ReleaseCut(UUID roundId, Release release) {
}
