package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.partnershippulse.system.badinput.ApiDocument.Operation;
import org.partnershippulse.system.badinput.ApiDocument.Parameter;
import org.partnershippulse.system.badinput.BadRequest.Fault;

/**
 * Generates, from an operation's schema and one valid request for it, the requests that must all be refused:
 * malformed JSON, the wrong shape, each property with each wrong type, unknown enum values, numbers out of range,
 * too long strings and arrays, blank or non-matching text, missing and null required properties, an unknown
 * property, an oversized body, the wrong media type, and malformed path, query and If-Match values.
 */
final class BadRequests {

    /** Above the services' 512 KiB limit (HTTP_MAX_BODY_SIZE). */
    static final int OVERSIZED_BYTES = 600 * 1024;

    /** Nested objects deeper than this are not walked into (the instrument definition nests five levels). */
    private static final int MAX_DEPTH = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NOT_AN_ENUM_VALUE = "NOT_A_KNOWN_VALUE";

    /** The valid request every bad one starts from. */
    record ValidRequest(String user, Map<String, String> pathValues, Map<String, String> query,
                        Map<String, String> headers, JsonNode body) {
    }

    /** A wrong value and what makes it wrong. */
    private record Wrong(String what, JsonNode value) {
    }

    private final Operation operation;
    private final ValidRequest valid;
    private final List<BadRequest> out = new ArrayList<>();

    private BadRequests(Operation operation, ValidRequest valid) {
        this.operation = operation;
        this.valid = valid;
    }

    static List<BadRequest> of(Operation operation, ValidRequest valid) {
        BadRequests generator = new BadRequests(operation, valid);
        generator.parameters();
        if (operation.bodySchema() != null) {
            generator.wholeBody();
            generator.properties(operation.bodySchema(), valid.body(), List.of(), 0);
        }
        return generator.out;
    }

    // ------------------------------------------------------------------------------------------ parameters

    private void parameters() {
        for (Parameter p : operation.parameters()) {
            switch (p.in()) {
                case "path" -> {
                    for (String bad : badPathValues(p)) {
                        Map<String, String> values = new LinkedHashMap<>(valid.pathValues());
                        values.put(p.name(), bad);
                        add(p.name() + " = " + bad, path(values), valid.query(), valid.headers(), validBody(),
                                Fault.PATH_PARAMETER, p.name());
                    }
                }
                case "query" -> {
                    for (String bad : badQueryValues(p)) {
                        Map<String, String> query = new LinkedHashMap<>(valid.query());
                        query.put(p.name(), bad);
                        add(p.name() + " = " + abbreviate(bad), path(valid.pathValues()), query, valid.headers(),
                                validBody(), Fault.QUERY_PARAMETER, p.name());
                    }
                    if ("page".equals(p.name())) {
                        // page * size past int: the offset overflowed into a 500 (issue 12)
                        Map<String, String> query = new LinkedHashMap<>(valid.query());
                        query.put("page", "21474837");
                        query.put("size", "100");
                        add("page = 21474837 with size = 100", path(valid.pathValues()), query, valid.headers(),
                                validBody(), Fault.QUERY_PARAMETER, p.name());
                    }
                    if (p.required()) {
                        Map<String, String> query = new LinkedHashMap<>(valid.query());
                        query.remove(p.name());
                        add(p.name() + " missing", path(valid.pathValues()), query, valid.headers(), validBody(),
                                Fault.QUERY_PARAMETER, p.name());
                    }
                }
                case "header" -> {
                    if (!"If-Match".equalsIgnoreCase(p.name())) {
                        continue;
                    }
                    for (String bad : List.of("not-a-version", "\"-1\"")) {
                        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
                        headers.put("If-Match", bad);
                        add("If-Match: " + bad, path(valid.pathValues()), valid.query(), headers, validBody(),
                                Fault.PRECONDITION, "If-Match");
                    }
                    if (p.required()) {
                        Map<String, String> headers = new LinkedHashMap<>(valid.headers());
                        headers.remove("If-Match");
                        add("If-Match missing", path(valid.pathValues()), valid.query(), headers, validBody(),
                                Fault.PRECONDITION, "If-Match");
                    }
                }
                default -> {
                }
            }
        }
    }

    private static List<String> badPathValues(Parameter p) {
        if (isUuid(p.name(), p.schema())) {
            return List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g");
        }
        if ("integer".equals(ValidValues.type(p.schema()))) {
            return List.of("not-a-number", "2147483648");
        }
        return List.of();
    }

