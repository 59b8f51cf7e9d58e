package org.partnershippulse.events.improvement;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * measure.defined/changed: a common measure of the partnership (WestEd condition 6.3): kind PROCESS, OUTCOME,
 * STRUCTURAL or BALANCING, unit, baseline, target and direction (HIGHER_IS_BETTER or LOWER_IS_BETTER).
 */
public record MeasureData(UUID measureId, UUID partnershipId, String name, String kind, String unit,
        BigDecimal baseline, BigDecimal target, String direction, Long version) {
}
