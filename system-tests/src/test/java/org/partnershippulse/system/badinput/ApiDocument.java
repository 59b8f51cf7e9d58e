package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A service's committed OpenAPI document (contracts/openapi/&lt;service&gt;.json), read as the clients read it:
 * its operations, their parameters and the schema of their JSON body, with every {@code $ref} resolved.
 */
final class ApiDocument {

    /** One parameter of an operation; {@code in} is path, query or header. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation; {@code bodySchema} is null when it takes no JSON body; {@code produces} are the media types of
     * its successful answers (what a client accepts).
     */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, List<String> produces) {

        boolean takesInput() {
            return bodySchema != null || !parameters.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    static ApiDocument read(Path file) {
        try {
            return new ApiDocument(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"))));
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json").get("schema");
                List<String> produces = new ArrayList<>();
                operation.path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("2")) {
                        r.getValue().path("content").fieldNames().forEachRemaining(produces::add);
                    }
                });
                operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters,
                        body == null ? null : resolve(body), produces));
            }
        }
        return operations;
    }

    /**
     * The schema with its {@code $ref}s replaced by what they point at, recursively. Keywords next to a
     * {@code $ref} (examples, maxLength...) are kept and win over the referenced schema's.
     */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        if (depth > 12) {
            throw new IllegalStateException("schema nests deeper than 12 levels: a recursive $ref?");
        }
        ObjectNode out = JSON.createObjectNode();
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref);
            }
            out.setAll((ObjectNode) resolve(target, depth + 1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "$ref" -> {
                }
                case "properties" -> {
                    ObjectNode properties = JSON.createObjectNode();
                    field.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), resolve(p.getValue(), depth + 1)));
                    out.set("properties", properties);
                }
                case "items", "additionalProperties" -> out.set(field.getKey(), resolve(field.getValue(), depth + 1));
                default -> out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
