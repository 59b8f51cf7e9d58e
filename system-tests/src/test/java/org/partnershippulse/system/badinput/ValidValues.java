package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds a valid instance of a schema, so that each bad request differs from an accepted one in exactly one
 * thing. Values come, in this order, from {@code known} (by property name: ids of real resources, a real
 * instrument...), the schema's first example, its default, its first enum value, or a plain value of its type
 * within its limits. Optional properties are left out unless one of the first four gives them a value.
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonNode> known;
    private final String unique;

    /**
     * @param known  values by property name, wherever the property appears
     * @param unique makes names and e-mails unique (they are unique keys: a duplicate would answer 409 and hide
     *               what the bad request is about)
     */
    ValidValues(Map<String, JsonNode> known, String unique) {
        this.known = known;
        this.unique = unique;
    }

    JsonNode of(JsonNode schema) {
        return of(null, schema);
    }

    JsonNode of(String name, JsonNode schema) {
        if (name != null && known.containsKey(name)) {
            return known.get(name).deepCopy();
        }
        if (name != null && "name".equals(name)) {
            return NODES.textNode(fit("Bad input " + unique, schema));
        }
        if (name != null && "email".equals(name)) {
            return NODES.textNode("bad-input-" + unique + "@example.org");
        }
        String type = type(schema);
        String format = schema.path("format").asText("");
        // dates: today, so that no rule about the past or the future of the partnership gets in the way
        if ("date".equals(format)) {
            return NODES.textNode(LocalDate.now(ZoneOffset.UTC).toString());
        }
        JsonNode example = example(schema);
        if (example != null && !"object".equals(type)) {
            return example.isTextual() ? NODES.textNode(fit(example.asText(), schema)) : example.deepCopy();
        }
        if (schema.has("default")) {
            return schema.get("default").deepCopy();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        return switch (type) {
            case "object" -> object(schema, example);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(of(schema.path("items")));
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(false);
            default -> "uuid".equals(format) ? NODES.textNode("00000000-0000-4000-8000-000000000000")
                    : NODES.textNode(fit("bad input " + unique, schema));
        };
    }

    private JsonNode object(JsonNode schema, JsonNode example) {
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            if (example != null) {
                return example.deepCopy();
            }
            ObjectNode map = NODES.objectNode();
            if (schema.path("additionalProperties").isObject()) {
                map.set("en", of(schema.get("additionalProperties")));
            }
            return map;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        ObjectNode object = NODES.objectNode();
        properties.fields().forEachRemaining(p -> {
            if (required.contains(p.getKey()) || hasOwnValue(p.getKey(), p.getValue())) {
                object.set(p.getKey(), of(p.getKey(), p.getValue()));
            }
        });
        return object;
    }

    private boolean hasOwnValue(String name, JsonNode schema) {
        return known.containsKey(name) || example(schema) != null || schema.has("default") || schema.has("enum");
    }

    static JsonNode example(JsonNode schema) {
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        return schema.get("example");
    }

    /** The schema's type; schemas without one (the paging parameters) are integers when they have bounds. */
    static String type(JsonNode schema) {
        if (schema.has("type") && schema.get("type").isArray()) {
            // OpenAPI 3.1 writes a nullable property as "type": ["string", "null"]: its type is the one that is not null
            for (JsonNode t : schema.get("type")) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("minimum") || schema.has("maximum")) {
            return "integer";
        }
        return "string";
    }

    private static String fit(String text, JsonNode schema) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }
}
