package org.partnershippulse.system.differencing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippulse.system.differencing.Differencing.Derivation;
import org.partnershippulse.system.differencing.Differencing.Version;

/** The differencing core finds the classic attacks, and nothing in a sequence of releases that follows the rule. */
class DifferencingTest {

    private static final Map<String, List<String>> FORM = Map.of(
            "trust", List.of("NEEDS_ATTENTION", "NEEDS_WORK", "EXISTS"),
            "mission", List.of("NEEDS_ATTENTION", "NEEDS_WORK", "EXISTS"));
    private static final Map<String, Long> SCORES = Map.of("NEEDS_ATTENTION", 1L, "NEEDS_WORK", 2L, "EXISTS", 3L);

    @Test
    void beforeAndAfterOneSubmissionGivesThatPersonsAnswers() {
        Differencing d = new Differencing(3, FORM).reader("coordinator", null);
        report(d, "coordinator", "report after 3", group("a1", "b1", "c1"));
        report(d, "coordinator", "report after 4", group("a1", "b1", "c1", "d1"));

        assertEquals(Set.of("d"), victims(d.derivations()));
    }

    @Test
    void meansAloneBeforeAndAfterGiveTheScore() {
        Differencing d = new Differencing(3, FORM).reader("member", "a");
        d.sum("member", "mean, 3", group("a1", "b1", "c1"), "trust", SCORES);
        d.sum("member", "mean, 4", group("a1", "b1", "c1", "d1"), "trust", SCORES);

        assertEquals(Set.of("d"), victims(d.derivations()));
    }

    @Test
    void twoOverlappingGroupsDifferingByOneGiveThatPerson() {
        Differencing d = new Differencing(3, FORM).reader("member", "a");
        report(d, "member", "sector EDUCATION", group("a1", "b1", "c1"));
        report(d, "member", "role MEMBER", group("a1", "b1", "c1", "d1"));

        List<Derivation> found = d.derivations();
        assertEquals(Set.of("d"), victims(found), found.toString());
    }

    @Test
    void aMemberSubtractsThemselfFromAGroupOfTwo() {
        Differencing d = new Differencing(2, FORM).reader("a", "a").reader("admin", null);
        report(d, "a", "report", group("a1", "b1"));
        report(d, "admin", "report", group("a1", "b1"));

        List<Derivation> found = d.derivations();
        assertEquals(Set.of("a derives b"), found.stream().map(x -> x.observer() + " derives " + x.victim()).collect(Collectors.toSet()),
                found.toString());
    }

    @Test
    void aRevisionReleasedAloneGivesThatPersonsChange() {
        Differencing d = new Differencing(3, FORM).reader("coordinator", null);
        report(d, "coordinator", "release 1", group("a1", "b1", "c1"));
        report(d, "coordinator", "release 2", group("a2", "b1", "c1"));

        List<Derivation> found = d.derivations();
        assertEquals(Set.of("a"), victims(found));
        assertTrue(found.get(0).what().contains("change between revisions"), found.toString());
    }

    @Test
    void aHiddenSectorFollowsFromTheTotalAndTheShownSectors() {
        Differencing d = new Differencing(3, FORM).reader("admin", null)
                .group("X", List.of("a", "b", "c")).group("Y", List.of("d", "e", "f")).group("Z", List.of("g", "h", "i"));
        Set<Version> all = group("a1", "b1", "c1", "d1", "e1", "f1", "g1", "h1");
        report(d, "admin", "everyone", all);
        report(d, "admin", "sector X", group("a1", "b1", "c1"));
        report(d, "admin", "sector Y", group("d1", "e1", "f1"));

        List<Derivation> found = d.derivations();
        assertEquals(Set.of("Z"), victims(found), found.toString());
    }

    @Test
    void aReflectionThatAppearsWithOneMoreRespondentIsTheirs() {
        Differencing d = new Differencing(3, FORM).reader("coordinator", null);
        d.texts("coordinator", "release 1", group("a1", "b1", "c1"), "strengths", List.of("ta", "tb", "tc"));
        d.texts("coordinator", "release 2", group("a1", "b1", "c1", "d1"), "strengths", List.of("ta", "tb", "tc", "td"));

        List<Derivation> found = d.derivations();
        assertEquals(1, found.size(), found.toString());
        assertEquals("d", found.get(0).victim());
        assertTrue(found.get(0).what().contains("\"td\""));
    }

