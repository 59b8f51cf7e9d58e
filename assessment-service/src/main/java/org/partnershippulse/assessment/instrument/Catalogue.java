package org.partnershippulse.assessment.instrument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads instrument versions' content. Published versions never change, so they are kept in memory, parsed: every
 * answer a respondent saves or submits is checked against one, and reading the whole document from the database
 * each time was a measurable share of a submission's cost.
 */
@ApplicationScoped
public class Catalogue {

    @Inject
    ObjectMapper mapper;

    private final Map<UUID, InstrumentDefinition> published = new ConcurrentHashMap<>();
    private final Map<String, PublishedInstrument> publishedByKeyAndNumber = new ConcurrentHashMap<>();

    public InstrumentDefinition definition(InstrumentVersion version) {
        if (version.isPublished()) {
            return published.computeIfAbsent(version.id, id -> parse(version.content));
        }
        return parse(version.content);
    }

    /** A published version, with its definition. */
    public Optional<PublishedInstrument> published(String key, int number) {
        PublishedInstrument known = publishedByKeyAndNumber.get(key + "@" + number);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<PublishedInstrument> found = InstrumentVersion.find(key, number).filter(InstrumentVersion::isPublished)
                .map(v -> new PublishedInstrument(v.instrumentKey, v.number, definition(v)));
        found.ifPresent(p -> publishedByKeyAndNumber.put(key + "@" + number, p));
        return found;
    }

    public String write(InstrumentDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Instrument definition cannot be serialised", e);
        }
    }

    private InstrumentDefinition parse(String content) {
        try {
            return mapper.readValue(content, InstrumentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored instrument content is unreadable", e);
        }
    }

    public record PublishedInstrument(String key, int version, InstrumentDefinition definition) {
    }
}
