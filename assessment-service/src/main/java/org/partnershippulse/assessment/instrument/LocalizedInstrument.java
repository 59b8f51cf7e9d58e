package org.partnershippulse.assessment.instrument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Kind;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Recommendation.Level;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.ScaleType;

/** An instrument version as a respondent reads it: every text in one language, English where no translation exists. */
@Schema(name = "Instrument", description = "An instrument version in one language (English where a text has no translation)")
public record LocalizedInstrument(
        @Schema(example = "bcr-partnership-assessment-inventory") String key,
        @Schema(description = "The instrument version number", example = "1") int version,
        VersionStatus status,
        Kind kind,
        @Schema(nullable = true, description = "RELATIONSHIP: answered once per other member organisation; null: answered once (ITEMS)")
        InstrumentDefinition.Type type,
        @Schema(description = "The language the texts are in", example = "es") String language,
        @Schema(example = "Inventario de evaluación de la alianza") String title,
        @Schema(nullable = true) String description,
        @Schema(nullable = true, description = "Where the instrument comes from") String source,
        @Schema(example = "[\"en\", \"es\"]") List<String> languages,
        List<LScale> scales,
        List<LSection> sections,
        List<LRecommendation> recommendations,
        List<LDiscussionQuestion> discussionQuestions,
        @Schema(nullable = true, description = "When it was published; null for a draft") Instant publishedAt,
        @Schema(description = "Concurrency token of the draft, also sent as ETag", example = "0") long revision) {

    @Schema(name = "InstrumentScaleInLanguage")
    public record LScale(String key, ScaleType type, @Schema(description = "Empty for NUMERIC and FREE_TEXT scales") List<LOption> options,
                         @Schema(nullable = true, description = "NUMERIC: lowest allowed value") BigDecimal min,
                         @Schema(nullable = true, description = "NUMERIC: highest allowed value") BigDecimal max) {
    }

    @Schema(name = "InstrumentScaleOptionInLanguage")
    public record LOption(@Schema(example = "NEEDS_IMMEDIATE_ATTENTION") String value,
                          @Schema(nullable = true, description = "ORDINAL: the rank, higher is better", example = "1") Integer score,
                          @Schema(example = "Needs Immediate Attention") String label, @Schema(nullable = true) String description) {
    }

    @Schema(name = "InstrumentSectionInLanguage")
    public record LSection(@Schema(example = "trust") String key, @Schema(example = "Trust") String title,
                           @Schema(nullable = true) String description, List<LItem> items) {
    }

    @Schema(name = "InstrumentItemInLanguage")
    public record LItem(@Schema(example = "trust-partnership-norms") String key, String text,
                        @Schema(example = "pai-status") String scale, boolean required, boolean noteAllowed,
                        List<LItemOption> options) {
    }

    @Schema(name = "InstrumentItemOptionInLanguage")
    public record LItemOption(String value, String description) {
    }

    @Schema(name = "InstrumentRecommendationInLanguage")
    public record LRecommendation(String section, Level level, String text) {
    }

    @Schema(name = "InstrumentDiscussionQuestionInLanguage")
    public record LDiscussionQuestion(String key, String text) {
    }

    /** The language actually served: the requested one if the instrument has it, else English. */
    public static String languageFor(InstrumentDefinition d, String requested) {
        return requested != null && d.languages().contains(requested) ? requested : DefinitionRules.DEFAULT_LANGUAGE;
    }

    public static String text(Map<String, String> text, String language) {
        if (text == null) {
            return null;
        }
        String translated = text.get(language);
        return translated == null || translated.isBlank() ? text.get(DefinitionRules.DEFAULT_LANGUAGE) : translated;
    }

    public static LocalizedInstrument of(InstrumentDefinition d, int version, VersionStatus status, Instant publishedAt,
                                         long revision, String requestedLanguage) {
        String lang = languageFor(d, requestedLanguage);
        List<LScale> scales = d.scales().stream().map(s -> new LScale(s.key(), s.type(),
                s.options() == null ? List.of() : s.options().stream()
                        .map(o -> new LOption(o.value(), o.score(), text(o.label(), lang), text(o.description(), lang)))
                        .toList(), s.min(), s.max())).toList();
        List<LSection> sections = d.sections().stream().map(s -> new LSection(s.key(), text(s.title(), lang),
                text(s.description(), lang), s.items().stream().map(i -> new LItem(i.key(), text(i.text(), lang),
                        i.scale(), i.required(), i.noteAllowed(), i.options() == null ? List.of() : i.options().stream()
                        .map(o -> new LItemOption(o.value(), text(o.description(), lang))).toList())).toList())).toList();
        return new LocalizedInstrument(d.key(), version, status, d.kind(), d.type(), lang, text(d.title(), lang),
                text(d.description(), lang), d.source(), d.languages(), scales, sections,
                d.recommendations().stream().map(r -> new LRecommendation(r.section(), r.level(), text(r.text(), lang))).toList(),
                d.discussionQuestions().stream().map(q -> new LDiscussionQuestion(q.key(), text(q.text(), lang))).toList(),
                publishedAt, revision);
    }
}