    /**
     * Releases that follow the rule (every shown group changes by none or by at least the minimum), read by the
     * coordinator, by members of each sector and by an administrator, with texts: nothing is derived.
     */
    @Test
    void releasesThatFollowTheRuleGiveNothingAway() {
        Differencing d = new Differencing(3, FORM).reader("coordinator", "a").reader("b", "b").reader("d", "d").reader("admin", null)
                .group("X", List.of("a", "b", "c")).group("Y", List.of("d", "e", "f"));
        // 1: a, b, c answer (sectors not shown: Y has nobody); 2: d, e, f answer (X unchanged, Y new with 3);
        // 3: a, b, c revise (X and everyone change by 3, Y by none)
        List<Set<Version>> releases = List.of(group("a1", "b1", "c1"), group("a1", "b1", "c1", "d1", "e1", "f1"),
                group("a2", "b2", "c2", "d1", "e1", "f1"));
        for (String reader : List.of("coordinator", "b", "d", "admin")) {
            for (int r = 0; r < releases.size(); r++) {
                Set<Version> s = releases.get(r);
                String source = "release " + (r + 1);
                report(d, reader, source, s);
                if (r > 0) {
                    report(d, reader, source + " X", s.stream().filter(v -> "abc".contains(v.respondent())).collect(Collectors.toSet()));
                    report(d, reader, source + " Y", s.stream().filter(v -> "def".contains(v.respondent())).collect(Collectors.toSet()));
                }
                d.texts(reader, source, s, "strengths", s.stream().map(v -> "text of " + v).toList());
            }
        }
        List.of("a@1", "a@2").forEach(t -> d.ownText("coordinator", "text of " + t));
        List.of("b@1", "b@2").forEach(t -> d.ownText("b", "text of " + t));
        d.ownText("d", "text of d@1");

        List<Derivation> found = d.derivations();
        assertTrue(found.isEmpty(), found.stream().map(Derivation::toString).collect(Collectors.joining("\n")));
    }

    /**
     * A sector first shown with one new respondent, where the reader knows the rest of it from an earlier total
     * and their own answer: the release rule counts that sector's change as one, so it must not be cut.
     */
    @Test
    void aSectorFirstShownWithOneNewRespondentGivesThemAway() {
        Differencing d = new Differencing(3, FORM).reader("coordinator", "a").group("Y", List.of("b", "c", "f"));
        report(d, "coordinator", "release 1", group("a1", "b1", "c1"));
        report(d, "coordinator", "release 2 sector Y", group("b1", "c1", "f1"));

        // f, and the sector as it stood at release 1 (b and c: two, below the minimum)
        assertEquals(Set.of("f", "Y"), victims(d.derivations()));
    }

    /**
     * Texts are sets, not sums: a text that appeared with three new respondents and vanished when three others
     * revised belongs to the one person in both threes, although every release changed by three.
     */
    @Test
    void aTextThatAppearedWithSomeAndVanishedWithOthersIsPinnedByIntersection() {
        Differencing d = new Differencing(3, FORM).reader("admin", null);
        List<Set<Version>> releases = List.of(group("a1", "b1", "c1"), group("a1", "b1", "c1", "d1", "e1", "f1"),
                group("a1", "b2", "c2", "d1", "e1", "f2"));
        for (int r = 0; r < releases.size(); r++) {
            d.texts("admin", "release " + (r + 1), releases.get(r), "strengths", releases.get(r).stream().map(v -> "text of " + v).toList());
        }

        List<Derivation> found = d.derivations();
        assertEquals(List.of("f"), found.stream().map(Derivation::victim).toList(), found.toString());
    }

    private static void report(Differencing d, String reader, String source, Set<Version> group) {
        for (String item : List.of("trust", "mission")) {
            d.distribution(reader, source, group, item);
            d.sum(reader, source + " mean", group, item, SCORES);
        }
        // a section total over both items: given by the items' own counts, adds nothing
        d.observe(reader, source + " section", group, Map.of(new Differencing.Feature("trust", "EXISTS"), 1L,
                new Differencing.Feature("mission", "EXISTS"), 1L));
    }

    private static Set<Version> group(String... versions) {
        List<Version> out = new ArrayList<>();
        for (String v : versions) {
            out.add(new Version(v.substring(0, 1), Integer.parseInt(v.substring(1))));
        }
        return Set.copyOf(out);
    }

    private static Set<String> victims(List<Derivation> found) {
        return found.stream().map(Derivation::victim).collect(Collectors.toSet());
    }
}
