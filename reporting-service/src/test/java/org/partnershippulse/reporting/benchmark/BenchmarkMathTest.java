package org.partnershippulse.reporting.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Quartiles and percentile ranks against values computed by hand. */
class BenchmarkMathTest {

    private static final double EPS = 1e-9;

    @Test
    void quartilesOfFiveMeansAreTheSecondThirdAndFourth() {
        // sorted 1.8 2.1 2.4 2.6 2.9: positions (5-1)*p = 1, 2, 3
        Quartiles q = Quartiles.of(2.4, 1.8, 2.9, 2.1, 2.6);
        assertEquals(2.1, q.q1(), EPS);
        assertEquals(2.4, q.median(), EPS);
        assertEquals(2.6, q.q3(), EPS);
    }

    @Test
    void quartilesOfSixMeansInterpolate() {
        // sorted 1.0 1.5 2.0 2.5 2.75 3.0: positions 1.25, 2.5, 3.75
        // Q1 = 1.5 + 0.25*(2.0-1.5) = 1.625; median = 2.0 + 0.5*(2.5-2.0) = 2.25; Q3 = 2.5 + 0.75*(2.75-2.5) = 2.6875
        Quartiles q = Quartiles.of(3.0, 1.0, 2.5, 1.5, 2.75, 2.0);
        assertEquals(1.625, q.q1(), EPS);
        assertEquals(2.25, q.median(), EPS);
        assertEquals(2.6875, q.q3(), EPS);
    }

    @Test
    void equalMeansGiveEqualQuartiles() {
        Quartiles q = Quartiles.of(2, 2, 2, 2, 2);
        assertEquals(new Quartiles(2, 2, 2), q);
        assertThrows(IllegalArgumentException.class, Quartiles::of);
    }

    @Test
    void percentileRankCountsBelowAndHalfOfTheEqual() {
        double[] six = {1.0, 1.5, 2.0, 2.5, 2.75, 3.0};
        // lowest: 0 below, itself equal: (0 + 0.5)/6 = 8.33 -> 8
        assertEquals(8, PercentileRank.of(1.0, six));
        // 2.5: 3 below + 0.5 = 3.5/6 = 58.3 -> 58
        assertEquals(58, PercentileRank.of(2.5, six));
        // highest: 5.5/6 = 91.67 -> 92
        assertEquals(92, PercentileRank.of(3.0, six));
        // ties: 2.0 among {1, 2, 2, 2, 3}: 1 below + 3/2 = 2.5/5 = 50
        assertEquals(50, PercentileRank.of(2.0, 1, 2, 2, 2, 3));
        // all equal: 50
        assertEquals(50, PercentileRank.of(2.0, 2, 2, 2, 2, 2));
    }
}
