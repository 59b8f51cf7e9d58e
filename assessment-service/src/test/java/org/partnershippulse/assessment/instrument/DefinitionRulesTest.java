package org.partnershippulse.assessment.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Item;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Kind;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Option;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Scale;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.ScaleType;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Section;
import org.partnershippulse.kit.problem.Problem.Violation;

class DefinitionRulesTest {

    static InstrumentDefinition definition(List<Scale> scales, List<Section> sections) {
        return new InstrumentDefinition("pulse-check", Kind.GROUP, Map.of("en", "Pulse check", "es", "Chequeo"), null,
                null, List.of("en", "es"), scales, sections, null, null, null);
    }

    static Scale agreement() {
        return new Scale("agreement", ScaleType.ORDINAL, List.of(
                new Option("LOW", 1, Map.of("en", "Low"), null), new Option("HIGH", 2, Map.of("en", "High"), null)), null, null);
    }

    static Section section(Item... items) {
        return new Section("main", Map.of("en", "Main"), null, List.of(items));
    }

    static Item item(String key, String scale) {
        return new Item(key, Map.of("en", "Question " + key), scale, true, false, null);
    }

    @Test
    void aWellFormedDefinitionHasNoViolations() {
        assertEquals(List.of(), DefinitionRules.check(definition(List.of(agreement()), List.of(section(item("a", "agreement"))))));
    }

    @Test
    void anItemOnAnUnknownScaleIsNamedByItsPath() {
        List<Violation> violations = DefinitionRules.check(definition(List.of(agreement()), List.of(section(item("a", "stars")))));
        assertEquals(List.of(new Violation("sections[0].items[0].scale", "no scale has this key")), violations);
    }

    @Test
    void englishIsRequiredForEveryTextAndUndeclaredLanguagesAreRejected() {
        Item spanishOnly = new Item("a", Map.of("es", "Pregunta", "fr", "Question"), "agreement", true, false, null);
        List<String> fields = DefinitionRules.check(definition(List.of(agreement()), List.of(section(spanishOnly))))
                .stream().map(Violation::field).toList();
        assertTrue(fields.contains("sections[0].items[0].text.en"), fields.toString());
        assertTrue(fields.contains("sections[0].items[0].text.fr"), fields.toString());
    }

    @Test
    void itemKeysAreUniqueAcrossSections() {
        Section first = section(item("a", "agreement"));
        Section second = new Section("other", Map.of("en", "Other"), null, List.of(item("a", "agreement")));
        List<Violation> violations = DefinitionRules.check(definition(List.of(agreement()), List.of(first, second)));
        assertEquals(List.of(new Violation("sections[1].items[0].key", "is used by another item")), violations);
    }

    @Test
    void ordinalOptionsNeedScoresAndNumericScalesNeedARange() {
        Scale unscored = new Scale("unscored", ScaleType.ORDINAL, List.of(
                new Option("A", null, Map.of("en", "A"), null), new Option("B", 2, Map.of("en", "B"), null)), null, null);
        Scale numeric = new Scale("hours", ScaleType.NUMERIC, null, null, null);
        List<String> fields = DefinitionRules.check(definition(List.of(unscored, numeric),
                List.of(section(item("a", "unscored"), item("b", "hours"))))).stream().map(Violation::field).toList();
        assertEquals(List.of("scales[0].options[0].score", "scales[1].max"), fields);
    }

    @Test
    void aCarriedItemKeepsItsScaleType() {
        Scale text = new Scale("text", ScaleType.FREE_TEXT, null, null, null);
        InstrumentDefinition v1 = definition(List.of(agreement(), text), List.of(section(item("a", "agreement"))));
        InstrumentDefinition v2 = definition(List.of(agreement(), text), List.of(section(item("a", "text"))));
        assertEquals(List.of("items.a.scale"), DefinitionRules.checkCarriedItems(v1, v2).stream().map(Violation::field).toList());
        assertEquals(List.of(), DefinitionRules.checkCarriedItems(v1, v1));
    }
}
