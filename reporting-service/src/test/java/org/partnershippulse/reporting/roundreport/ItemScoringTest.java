package org.partnershippulse.reporting.roundreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Option;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Scale;
import org.partnershippulse.reporting.roundreport.RoundReport.ItemResult;

class ItemScoringTest {

    /** As in the PAI: options not in score order. */
    static final Scale PAI = new Scale("pai-status", "ORDINAL", List.of(
            new Option("CURRENTLY_EXISTS", 3, Map.of("en", "Currently Exists/ Maintain")),
            new Option("NEEDS_IMMEDIATE_ATTENTION", 1, Map.of("en", "Needs Immediate Attention")),
            new Option("NEEDS_WORK_IN_FUTURE", 2, Map.of("en", "Needs work in the future"))), null, null);
    static final Scale DIMENSION = new Scale("dimension", "CATEGORICAL", List.of(
            new Option("NETWORKING", 1, Map.of("en", "Networking")), new Option("COOPERATION", 2, Map.of("en", "Cooperation")),
            new Option("COLLABORATION", 3, Map.of("en", "Collaboration")), new Option("INTEGRATION", 4, Map.of("en", "Integration"))),
            null, null);
    static final InstrumentSnapshot.Item ITEM = new InstrumentSnapshot.Item("trust-team-building",
            Map.of("en", "Investment in team building activities.", "es", "Inversión en actividades de equipo."), "pai-status");

    @Test
    void ordinalItemHasSharesMeanMedianAndTastleWiermanConsensus() {
        ItemResult r = ItemScoring.score("trust", ITEM, PAI,
                Map.of("CURRENTLY_EXISTS", 3L, "NEEDS_IMMEDIATE_ATTENTION", 1L, "NEEDS_WORK_IN_FUTURE", 2L), 5, "en");

        assertEquals(6, r.responses());
        assertFalse(r.withheld());
        assertEquals(List.of("CURRENTLY_EXISTS", "NEEDS_IMMEDIATE_ATTENTION", "NEEDS_WORK_IN_FUTURE"),
                r.distribution().stream().map(RoundReport.OptionCount::value).toList());
        assertEquals(0.5, r.distribution().get(0).share());
        assertEquals(0.1667, r.distribution().get(1).share());
        assertEquals(2.3333, r.mean());
        // Scores in order 1, 2, 2, 3, 3, 3: the mean of the 3rd and 4th.
        assertEquals(2.5, r.median());
        assertEquals(0.3557, r.consensus());
        assertEquals(ItemScoring.TASTLE_WIERMAN, r.consensusMeasure());
        assertTrue(r.divergent());
    }

    @Test
    void categoricalItemUsesNormalisedEntropyAndHasNoMean() {
        ItemResult r = ItemScoring.score("purpose", new InstrumentSnapshot.Item("purpose-today", Map.of("en", "Today"), "dimension"),
                DIMENSION, Map.of("COOPERATION", 3L, "COLLABORATION", 1L), 2, "en");

        assertEquals(0.5944, r.consensus());
        assertEquals(ItemScoring.NORMALISED_ENTROPY, r.consensusMeasure());
        assertNull(r.mean());
        assertFalse(r.divergent());
    }

    @Test
    void itemAnsweredByFewerThanTheMinimumIsWithheld() {
        ItemResult r = ItemScoring.score("trust", ITEM, PAI, Map.of("CURRENTLY_EXISTS", 2L), 3, "en");

        assertTrue(r.withheld());
        assertEquals(List.of(), r.distribution());
        assertNull(r.mean());
        assertNull(r.consensus());
    }

    @Test
    void textsComeInTheAskedLanguageWithEnglishAsFallback() {
        assertEquals("Inversión en actividades de equipo.", ItemScoring.score("trust", ITEM, PAI, Map.of("CURRENTLY_EXISTS", 3L), 3, "es").text());
        assertEquals("Investment in team building activities.", ItemScoring.score("trust", ITEM, PAI, Map.of("CURRENTLY_EXISTS", 3L), 3, "fr").text());
    }

    @Test
    void medianOfAnOddCountIsTheMiddleAnswer() {
        assertEquals(2.0, ItemScoring.median(new int[] { 1, 2, 3 }, new long[] { 2, 1, 2 }));
        assertEquals(3.0, ItemScoring.median(new int[] { 1, 2, 3 }, new long[] { 1, 0, 2 }));
    }
}
