package org.partnershippulse.assessment.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Item;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Option;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Scale;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.ScaleType;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Section;
import org.partnershippulse.kit.problem.Problem.Violation;

/**
 * What makes an instrument definition usable beyond its shape: English for every text and no language it does not
 * declare, unique keys, items on scales that exist, scales whose options fit their type. Each violation names the
 * JSON path of the offending field.
 */
public final class DefinitionRules {

    public static final String DEFAULT_LANGUAGE = "en";

    private DefinitionRules() {
    }

    public static List<Violation> check(InstrumentDefinition d) {
        List<Violation> out = new ArrayList<>();
        Set<String> languages = new HashSet<>(d.languages());
        if (!languages.contains(DEFAULT_LANGUAGE)) {
            out.add(new Violation("languages", "must include en"));
        }
        for (int i = 0; i < d.languages().size(); i++) {
            if (!d.languages().get(i).matches("^[a-z]{2}$")) {
                out.add(new Violation("languages[" + i + "]", "must be a two-letter language code"));
            }
        }
        text(out, "title", d.title(), languages, true);
        text(out, "description", d.description(), languages, false);

        Set<String> scaleKeys = new HashSet<>();
        for (int s = 0; s < d.scales().size(); s++) {
            Scale scale = d.scales().get(s);
            String path = "scales[" + s + "]";
            if (!scaleKeys.add(scale.key())) {
                out.add(new Violation(path + ".key", "is used by another scale"));
            }
            scale(out, path, scale, languages);
        }

        Set<String> sectionKeys = new HashSet<>();
        Set<String> itemKeys = new HashSet<>();
        for (int s = 0; s < d.sections().size(); s++) {
            Section section = d.sections().get(s);
            String path = "sections[" + s + "]";
            if (!sectionKeys.add(section.key())) {
                out.add(new Violation(path + ".key", "is used by another section"));
            }
            text(out, path + ".title", section.title(), languages, true);
            text(out, path + ".description", section.description(), languages, false);
            for (int i = 0; i < section.items().size(); i++) {
                Item item = section.items().get(i);
                String itemPath = path + ".items[" + i + "]";
                if (!itemKeys.add(item.key())) {
                    out.add(new Violation(itemPath + ".key", "is used by another item"));
                }
                text(out, itemPath + ".text", item.text(), languages, true);
                d.scale(item.scale()).ifPresentOrElse(scale -> itemOptions(out, itemPath, item, scale, languages),
                        () -> out.add(new Violation(itemPath + ".scale", "no scale has this key")));
            }
        }

        for (int r = 0; r < d.recommendations().size(); r++) {
            var rec = d.recommendations().get(r);
            if (!sectionKeys.contains(rec.section())) {
                out.add(new Violation("recommendations[" + r + "].section", "no section has this key"));
            }
            text(out, "recommendations[" + r + "].text", rec.text(), languages, true);
        }
        for (int q = 0; q < d.discussionQuestions().size(); q++) {
            text(out, "discussionQuestions[" + q + "].text", d.discussionQuestions().get(q).text(), languages, true);
        }
        if (d.isRelationship()) {
            relationship(out, d);
        }
        return out;
    }

    /**
     * Items carried into a new version keep their meaning only if they stay on the same kind of scale: a changed
     * scale type under the same key would make results incomparable across versions.
     */
    public static List<Violation> checkCarriedItems(InstrumentDefinition previous, InstrumentDefinition next) {
        List<Violation> out = new ArrayList<>();
        for (Item item : next.items()) {
            previous.item(item.key()).ifPresent(old -> {
                ScaleType before = previous.scale(old.scale()).map(Scale::type).orElse(null);
                ScaleType after = next.scale(item.scale()).map(Scale::type).orElse(null);
                if (before != null && after != null && before != after) {
                    out.add(new Violation("items." + item.key() + ".scale", "item keys carried from version "
                            + "to version keep their scale type (" + before + "); give a changed question a new key"));
                }
            });
        }
        return out;
    }

    /** The item a relationship instrument's reports find ties by: its lowest score means no relationship. */
    public static final String RELATIONSHIP_LEVEL = "relationship-level";

