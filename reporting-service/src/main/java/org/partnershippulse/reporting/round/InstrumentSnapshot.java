package org.partnershippulse.reporting.round;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The instrument as the round event carried it (the {@code instrument} object of round.opened/closed/reopened):
 * scales with their options and scores, sections with items, recommendations and discussion questions. Texts are
 * maps from language code to text; {@code en} is always present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstrumentSnapshot(String key, String kind, Map<String, String> title, List<Scale> scales,
                                 List<Section> sections, List<Recommendation> recommendations,
                                 List<DiscussionQuestion> discussionQuestions) {

    public static final String ORDINAL = "ORDINAL";
    public static final String CATEGORICAL = "CATEGORICAL";
    public static final String NUMERIC = "NUMERIC";
    public static final String FREE_TEXT = "FREE_TEXT";

    public InstrumentSnapshot {
        scales = scales == null ? List.of() : scales;
        sections = sections == null ? List.of() : sections;
        recommendations = recommendations == null ? List.of() : recommendations;
        discussionQuestions = discussionQuestions == null ? List.of() : discussionQuestions;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scale(String key, String type, List<Option> options, Double min, Double max) {
        public Scale {
            options = options == null ? List.of() : options;
        }

        public boolean rated() {
            return ORDINAL.equals(type) || CATEGORICAL.equals(type);
        }

        /** Options that carry a score, in increasing score order. */
        public List<Option> byScore() {
            return options.stream().filter(o -> o.score() != null)
                    .sorted(java.util.Comparator.comparingInt(Option::score)).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String value, Integer score, Map<String, String> label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String key, Map<String, String> title, List<Item> items) {
        public Section {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String key, Map<String, String> text, String scale) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendation(String section, String level, Map<String, String> text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DiscussionQuestion(String key, Map<String, String> text) {
    }

    public Optional<Scale> scale(String key) {
        return scales.stream().filter(s -> Objects.equals(s.key(), key)).findFirst();
    }

    /** The text in the language asked for, else English, else any. */
    public static String text(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.get(language);
        return text != null ? text : texts.getOrDefault("en", texts.values().iterator().next());
    }
}
