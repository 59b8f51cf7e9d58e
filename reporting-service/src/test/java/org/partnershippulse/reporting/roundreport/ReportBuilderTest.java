package org.partnershippulse.reporting.roundreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.reporting.release.ReflectionRow;
import org.partnershippulse.reporting.release.ReleaseRef;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.round.CountDeltas;
import org.partnershippulse.reporting.round.CountDeltas.Contribution;
import org.partnershippulse.reporting.round.CountDeltas.Group;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Item;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Section;

/** The report computed from counts, without Quarkus: the parts the HTTP fixture does not reach. */
class ReportBuilderTest {

    static final InstrumentSnapshot APHSA = new InstrumentSnapshot("aphsa-dimensions-of-partnership", "GROUP",
            Map.of("en", "Dimensions"), List.of(ItemScoringTest.DIMENSION), List.of(
            new Section("purpose", Map.of("en", "Purpose"), List.of(
                    new Item("purpose-today", Map.of("en", "Today"), "dimension"),
                    new Item("purpose-aim", Map.of("en", "Aim"), "dimension"))),
            new Section("coordination", Map.of("en", "Coordination"), List.of(
                    new Item("coordination-today", Map.of("en", "Today"), "dimension"),
                    new Item("coordination-aim", Map.of("en", "Aim"), "dimension")))), List.of(), List.of());

    static final InstrumentSnapshot PAI = new InstrumentSnapshot("bcr-partnership-assessment-inventory", "GROUP",
            Map.of("en", "PAI"), List.of(ItemScoringTest.PAI), List.of(
            new Section("trust", Map.of("en", "Trust"), List.of(
                    new Item("t1", Map.of("en", "One"), "pai-status"), new Item("t2", Map.of("en", "Two"), "pai-status")))),
            List.of(), List.of());

    @Test
    void dimensionsPlaceTodayAndAimPerRowAndOverallAgainstTheDeclaredDimension() {
        // Purpose today: 2×COOPERATION, 2×COLLABORATION → 2.5, nearest COOPERATION (a tie goes down); aim 4×INTEGRATION.
        // Coordination today: 4×NETWORKING → 1.0. Overall today: (2·2 + 2·3 + 4·1)/8 = 1.75 → COOPERATION.
        Counts c = new Counts();
        c.add("EDUCATION", Map.of("purpose-today", "COOPERATION", "purpose-aim", "INTEGRATION", "coordination-today", "NETWORKING"), 2);
        c.add("HEALTH_CARE", Map.of("purpose-today", "COLLABORATION", "purpose-aim", "INTEGRATION", "coordination-today", "NETWORKING"), 2);

        RoundReport report = ReportBuilder.build(c.input(APHSA, 2, "COLLABORATION"));

        RoundReport.Dimensions d = report.dimensions();
        assertEquals("COLLABORATION", d.declaredDimension());
        assertEquals(3, d.declaredScore());
        assertEquals(2.5, d.rows().get(0).today().meanScore());
        assertEquals("COOPERATION", d.rows().get(0).today().nearest());
        assertEquals("INTEGRATION", d.rows().get(0).aim().nearest());
        assertEquals(1.0, d.rows().get(1).today().meanScore());
        assertEquals(0, d.rows().get(1).aim().answers());
        assertNull(d.rows().get(1).aim().meanScore());
        assertEquals(1.75, d.overallToday().meanScore());
        assertEquals("COOPERATION", d.overallToday().nearest());
        assertEquals(4.0, d.overallAim().meanScore());
        assertEquals("BELOW_DECLARED", d.todayVersusDeclared());
        // Categorical: consensus by normalised entropy, 2 of 4 options evenly → 1 − 1/2.
        assertEquals(0.5, report.items().get(0).consensus());
    }

    @Test
    void sectorsDifferOnlyBetweenShownGroups() {
        // EDUCATION 3 × (t1 exists), HEALTH_CARE 3 × (t1 needs immediate attention), HOUSING 1 hidden.
        // HOUSING alone (1) would be derivable, so the smallest shown group (a tie: first by name, EDUCATION) goes too.
        Counts c = new Counts();
        c.add("EDUCATION", Map.of("t1", "CURRENTLY_EXISTS", "t2", "CURRENTLY_EXISTS"), 3);
        c.add("HEALTH_CARE", Map.of("t1", "NEEDS_IMMEDIATE_ATTENTION", "t2", "CURRENTLY_EXISTS"), 3);
        c.add("HOUSING", Map.of("t1", "NEEDS_IMMEDIATE_ATTENTION", "t2", "CURRENTLY_EXISTS"), 1);

        RoundReport withHousing = ReportBuilder.build(c.input(PAI, 3, null));
        assertEquals(List.of("HEALTH_CARE"), withHousing.participation().bySector().stream().map(RoundReport.GroupParticipation::group).toList());
        assertEquals(List.of(), withHousing.sectorDifferences());

        // Two more from HOUSING: three groups of 3, all shown; t1 differs by 3 − 1 = 2, t2 not at all.
        c.add("HOUSING", Map.of("t1", "NEEDS_WORK_IN_FUTURE", "t2", "CURRENTLY_EXISTS"), 2);
        RoundReport all = ReportBuilder.build(c.input(PAI, 3, null));
        assertEquals(1, all.sectorDifferences().size());
        RoundReport.SectorDifference t1 = all.sectorDifferences().get(0);
        assertEquals("t1", t1.itemKey());
        assertEquals(2.0, t1.spread());
        assertEquals(Map.of("EDUCATION", 3.0, "HEALTH_CARE", 1.0, "HOUSING", 1.6667),
                Map.of(t1.sectors().get(0).group(), t1.sectors().get(0).mean(), t1.sectors().get(1).group(),
                        t1.sectors().get(1).mean(), t1.sectors().get(2).group(), t1.sectors().get(2).mean()));
        assertTrue(all.agenda().stream().filter(a -> a.key().equals("disparate-perspectives")).findFirst().orElseThrow()
                .items().stream().anyMatch(i -> i.itemKey().equals("t1")));
    }

    /** Builds the counts as the projection would, one contribution at a time. */
    static final class Counts {
        final Map<Group, Long> respondents = new HashMap<>();
        final Map<Group, Map<String, Map<String, Long>>> answers = new HashMap<>();

        void add(String sector, Map<String, String> answered, int times) {
            for (int i = 0; i < times; i++) {
                CountDeltas d = new CountDeltas().add(new Contribution(sector, List.of("MEMBER"), answered));
                d.respondents().forEach((g, n) -> respondents.merge(g, (long) n, Long::sum));
                d.answers().forEach((k, n) -> answers.computeIfAbsent(k.group(), g -> new HashMap<>())
                        .computeIfAbsent(k.itemKey(), x -> new HashMap<>()).merge(k.optionValue(), (long) n, Long::sum));
            }
        }

        ReportInput input(InstrumentSnapshot instrument, int minimum, String declared) {
            return new ReportInput(UUID.randomUUID(), UUID.randomUUID(), "P", "Round", instrument.key(), 1, "OPEN", minimum,
                    Set.of("SECTOR"), declared, 10, Map.of(), Map.of(), instrument, respondents, answers, List.of(),
                    List.of(new ReportSeeds.Step3Question("disparate-perspectives", "Disparate?")), List.of(), "en",
                    new ReleaseRef(1, java.time.Instant.parse("2026-05-01T12:00:00Z")));
        }
    }
}