    private static List<String> badQueryValues(Parameter p) {
        JsonNode schema = p.schema();
        List<String> bad = new ArrayList<>();
        if (schema.has("enum")) {
            bad.add(NOT_AN_ENUM_VALUE);
            return bad;
        }
        String type = ValidValues.type(schema);
        if (isUuid(p.name(), schema)) {
            bad.add("not-a-uuid");
        } else if ("date".equals(schema.path("format").asText())) {
            bad.add("not-a-date");
            bad.add("2026-02-30");
        } else if ("integer".equals(type)) {
            bad.add("not-a-number");
            bad.add("1.5");
            if (schema.has("minimum")) {
                bad.add(String.valueOf(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                bad.add(String.valueOf(schema.get("maximum").asLong() + 1));
            }
        } else if ("boolean".equals(type)) {
            bad.add("maybe");
        } else {
            String pattern = schema.path("pattern").asText(null);
            if (pattern != null && !Pattern.compile(pattern).matcher("!not matching!").find()) {
                bad.add("!not matching!");
            }
            if (schema.has("maxLength")) {
                bad.add("x".repeat(schema.get("maxLength").asInt() + 1));
            }
            bad.add("text with a NUL \u0000");
        }
        return bad;
    }

    /** Ids are UUIDs; some query parameters say so only by their name (partnershipId, organisationId). */
    private static boolean isUuid(String name, JsonNode schema) {
        return "uuid".equals(schema.path("format").asText()) || name.endsWith("Id") && "string".equals(ValidValues.type(schema))
                && !schema.has("enum");
    }

    // ------------------------------------------------------------------------------------------ whole body

    private void wholeBody() {
        String body = write(valid.body());
        String path = path(valid.pathValues());
        addBody("truncated JSON", path, "application/json", body.substring(0, body.length() / 2), Fault.BODY, null);
        addBody("not JSON at all", path, "application/json", "this is not JSON", Fault.BODY, null);
        addBody("empty body", path, "application/json", "", Fault.BODY, null);
        addBody("null body", path, "application/json", "null", Fault.BODY, null);
        if (valid.body().isObject()) {
            addBody("an array instead of the object", path, "application/json", "[" + body + "]", Fault.BODY, null);
            addBody("a number instead of the object", path, "application/json", "42", Fault.BODY, null);
            addBody("a string instead of the object", path, "application/json", "\"text\"", Fault.BODY, null);
            ObjectNode unknown = ((ObjectNode) valid.body().deepCopy()).put("unexpectedField", 1);
            addBody("an unknown property", path, "application/json", write(unknown), Fault.BODY_FIELD, "unexpectedField");
        }
        ObjectNode oversized = NODES.objectNode().put("padding", "x".repeat(OVERSIZED_BYTES));
        addBody("a body of " + OVERSIZED_BYTES / 1024 + " KiB", path, "application/json", write(oversized), Fault.SIZE, null);
        addBody("text/plain", path, "text/plain", body, Fault.MEDIA_TYPE, null);
        addBody("application/xml", path, "application/xml", "<request/>", Fault.MEDIA_TYPE, null);
    }

    // ------------------------------------------------------------------------------------------ properties

    private void properties(JsonNode schema, JsonNode node, List<Object> at, int depth) {
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (properties.isObject() && !properties.isEmpty()) {
            properties.fields().forEachRemaining(p -> property(p.getValue(), node == null ? null : node.get(p.getKey()),
                    append(at, p.getKey()), required.contains(p.getKey()), depth));
        } else if (schema.path("additionalProperties").isObject() && node != null && node.isObject() && !node.isEmpty()) {
            // a map (language to text, item key to answer): its first entry stands for all
            String key = node.fieldNames().next();
            property(schema.get("additionalProperties"), node.get(key), append(at, key), false, depth);
            if (!at.isEmpty()) {
                mapKeys(at, node.get(key));
            }
        }
    }

    /** Bytes of unknown map entries sent at once: thousands of keys, under the 512 KiB body limit. */
    private static final int MANY_KEYS_BYTES = 400 * 1024;

    /**
     * A key with a NUL (PostgreSQL cannot store it in jsonb), and thousands of unknown keys (19,000 answered a
     * 2.3 MB list of violations; the answer must stay small: the first violations and a count of the rest).
     */
    private void mapKeys(List<Object> at, JsonNode entry) {
        ObjectNode withNul = NODES.objectNode();
        withNul.set("key\u0000", entry.deepCopy());
        addField(at, "a NUL in a key", replaced(at, withNul));
        ObjectNode many = NODES.objectNode();
        int entryBytes = write(entry).length() + 10;
        for (int i = 0; i < MANY_KEYS_BYTES / entryBytes; i++) {
            many.set("k" + i, entry.deepCopy());
        }
        addField(at, many.size() + " unknown keys", replaced(at, many));
    }

    private void property(JsonNode schema, JsonNode value, List<Object> at, boolean required, int depth) {
        for (Wrong wrong : wrongValues(schema, value)) {
            addField(at, wrong.what(), replaced(at, wrong.value()));
        }
        if (required && value != null) {
            addField(at, "missing", replaced(at, null));
            addField(at, "null", replaced(at, NODES.nullNode()));
        }
        if (depth + 1 >= MAX_DEPTH || value == null) {
            return;
        }
        String type = ValidValues.type(schema);
        if ("object".equals(type) && value.isObject()) {
            properties(schema, value, at, depth + 1);
        } else if ("array".equals(type) && value.isArray() && !value.isEmpty()
                && "object".equals(ValidValues.type(schema.path("items")))) {
            properties(schema.path("items"), value.get(0), append(at, 0), depth + 1);
        }
    }

    private static List<Wrong> wrongValues(JsonNode schema, JsonNode valid) {
        List<Wrong> wrong = new ArrayList<>();
        String type = ValidValues.type(schema);
        switch (type) {
            case "string" -> {
                wrong.add(new Wrong("a number for a string", NODES.numberNode(123)));
                wrong.add(new Wrong("a boolean for a string", NODES.booleanNode(true)));
                wrong.add(new Wrong("an object for a string", NODES.objectNode()));
                wrong.add(new Wrong("an array for a string", NODES.arrayNode().add("text")));
                if (schema.has("enum")) {
                    wrong.add(new Wrong("an unknown enum value", NODES.textNode(NOT_AN_ENUM_VALUE)));
                    String first = schema.get("enum").get(0).asText();
                    if (!first.equals(first.toLowerCase())) { // an enum of lower-case codes (a language) has no wrong case to try
                        wrong.add(new Wrong("a lower-case enum value", NODES.textNode(first.toLowerCase())));
                    }
                }
                switch (schema.path("format").asText("")) {
                    case "uuid" -> wrong.add(new Wrong("not a UUID", NODES.textNode("not-a-uuid")));
                    case "date" -> {
                        wrong.add(new Wrong("not a date", NODES.textNode("not-a-date")));
                        wrong.add(new Wrong("an impossible date", NODES.textNode("2026-02-30")));
                    }
                    case "date-time" -> wrong.add(new Wrong("not a timestamp", NODES.textNode("not-a-timestamp")));
                    default -> {
                    }
                }
                if (schema.has("maxLength")) {
                    int max = schema.get("maxLength").asInt();
                    wrong.add(new Wrong("longer than " + max, NODES.textNode("x".repeat(max + 1))));
                }
                if (!schema.has("enum") && !schema.has("format")) {
                    String text = valid != null && valid.isTextual() ? valid.asText() : "text";
                    wrong.add(new Wrong("a NUL character", NODES.textNode(text + "\u0000")));
                    wrong.add(new Wrong("an escape character", NODES.textNode("\u001b[31m" + text)));
                }
                String pattern = schema.path("pattern").asText(null);
                if ("\\S".equals(pattern)) {
                    wrong.add(new Wrong("blank", NODES.textNode("   ")));
                } else if (pattern != null && !schema.path("format").asText("").equals("uuid")
                        && !Pattern.compile(pattern).matcher("!not matching!").find()) {
                    wrong.add(new Wrong("not matching " + pattern, NODES.textNode("!not matching!")));
                }
            }
            case "integer", "number" -> {
                wrong.add(new Wrong("a string for a number", NODES.textNode("not-a-number")));
                wrong.add(new Wrong("a boolean for a number", NODES.booleanNode(true)));
                wrong.add(new Wrong("an object for a number", NODES.objectNode()));
                if ("integer".equals(type)) {
                    wrong.add(new Wrong("a fraction for an integer", NODES.numberNode(1.5)));
                }
                if (schema.has("minimum")) {
                    wrong.add(new Wrong("below the minimum", NODES.numberNode(schema.get("minimum").asLong() - 1)));
                }
                if (schema.has("maximum")) {
                    wrong.add(new Wrong("above the maximum", NODES.numberNode(schema.get("maximum").asLong() + 1)));
                }
            }
            case "boolean" -> {
                wrong.add(new Wrong("a string for a boolean", NODES.textNode("not-a-boolean")));
                wrong.add(new Wrong("a number for a boolean", NODES.numberNode(1)));
                wrong.add(new Wrong("an object for a boolean", NODES.objectNode()));
            }
            case "array" -> {
                wrong.add(new Wrong("a string for an array", NODES.textNode("not-an-array")));
                wrong.add(new Wrong("a number for an array", NODES.numberNode(1)));
                wrong.add(new Wrong("an object for an array", NODES.objectNode()));
                JsonNode items = schema.path("items");
                List<Wrong> wrongItems = wrongValues(items, null);
                if (!wrongItems.isEmpty()) {
                    Wrong first = wrongItems.get(0);
                    wrong.add(new Wrong("an item with " + first.what(), NODES.arrayNode().add(first.value())));
                }
                if (items.has("enum")) {
                    wrong.add(new Wrong("an item with an unknown enum value", NODES.arrayNode().add(NOT_AN_ENUM_VALUE)));
                }
                if (schema.has("maxItems") && valid != null && valid.isArray() && !valid.isEmpty()) {
                    int max = schema.get("maxItems").asInt();
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= max; i++) {
                        tooMany.add(valid.get(0).deepCopy());
                    }
                    wrong.add(new Wrong("more than " + max + " items", tooMany));
                } else if (schema.has("maxItems") && items.path("type").asText().equals("string")) {
                    int max = schema.get("maxItems").asInt();
                    ArrayNode tooMany = NODES.arrayNode();
                    for (int i = 0; i <= max; i++) {
                        tooMany.add("item " + i);
                    }
                    wrong.add(new Wrong("more than " + max + " items", tooMany));
                }
                if (schema.path("minItems").asInt(0) > 0) {
                    wrong.add(new Wrong("fewer than " + schema.get("minItems").asInt() + " items", NODES.arrayNode()));
                }
            }
            case "object" -> {
                wrong.add(new Wrong("a string for an object", NODES.textNode("not-an-object")));
                wrong.add(new Wrong("a number for an object", NODES.numberNode(1)));
                wrong.add(new Wrong("an array for an object", NODES.arrayNode()));
            }
            default -> {
            }
        }
        return wrong;
    }

    // ------------------------------------------------------------------------------------------ building

    private JsonNode replaced(List<Object> at, JsonNode value) {
        JsonNode copy = valid.body().deepCopy();
        JsonNode parent = copy;
        for (Object step : at.subList(0, at.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = at.get(at.size() - 1);
        if (value == null) {
            if (last instanceof Integer i) {
                ((ArrayNode) parent).remove(i);
            } else {
                ((ObjectNode) parent).remove((String) last);
            }
        } else if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private void addField(List<Object> at, String what, JsonNode body) {
        String field = display(at);
        addBody(field + ": " + what, path(valid.pathValues()), "application/json", write(body), Fault.BODY_FIELD, field);
    }

    private void addBody(String what, String path, String contentType, String body, Fault fault, String field) {
        add(what, path, valid.query(), valid.headers(), new Body(contentType, body), fault, field);
    }

    private record Body(String contentType, String text) {
    }

    private Body validBody() {
        return valid.body() == null ? null : new Body("application/json", write(valid.body()));
    }

    private void add(String what, String path, Map<String, String> query, Map<String, String> headers, Body body,
                     Fault fault, String field) {
        Map<String, String> withAccept = new LinkedHashMap<>(headers);
        withAccept.put("Accept", String.join(", ", operation.produces()) + (operation.produces().isEmpty() ? "" : ", ")
                + "application/problem+json");
        out.add(new BadRequest(operation.toString(), what, valid.user(), operation.method(), path, query, withAccept,
                body == null ? null : body.contentType(), body == null ? null : body.text().getBytes(StandardCharsets.UTF_8),
                fault, field));
    }

    private String path(Map<String, String> values) {
        String path = operation.path();
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (path.contains("{")) {
            throw new IllegalStateException("no value for a path parameter of " + operation + ": " + path);
        }
        return path;
    }

    private static List<Object> append(List<Object> at, Object step) {
        List<Object> longer = new ArrayList<>(at);
        longer.add(step);
        return longer;
    }

    /** The path as the services name fields: {@code sections[0].items[0].key}. */
    static String display(List<Object> at) {
        StringBuilder out = new StringBuilder();
        for (Object step : at) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(step);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " characters)" : value;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
