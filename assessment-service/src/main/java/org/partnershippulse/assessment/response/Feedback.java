package org.partnershippulse.assessment.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Item;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Option;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Recommendation.Level;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Scale;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.ScaleType;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Section;
import org.partnershippulse.assessment.instrument.LocalizedInstrument;

/**
 * A respondent's own results, at once on submission: per section the mean of their ordinal ratings, the items they
 * rated lowest (for the Partnership Assessment Inventory: those rated "Needs Immediate Attention"), and the
 * instrument's recommendations for the sections they rated lowest (for the Essential Conditions: the "Things to
 * try", Start here when the condition is pending or emerging, Go deeper when it is being implemented).
 *
 * <p>Ratings are compared on a 0..1 position within their scale, so instruments with several scales still rank.
 * Nothing is "lowest" when everything is rated at the top of its scale.
 */
public final class Feedback {

    private Feedback() {
    }

    @Schema(name = "OwnResults", description = "The respondent's own results and what to try next")
    public record Results(List<SectionResult> sections, List<RatedItem> lowestRated, List<Suggestion> recommendations) {
    }

    @Schema(name = "OwnSectionResult")
    public record SectionResult(@Schema(example = "trust") String key, @Schema(example = "Trust") String title,
                                @Schema(description = "Items answered in the section", example = "5") int answered,
                                @Schema(nullable = true, description = "Mean score of the ordinal ratings; null when there are none", example = "2.4")
                                Double meanScore) {
    }

    @Schema(name = "OwnRatedItem")
    public record RatedItem(String itemKey, String sectionKey, String text, String value, String label) {
    }

    @Schema(name = "OwnRecommendation")
    public record Suggestion(String sectionKey, String sectionTitle, Level level, String text) {
    }

    public static Results of(InstrumentDefinition instrument, Map<String, Answer> answers, String language) {
        String lang = LocalizedInstrument.languageFor(instrument, language);
        List<SectionResult> sections = new ArrayList<>();
        List<Rated> rated = new ArrayList<>();
        List<SectionPosition> sectionPositions = new ArrayList<>();
        for (Section section : instrument.sections()) {
            int answered = 0;
            List<Rated> inSection = new ArrayList<>();
            for (Item item : section.items()) {
                Answer answer = answers.get(item.key());
                if (answer == null || !answer.isAnswered()) {
                    continue;
                }
                answered++;
                Scale scale = instrument.scale(item.scale()).orElseThrow();
                if (scale.type() == ScaleType.ORDINAL) {
                    option(scale, answer.value()).ifPresent(o -> inSection.add(new Rated(section, item, o, position(scale, o))));
                }
            }
            rated.addAll(inSection);
            Double mean = inSection.isEmpty() ? null
                    : round(inSection.stream().mapToInt(r -> r.option().score()).average().orElseThrow());
            sections.add(new SectionResult(section.key(), LocalizedInstrument.text(section.title(), lang), answered, mean));
            if (!inSection.isEmpty()) {
                sectionPositions.add(new SectionPosition(section, inSection.stream().mapToDouble(Rated::position).average().orElseThrow()));
            }
        }

        List<RatedItem> lowest = new ArrayList<>();
        double lowestItem = rated.stream().mapToDouble(Rated::position).min().orElse(1.0);
        if (lowestItem < 1.0) {
            rated.stream().filter(r -> r.position() == lowestItem).forEach(r -> lowest.add(new RatedItem(r.item().key(),
                    r.section().key(), LocalizedInstrument.text(r.item().text(), lang), r.option().value(),
                    LocalizedInstrument.text(r.option().label(), lang))));
        }

        List<Suggestion> suggestions = new ArrayList<>();
        double lowestSection = sectionPositions.stream().mapToDouble(SectionPosition::position).min().orElse(1.0);
        if (lowestSection < 1.0) {
            sectionPositions.stream().filter(s -> s.position() == lowestSection)
                    .sorted(Comparator.comparingInt(s -> instrument.sections().indexOf(s.section())))
                    .forEach(s -> {
                        Level level = s.position() < 0.5 ? Level.START_HERE : Level.GO_DEEPER;
                        instrument.recommendations().stream()
                                .filter(r -> r.section().equals(s.section().key()) && r.level() == level)
                                .forEach(r -> suggestions.add(new Suggestion(s.section().key(),
                                        LocalizedInstrument.text(s.section().title(), lang), level,
                                        LocalizedInstrument.text(r.text(), lang))));
                    });
        }
        return new Results(sections, lowest, suggestions);
    }

    private record Rated(Section section, Item item, Option option, double position) {
    }

    private record SectionPosition(Section section, double position) {
    }

    private static Optional<Option> option(Scale scale, String value) {
        return scale.options().stream().filter(o -> o.value().equals(value) && o.score() != null).findFirst();
    }

    /** Where a score sits on its scale: 0 at the lowest score, 1 at the highest. */
    private static double position(Scale scale, Option option) {
        int min = scale.options().stream().mapToInt(Option::score).min().orElseThrow();
        int max = scale.options().stream().mapToInt(Option::score).max().orElseThrow();
        return max == min ? 1.0 : (option.score() - min) / (double) (max - min);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