    /**
     * What reports need of a relationship instrument: the relationship level as an ordinal item whose lowest score, 0,
     * means no tie, and no free text (a comment about a named partner would be one person's words about it).
     */
    private static void relationship(List<Violation> out, InstrumentDefinition d) {
        Item level = d.item(RELATIONSHIP_LEVEL).orElse(null);
        if (level == null) {
            out.add(new Violation("sections", "a RELATIONSHIP instrument needs the item " + RELATIONSHIP_LEVEL));
        } else {
            Scale scale = d.scale(level.scale()).orElse(null);
            if (scale != null && (scale.type() != ScaleType.ORDINAL || scale.options() == null
                    || scale.options().stream().noneMatch(o -> Integer.valueOf(0).equals(o.score())))) {
                out.add(new Violation("items." + RELATIONSHIP_LEVEL + ".scale",
                        "must be ORDINAL with an option of score 0 for no relationship"));
            }
        }
        for (Item item : d.items()) {
            if (d.scale(item.scale()).map(s -> s.type() == ScaleType.FREE_TEXT).orElse(false)) {
                out.add(new Violation("items." + item.key() + ".scale", "a RELATIONSHIP instrument takes no free text"));
            }
            if (item.noteAllowed()) {
                out.add(new Violation("items." + item.key() + ".noteAllowed", "a RELATIONSHIP instrument takes no notes"));
            }
        }
    }

    private static void scale(List<Violation> out, String path, Scale scale, Set<String> languages) {
        List<Option> options = scale.options() == null ? List.of() : scale.options();
        switch (scale.type()) {
            case ORDINAL, CATEGORICAL -> {
                if (options.size() < 2) {
                    out.add(new Violation(path + ".options", "needs at least two options"));
                }
                Set<String> values = new HashSet<>();
                for (int o = 0; o < options.size(); o++) {
                    Option option = options.get(o);
                    String optionPath = path + ".options[" + o + "]";
                    if (!values.add(option.value())) {
                        out.add(new Violation(optionPath + ".value", "is used by another option"));
                    }
                    if (scale.type() == ScaleType.ORDINAL && option.score() == null) {
                        out.add(new Violation(optionPath + ".score", "is required on an ordinal scale"));
                    }
                    text(out, optionPath + ".label", option.label(), languages, true);
                    text(out, optionPath + ".description", option.description(), languages, false);
                }
            }
            case NUMERIC -> {
                if (!options.isEmpty()) {
                    out.add(new Violation(path + ".options", "a numeric scale has no options"));
                }
                if (scale.min() == null || scale.max() == null || scale.min().compareTo(scale.max()) >= 0) {
                    out.add(new Violation(path + ".max", "a numeric scale needs min below max"));
                }
            }
            case FREE_TEXT -> {
                if (!options.isEmpty()) {
                    out.add(new Violation(path + ".options", "a free-text scale has no options"));
                }
            }
        }
    }

    private static void itemOptions(List<Violation> out, String itemPath, Item item, Scale scale, Set<String> languages) {
        if (item.options() == null) {
            return;
        }
        Set<String> allowed = new HashSet<>();
        if (scale.options() != null) {
            scale.options().forEach(o -> allowed.add(o.value()));
        }
        for (int o = 0; o < item.options().size(); o++) {
            var option = item.options().get(o);
            if (!allowed.contains(option.value())) {
                out.add(new Violation(itemPath + ".options[" + o + "].value", "is not an option of scale " + scale.key()));
            }
            text(out, itemPath + ".options[" + o + "].description", option.description(), languages, true);
        }
    }

    private static void text(List<Violation> out, String path, Map<String, String> text, Set<String> languages,
                             boolean required) {
        if (text == null || text.isEmpty()) {
            if (required) {
                out.add(new Violation(path, "needs an English text (en)"));
            }
            return;
        }
        String en = text.get(DEFAULT_LANGUAGE);
        if (en == null || en.isBlank()) {
            out.add(new Violation(path + ".en", "must not be blank: English is always required"));
        }
        for (String language : text.keySet()) {
            if (!languages.contains(language)) {
                out.add(new Violation(path + "." + language, "is not one of the instrument's languages"));
            }
        }
    }
}
