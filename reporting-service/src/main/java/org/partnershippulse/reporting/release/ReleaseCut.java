package org.partnershippulse.reporting.release;

import java.util.UUID;

/**
 * Fired (CDI, synchronously) once a release of the round is committed. Whoever shows the round's results (the live
 * streams) observes it: releases do not know who shows them.
 */
public record ReleaseCut(UUID roundId) {
}
