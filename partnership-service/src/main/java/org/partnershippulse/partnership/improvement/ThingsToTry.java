package org.partnershippulse.partnership.improvement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue a goal may adopt a suggestion from, read from the seeds themselves (the build copies WestEd's
 * instrument and BCR's guidelines into {@code catalogue/}): WestEd's Things to try, keyed
 * {@code wested/<condition>/<start-here|go-deeper>/<n>} (n counts from 1 within the condition and level, in the
 * seed's order), and BCR's cross-sector guidelines, keyed {@code bcr/<guideline>}. Texts are kept word for word.
 */
@ApplicationScoped
public class ThingsToTry {

    public static final String WESTED = "WESTED_THINGS_TO_TRY";
    public static final String BCR = "BCR_GUIDELINE";

    /** One suggestion: texts per language (BCR's guidelines are in English only). */
    public record Suggestion(String key, String source, String section, String level, String title, Map<String, String> text,
            List<String> sections) {
    }

    private final Map<String, Suggestion> byKey;

    public ThingsToTry() {
        this(new ObjectMapper());
    }

    ThingsToTry(ObjectMapper mapper) {
        Map<String, Suggestion> all = new LinkedHashMap<>();
        JsonNode wested = read(mapper, "catalogue/wested-essential-conditions.json");
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        wested.path("sections").forEach(s -> sectionTitles.put(s.path("key").asText(), s.path("title").path("en").asText()));
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (JsonNode r : wested.path("recommendations")) {
            String section = r.path("section").asText();
            String level = r.path("level").asText();
            int n = counters.merge(section + "/" + level, 1, Integer::sum);
            String key = "wested/" + section + "/" + level.toLowerCase(Locale.ROOT).replace('_', '-') + "/" + n;
            Map<String, String> text = new LinkedHashMap<>();
            r.path("text").fields().forEachRemaining(e -> text.put(e.getKey(), e.getValue().asText()));
            all.put(key, new Suggestion(key, WESTED, section, level, sectionTitles.getOrDefault(section, section), text,
                    List.of(section)));
        }
        for (JsonNode g : read(mapper, "catalogue/bcr-guidelines.json")) {
            String key = "bcr/" + g.path("key").asText();
            List<String> elements = new ArrayList<>();
            g.path("elements").forEach(e -> elements.add(e.asText()));
            all.put(key, new Suggestion(key, BCR, null, null, g.path("title").asText(), Map.of("en", g.path("text").asText()),
                    List.copyOf(elements)));
        }
        this.byKey = Collections.unmodifiableMap(all);
    }

    public Optional<Suggestion> find(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    public List<Suggestion> all() {
        return List.copyOf(byKey.values());
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ThingsToTry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing catalogue " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
