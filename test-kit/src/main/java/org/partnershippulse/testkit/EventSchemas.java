package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates produced events against the committed JSON Schemas in {@code contracts/events/}: one schema per event
 * type, named after the CloudEvents {@code type}, describing the whole structured-mode event.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://partnershippulse.org/schemas/events/";
    /** Schemas are identified by their published URI and read from the committed files. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(iri -> iri.startsWith(BASE) ? read(Contracts.root().resolve("events").resolve(iri.substring(BASE.length()))) : null));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** @return the validation errors of this CloudEvent (the Kafka record value); empty when it is valid */
    public static List<String> errors(String cloudEventJson) {
        String type;
        try {
            JsonNode event = JSON.readTree(cloudEventJson);
            type = event.path("type").asText();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Path file = Contracts.eventSchema(type);
        if (!Files.exists(file)) {
            return List.of("no schema committed for event type '" + type + "' at " + file);
        }
        Schema schema = CACHE.computeIfAbsent(type, t -> REGISTRY.getSchema(SchemaLocation.of(BASE + type + ".json")));
        List<Error> errors = schema.validate(cloudEventJson, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    public static void assertValid(String cloudEventJson) {
        List<String> errors = errors(cloudEventJson);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event does not match its schema: " + errors + "\n" + cloudEventJson);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
