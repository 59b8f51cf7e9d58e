package org.partnershippulse.partnership.improvement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A measure's latest value against its baseline and target, read in the measure's direction: a fall is an
 * improvement where lower is better. {@code progress} is the share of the way from baseline to target (1 = reached,
 * negative = moved away), null when baseline and target are equal or there is no value yet.
 */
public record Trend(BigDecimal latest, BigDecimal change, Assessment assessment, BigDecimal progress) {

    public enum Assessment {
        NO_DATA, IMPROVING, UNCHANGED, WORSENING
    }

    public static Trend of(BigDecimal baseline, BigDecimal target, Direction direction, BigDecimal latest) {
        if (latest == null) {
            return new Trend(null, null, Assessment.NO_DATA, null);
        }
        BigDecimal change = latest.subtract(baseline);
        int sign = direction == Direction.LOWER_IS_BETTER ? -change.signum() : change.signum();
        Assessment assessment = sign > 0 ? Assessment.IMPROVING : sign < 0 ? Assessment.WORSENING : Assessment.UNCHANGED;
        BigDecimal span = target.subtract(baseline);
        BigDecimal progress = span.signum() == 0 ? null : change.divide(span, 4, RoundingMode.HALF_EVEN);
        return new Trend(plain(latest), plain(change), assessment, progress == null ? null : plain(progress));
    }

    /** 90.0000 as 90, never as 9E+1: numbers as a person writes them. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
