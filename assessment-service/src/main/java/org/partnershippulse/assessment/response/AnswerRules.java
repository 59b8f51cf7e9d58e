package org.partnershippulse.assessment.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Item;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Option;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Scale;
import org.partnershippulse.kit.problem.Problem.Violation;

/**
 * Answers against an instrument: a draft may be partial, but every answer it holds must be an item of the
 * instrument with a value on that item's scale; a submission also needs every required item. Violations name the
 * field as {@code answers.<item key>}.
 */
public final class AnswerRules {

    public static final int MAX_TEXT = 5000;

    private AnswerRules() {
    }

    /** The answers worth keeping: unanswered entries (no value, no note) are dropped. */
    public static Map<String, Answer> normalise(Map<String, Answer> answers) {
        Map<String, Answer> out = new LinkedHashMap<>();
        answers.forEach((key, answer) -> {
            if (answer != null && (answer.isAnswered() || answer.note() != null && !answer.note().isBlank())) {
                out.put(key, new Answer(answer.isAnswered() ? answer.value().trim() : null,
                        answer.note() == null || answer.note().isBlank() ? null : answer.note().trim()));
            }
        });
        return out;
    }

    public static List<Violation> check(InstrumentDefinition instrument, Map<String, Answer> answers) {
        List<Violation> out = new ArrayList<>();
        answers.forEach((key, answer) -> {
            String field = "answers." + key;
            Item item = instrument.item(key).orElse(null);
            if (item == null) {
                out.add(new Violation(field, "is not an item of this instrument"));
                return;
            }
            if (answer.note() != null && !item.noteAllowed()) {
                out.add(new Violation(field + ".note", "this item takes no note"));
            }
            if (answer.isAnswered()) {
                Scale scale = instrument.scale(item.scale()).orElseThrow();
                valueOnScale(scale, answer.value()).ifPresent(message -> out.add(new Violation(field, message)));
            }
        });
        return out;
    }

    /** @return the required items without a value, each as a violation */
    public static List<Violation> missingRequired(InstrumentDefinition instrument, Map<String, Answer> answers) {
        List<Violation> out = new ArrayList<>();
        for (Item item : instrument.items()) {
            Answer answer = answers.get(item.key());
            if (item.required() && (answer == null || !answer.isAnswered())) {
                out.add(new Violation("answers." + item.key(), "is required to submit"));
            }
        }
        return out;
    }

    private static java.util.Optional<String> valueOnScale(Scale scale, String value) {
        return switch (scale.type()) {
            case ORDINAL, CATEGORICAL -> scale.options().stream().anyMatch(o -> o.value().equals(value))
                    ? java.util.Optional.empty()
                    : java.util.Optional.of("must be one of " + scale.options().stream().map(Option::value).toList());
            case NUMERIC -> numeric(scale, value);
            case FREE_TEXT -> value.length() > MAX_TEXT
                    ? java.util.Optional.of("must be at most " + MAX_TEXT + " characters")
                    : java.util.Optional.empty();
        };
    }

    private static java.util.Optional<String> numeric(Scale scale, String value) {
        String range = "must be a number from " + scale.min().toPlainString() + " to " + scale.max().toPlainString();
        try {
            BigDecimal number = new BigDecimal(value);
            return number.compareTo(scale.min()) < 0 || number.compareTo(scale.max()) > 0
                    ? java.util.Optional.of(range) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.of(range);
        }
    }
}
