package org.partnershippulse.reporting.roundreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsensusTest {

    private static final int[] THREE = { 1, 2, 3 };
    private static final int[] FOUR = { 1, 2, 3, 4 };

    @Test
    void everyoneGivingTheSameAnswerIsFullConsensus() {
        assertEquals(1.0, Consensus.tastleWierman(THREE, new long[] { 0, 7, 0 }, 1, 3), 1e-12);
        assertEquals(1.0, Consensus.tastleWierman(FOUR, new long[] { 0, 0, 0, 5 }, 1, 4), 1e-12);
    }

    @Test
    void halfAtEachExtremeIsNoConsensus() {
        assertEquals(0.0, Consensus.tastleWierman(THREE, new long[] { 5, 0, 5 }, 1, 3), 1e-12);
        assertEquals(0.0, Consensus.tastleWierman(FOUR, new long[] { 2, 0, 0, 2 }, 1, 4), 1e-12);
    }

    @Test
    void tastleWiermanMatchesHandComputedValues() {
        // μ = 2, d = 2: 1 + ¼·log2(½) + ½·log2(1) + ¼·log2(½) = 1 − ½
        assertEquals(0.5, Consensus.tastleWierman(THREE, new long[] { 1, 2, 1 }, 1, 3), 1e-12);
        // μ = 3.25, d = 3: 1 + ¼·log2(¼) + ¾·log2(¾) = 1 − 0.5 − 0.311278 = 0.188722
        assertEquals(0.188722, Consensus.tastleWierman(FOUR, new long[] { 1, 0, 0, 3 }, 1, 4), 1e-6);
        // μ = 14/6, d = 2: the PAI fixture of the report tests (1× attention, 2× future, 3× exists)
        assertEquals(0.355680, Consensus.tastleWierman(THREE, new long[] { 1, 2, 3 }, 1, 3), 1e-6);
    }

    @Test
    void theScaleWidthNotTheAnswersWidthIsTheDenominator() {
        // Answers only at 2 and 3 on a 1..4 scale: μ = 2.5, |X − μ|/3 = 1/6 for both → 1 + log2(5/6)
        assertEquals(1 + Math.log(5.0 / 6) / Math.log(2), Consensus.tastleWierman(FOUR, new long[] { 0, 3, 3, 0 }, 1, 4), 1e-12);
    }

    @Test
    void normalisedEntropyGoesFromOneForOneAnswerToZeroForAnEvenSpread() {
        assertEquals(1.0, Consensus.normalisedEntropy(new long[] { 6, 0, 0, 0 }), 1e-12);
        assertEquals(0.0, Consensus.normalisedEntropy(new long[] { 2, 2, 2, 2 }), 1e-12);
        // H = 1 bit over k = 4 options: 1 − 1/2
        assertEquals(0.5, Consensus.normalisedEntropy(new long[] { 2, 2, 0, 0 }), 1e-12);
        // H(¾, ¼) = 0.811278: 1 − 0.811278/2
        assertEquals(0.594361, Consensus.normalisedEntropy(new long[] { 3, 1, 0, 0 }), 1e-6);
    }

    @Test
    void noAnswersHaveNoConsensus() {
        assertNull(Consensus.tastleWierman(THREE, new long[] { 0, 0, 0 }, 1, 3));
        assertNull(Consensus.normalisedEntropy(new long[] { 0, 0 }));
    }

    @Test
    void belowOneHalfIsDivergent() {
        assertTrue(Consensus.divergent(0.49));
        assertFalse(Consensus.divergent(0.5));
        assertFalse(Consensus.divergent(null));
    }
}
