package org.partnershippulse.assessment.instrument;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The whole content of one instrument version, in every language it is written in: what administrators author and
 * what the round and instrument events carry as the snapshot. Texts are maps from language code to text; English is
 * always present. {@link DefinitionRules} checks what Bean Validation cannot (references, uniqueness, translations).
 */
@Schema(name = "InstrumentDefinition", description = "An instrument version's full content in all its languages")
public record InstrumentDefinition(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words joined by -")
        @Schema(description = "Stable key of the instrument", example = "bcr-partnership-assessment-inventory") String key,
        @NotNull @Schema(description = "GROUP: about the partnership; PERSONAL: results belong to the respondent") Kind kind,
        @NotNull @Schema(description = "Language code to text", example = "{\"en\": \"Partnership Assessment Inventory\", \"es\": \"Inventario de evaluación de la alianza\"}")
        Map<String, String> title,
        @Schema(nullable = true, description = "Language code to text") Map<String, String> description,
        @Size(max = 1000) @Schema(nullable = true, description = "Where the instrument comes from", example = "Building Community Resilience Toolkit Series, Volume III (2019), Tool 1")
        String source,
        @NotEmpty @Schema(description = "Languages the instrument is written in; always includes en", example = "[\"en\", \"es\"]")
        List<@NotBlank String> languages,
        @NotEmpty @Valid List<@NotNull Scale> scales,
        @NotEmpty @Valid List<@NotNull Section> sections,
        @Valid @Schema(description = "Recommendation content per section, offered for what a respondent rated lowest")
        List<@NotNull Recommendation> recommendations,
        @Valid @Schema(description = "Questions for the group discussion of the results")
        List<@NotNull DiscussionQuestion> discussionQuestions,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "ITEMS (default, also when absent): each respondent answers the items once. "
                + "RELATIONSHIP: each member organisation's designated respondent answers the items once per other member "
                + "organisation (a relationship round; see the README, \"Relationship rounds\")") Type type) {

    public enum Kind { GROUP, PERSONAL }

    /** How a respondent answers the items: once, or once per other member organisation. */
    @Schema(name = "InstrumentType")
    public enum Type { ITEMS, RELATIONSHIP }

    public enum ScaleType { ORDINAL, CATEGORICAL, NUMERIC, FREE_TEXT }

    @Schema(name = "InstrumentScale")
    public record Scale(
            @NotBlank @Size(max = 100) @Schema(example = "pai-status") String key,
            @NotNull ScaleType type,
            @Valid @Schema(nullable = true, description = "ORDINAL and CATEGORICAL: the choices, in display order") List<@NotNull Option> options,
            @Schema(nullable = true, description = "NUMERIC: lowest allowed value", example = "0") BigDecimal min,
            @Schema(nullable = true, description = "NUMERIC: highest allowed value", example = "10") BigDecimal max) {
    }

    @Schema(name = "InstrumentScaleOption")
    public record Option(
            @NotBlank @Size(max = 100) @Schema(description = "The value an answer sends", example = "NEEDS_IMMEDIATE_ATTENTION") String value,
            @Schema(nullable = true, description = "ORDINAL: the rank, higher is better", example = "1") Integer score,
            @NotNull @Schema(description = "Language code to text", example = "{\"en\": \"Needs Immediate Attention\"}") Map<String, String> label,
            @Schema(nullable = true, description = "Language code to text") Map<String, String> description) {
    }

    @Schema(name = "InstrumentSection")
    public record Section(
            @NotBlank @Size(max = 100) @Schema(example = "trust") String key,
            @NotNull @Schema(example = "{\"en\": \"Trust\", \"es\": \"Confianza\"}") Map<String, String> title,
            @Schema(nullable = true) Map<String, String> description,
            @NotEmpty @Valid List<@NotNull Item> items) {
    }

    @Schema(name = "InstrumentItem")
    public record Item(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words joined by -")
            @Schema(description = "Stable across versions: results stay comparable", example = "trust-partnership-norms") String key,
            @NotNull Map<String, String> text,
            @NotBlank @Schema(description = "Key of the scale the item is rated on", example = "pai-status") String scale,
            @Schema(description = "A submission needs a value for every required item") boolean required,
            @Schema(description = "Whether a respondent may add a note to the answer") boolean noteAllowed,
            @Valid @Schema(nullable = true, description = "Item-specific descriptions of the scale's options (e.g. APHSA rows)")
            List<@NotNull ItemOption> options) {
    }

    @Schema(name = "InstrumentItemOption")
    public record ItemOption(@NotBlank @Schema(example = "NETWORKING") String value,
                             @NotNull @Schema(example = "{\"en\": \"Individual\"}") Map<String, String> description) {
    }

    @Schema(name = "InstrumentRecommendation")
    public record Recommendation(
            @NotBlank @Schema(description = "Key of the section it helps with", example = "condition-1") String section,
            @NotNull @Schema(description = "START_HERE for the first steps, GO_DEEPER to strengthen") Level level,
            @NotNull Map<String, String> text) {

        public enum Level { START_HERE, GO_DEEPER }
    }

    @Schema(name = "InstrumentDiscussionQuestion")
    public record DiscussionQuestion(@NotBlank @Schema(example = "discussion-shared-view-of-strengths") String key,
                                     @NotNull Map<String, String> text) {
    }

    public InstrumentDefinition {
        recommendations = recommendations == null ? List.of() : recommendations;
        discussionQuestions = discussionQuestions == null ? List.of() : discussionQuestions;
    }

    /** Absent means ITEMS; kept absent rather than defaulted so that existing snapshots and events stay as they were. */
    @JsonIgnore
    public boolean isRelationship() {
        return type == Type.RELATIONSHIP;
    }

    /** @return the scale an item is rated on, if the definition has it */
    public java.util.Optional<Scale> scale(String key) {
        return scales.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public java.util.Optional<Item> item(String key) {
        return sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.key().equals(key)).findFirst();
    }

    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public InstrumentDefinition withKey(String newKey) {
        return new InstrumentDefinition(newKey, kind, title, description, source, languages, scales, sections,
                recommendations, discussionQuestions, type);
    }
}
