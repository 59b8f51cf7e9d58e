package org.partnershippulse.events.improvement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * measure.recorded: a value of a common measure observed on a date, recorded directly or through a check-in of a
 * goal measured by it ({@code goalId}, {@code checkInId}; null otherwise).
 */
public record MeasureValueData(UUID valueId, UUID measureId, UUID partnershipId, BigDecimal value,
        LocalDate observedOn, Instant recordedAt, UUID recordedByPersonId, UUID goalId, UUID checkInId) {
}
