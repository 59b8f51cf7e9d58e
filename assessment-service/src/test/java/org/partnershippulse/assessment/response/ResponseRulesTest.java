package org.partnershippulse.assessment.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Recommendation.Level;
import org.partnershippulse.kit.problem.Problem.Violation;

/** Answer validation, completeness and the respondent's own feedback, on the seed instruments: plain JUnit. */
class ResponseRulesTest {

    static final InstrumentDefinition PAI = seed("bcr-partnership-assessment-inventory");
    static final InstrumentDefinition WESTED = seed("wested-essential-conditions");
    static final InstrumentDefinition LEADERSHIP = seed("bcr-leadership-self-assessment");

    @Test
    void answersMustBeItemsOfTheInstrumentWithValuesOnTheirScale() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("trust-team-building", new Answer("SOMETIMES", null));
        answers.put("no-such-item", new Answer("CURRENTLY_EXISTS", null));
        answers.put("visionary", new Answer("5", null));
        assertEquals(List.of("answers.trust-team-building", "answers.no-such-item", "answers.visionary"),
                AnswerRules.check(PAI, answers).stream().map(Violation::field).toList());
        assertEquals(List.of(), AnswerRules.check(LEADERSHIP, Map.of("visionary", new Answer("5", null))));
        assertEquals("answers.visionary", AnswerRules.check(LEADERSHIP, Map.of("visionary", new Answer("6", null))).get(0).field());
    }

    @Test
    void notesAreTakenOnlyWhereTheItemAllowsThem() {
        assertEquals(List.of(), AnswerRules.check(WESTED, Map.of("indicator-1-1", new Answer("PENDING", "Not yet discussed"))));
        assertEquals("answers.trust-team-building.note",
                AnswerRules.check(PAI, Map.of("trust-team-building", new Answer("CURRENTLY_EXISTS", "x"))).get(0).field());
    }

    @Test
    void aSubmissionNeedsEveryRequiredItemButNoReflection() {
        assertEquals(31, AnswerRules.missingRequired(PAI, Map.of()).size());
        assertEquals(8, AnswerRules.missingRequired(LEADERSHIP, Map.of()).size());
        assertEquals(29, AnswerRules.missingRequired(WESTED, Map.of("indicator-1-1", new Answer(" ", null))).size());
    }

    @Test
    void blankAnswersAreUnanswered() {
        Map<String, Answer> raw = new LinkedHashMap<>();
        raw.put("a", new Answer("  ", null));
        raw.put("b", new Answer(" X ", " "));
        assertEquals(Map.of("b", new Answer("X", null)), AnswerRules.normalise(raw));
    }

    @Test
    void paiFeedbackListsTheItemsThatNeedImmediateAttention() {
        Map<String, Answer> answers = allRated(PAI, "CURRENTLY_EXISTS");
        answers.put("trust-team-building", new Answer("NEEDS_IMMEDIATE_ATTENTION", null));
        answers.put("learning-long-term-plan", new Answer("NEEDS_WORK_IN_FUTURE", null));
        Feedback.Results results = Feedback.of(PAI, answers, "en");
        assertEquals(List.of("trust-team-building"), results.lowestRated().stream().map(Feedback.RatedItem::itemKey).toList());
        assertEquals("Needs Immediate Attention", results.lowestRated().get(0).label());
        assertEquals(2.6, results.sections().get(0).meanScore());
        assertEquals(List.of(), results.recommendations(), "the PAI has no recommendation content");
    }

    @Test
    void wellRatedEverywhereMeansNothingIsLowest() {
        Feedback.Results results = Feedback.of(WESTED, allRated(WESTED, "SUSTAINING"), "en");
        assertTrue(results.lowestRated().isEmpty());
        assertTrue(results.recommendations().isEmpty());
    }

    @Test
    void theLowestConditionGetsStartHereWhenPendingAndGoDeeperWhenImplementing() {
        Map<String, Answer> answers = allRated(WESTED, "SUSTAINING");
        answers.put("indicator-6-1", new Answer("PENDING", null));
        Feedback.Results results = Feedback.of(WESTED, answers, "es");
        assertEquals(List.of("condition-6"), results.recommendations().stream().map(Feedback.Suggestion::sectionKey).distinct().toList());
        // condition 6 averages (0 + 4 * 1) / 5 = 0.8 of the scale: strengthen it.
        assertEquals(List.of(Level.GO_DEEPER), results.recommendations().stream().map(Feedback.Suggestion::level).distinct().toList());

        Map<String, Answer> pending = allRated(WESTED, "SUSTAINING");
        for (int i = 1; i <= 3; i++) {
            pending.put("indicator-7-" + i, new Answer("EMERGING", null));
        }
        Feedback.Results early = Feedback.of(WESTED, pending, "en");
        assertEquals(List.of(Level.START_HERE), early.recommendations().stream().map(Feedback.Suggestion::level).distinct().toList());
        assertEquals(WESTED.recommendations().stream().filter(r -> r.section().equals("condition-7") && r.level() == Level.START_HERE)
                .map(r -> r.text().get("en")).toList(), early.recommendations().stream().map(Feedback.Suggestion::text).toList());
    }

    private static Map<String, Answer> allRated(InstrumentDefinition instrument, String value) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        instrument.items().stream().filter(i -> instrument.scale(i.scale()).orElseThrow().type() != InstrumentDefinition.ScaleType.FREE_TEXT)
                .forEach(i -> answers.put(i.key(), new Answer(value, null)));
        return answers;
    }

    private static InstrumentDefinition seed(String key) {
        try (InputStream in = ResponseRulesTest.class.getClassLoader().getResourceAsStream("instruments/" + key + ".json")) {
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, InstrumentDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
