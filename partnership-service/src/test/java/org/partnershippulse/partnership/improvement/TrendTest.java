package org.partnershippulse.partnership.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aFallIsAnImprovementWhereLowerIsBetter() {
        Trend t = Trend.of(n("40"), n("20"), Direction.LOWER_IS_BETTER, n("30.0000"));
        assertEquals(Trend.Assessment.IMPROVING, t.assessment());
        assertEquals(n("-10"), t.change());
        assertEquals(n("0.5"), t.progress());
        assertEquals("30", t.latest().toPlainString());
    }

    @Test
    void aFallIsWorseningWhereHigherIsBetterAndProgressGoesNegative() {
        Trend t = Trend.of(n("42"), n("60"), Direction.HIGHER_IS_BETTER, n("33"));
        assertEquals(Trend.Assessment.WORSENING, t.assessment());
        assertEquals(n("-0.5"), t.progress());
    }

    @Test
    void noValueMeansNoDataAndEqualBaselineAndTargetHaveNoProgress() {
        assertEquals(Trend.Assessment.NO_DATA, Trend.of(n("1"), n("2"), Direction.HIGHER_IS_BETTER, null).assessment());
        Trend flat = Trend.of(n("5"), n("5"), Direction.HIGHER_IS_BETTER, n("5"));
        assertEquals(Trend.Assessment.UNCHANGED, flat.assessment());
        assertNull(flat.progress());
        assertEquals("100", Trend.plain(n("100.0000")).toString());
    }
}
