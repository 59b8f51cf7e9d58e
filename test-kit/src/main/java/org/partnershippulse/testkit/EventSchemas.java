package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Validates events against the committed JSON Schemas in {@code contracts/events/}: one schema per event type, named
 * after the CloudEvents {@code type}, describing the whole structured-mode event.
 * <p>
 * Two readings of the same files (README, "Event compatibility"): the schemas as published are open (a subscriber
 * validating with them accepts properties added later), so {@link #subscriberErrors} reads them as they are; our own
 * producers must not emit anything undocumented, so {@link #errors} and {@link #assertValid} read a strict copy in
 * which every object schema that declares {@code properties} also says {@code unevaluatedProperties: false}.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://partnershippulse.org/schemas/events/";
    /** Schemas are identified by their published URI and read from the committed files. */
    private static final SchemaRegistry PUBLISHED = registry(UnaryOperator.identity());
    private static final SchemaRegistry STRICT = registry(EventSchemas::strict);
    private static final Map<String, Schema> PUBLISHED_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Schema> STRICT_CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /**
     * What a producer test asks: does this CloudEvent (the Kafka record value) match its schema, declaring every
     * property it carries?
     *
     * @return the validation errors; empty when it is valid
     */
    public static List<String> errors(String cloudEventJson) {
        return validate(cloudEventJson, STRICT, STRICT_CACHE);
    }

    /**
     * What a subscriber validating with the published schema sees: properties the schema does not know are accepted.
     *
     * @return the validation errors; empty when it is valid
     */
    public static List<String> subscriberErrors(String cloudEventJson) {
        return validate(cloudEventJson, PUBLISHED, PUBLISHED_CACHE);
    }

    /** Strict (producer) validation: fails on any schema error, undeclared properties included. */
    public static void assertValid(String cloudEventJson) {
        List<String> errors = errors(cloudEventJson);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event does not match its schema: " + errors + "\n" + cloudEventJson);
        }
    }

    private static List<String> validate(String cloudEventJson, SchemaRegistry registry, Map<String, Schema> cache) {
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
        Schema schema = cache.computeIfAbsent(type, t -> registry.getSchema(SchemaLocation.of(BASE + type + ".json")));
        List<Error> errors = schema.validate(cloudEventJson, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    private static SchemaRegistry registry(UnaryOperator<String> transform) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(iri -> {
            if (!iri.startsWith(BASE)) {
                return null;
            }
            String text = read(Contracts.root().resolve("events").resolve(iri.substring(BASE.length())));
            return text == null ? null : transform.apply(text);
        }));
    }

    /**
     * The strict copy of a schema. {@code unevaluatedProperties} (not {@code additionalProperties}) because an event
     * schema declares some of its properties through {@code allOf} (the CloudEvents envelope), which only it sees.
     * Objects that say what their other properties are ({@code additionalProperties}, {@code patternProperties},
     * e.g. the language maps) are left as they are.
     */
    static String strict(String schemaJson) {
        try {
            JsonNode schema = JSON.readTree(schemaJson);
            close(schema);
            return JSON.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties") && !node.has("patternProperties")
                && !node.has("unevaluatedProperties")) {
            node.put("unevaluatedProperties", false);
        }
        for (String keyword : List.of("properties", "$defs", "definitions", "dependentSchemas")) {
            node.path(keyword).forEach(EventSchemas::close);
        }
        for (String keyword : List.of("items", "additionalProperties", "not", "if", "then", "else", "contains")) {
            close(node.get(keyword));
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            if (node.get(keyword) instanceof ArrayNode list) {
                list.forEach(EventSchemas::close);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
