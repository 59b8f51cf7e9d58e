package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a frontend team's generated client needs from an OpenAPI document, beyond matching the committed file:
 * each rule returns the places that break it (empty = kept), so a failing test names every one at once.
 */
public final class OpenApiDocumentRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocumentRules() {
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation has an operationId (the generated function's name), a summary and a description. */
    public static List<String> operationsWithoutIdSummaryOrDescription(JsonNode doc) {
        List<String> out = new ArrayList<>();
        operations(doc, (where, op) -> {
            for (String field : List.of("operationId", "summary", "description")) {
                if (op.path(field).asText("").isBlank()) {
                    out.add(where + " has no " + field);
                }
            }
        });
        return out;
    }

    /**
     * Every 2xx response but 204 has content (204 has none); a JSON body is a named schema (a {@code $ref}, or an array
     * of one), so the generated type has a stable name; other media types (CSV, HTML, event streams) a non-empty one.
     */
    public static List<String> successResponsesWithoutSchema(JsonNode doc) {
        List<String> out = new ArrayList<>();
        operations(doc, (where, op) -> op.path("responses").properties().forEach(response -> {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.equals("204")) {
                if (!content.isMissingNode()) {
                    out.add(where + " declares content on 204");
                }
                return;
            }
            if (!status.startsWith("2")) {
                return;
            }
            if (content.isEmpty()) {
                out.add(where + " " + status + " has no content");
            }
            content.properties().forEach(media -> {
                JsonNode schema = media.getValue().path("schema");
                JsonNode named = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
                if (schema.isMissingNode() || schema.isEmpty()) {
                    out.add(where + " " + status + " " + media.getKey() + " has an empty schema");
                } else if (media.getKey().contains("json") && !named.hasNonNull("$ref")) {
                    out.add(where + " " + status + " " + media.getKey() + " has no named schema: " + schema);
                }
            });
        }));
        return out;
    }

    /** Generated names such as {@code PageView1} or {@code Sector2} say that two types clash on one name. */
    public static List<String> numberedSchemaNames(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (Character.isDigit(name.charAt(name.length() - 1))) {
                out.add(name);
            }
        });
        return out;
    }

    /** Each schema whose name ends in {@code Page} has exactly the properties of the service kit's page record. */
    public static List<String> pageSchemasUnlike(JsonNode doc, Class<? extends Record> page) {
        Set<String> expected = new TreeSet<>(Arrays.stream(page.getRecordComponents()).map(c -> c.getName()).toList());
        List<String> out = new ArrayList<>();
        doc.path("components").path("schemas").properties().forEach(schema -> {
            if (schema.getKey().endsWith("Page")) {
                Set<String> actual = new TreeSet<>();
                schema.getValue().path("properties").fieldNames().forEachRemaining(actual::add);
                if (!actual.equals(expected)) {
                    out.add(schema.getKey() + " has " + actual + ", " + page.getSimpleName() + " has " + expected);
                }
            }
        });
        return out;
    }

    /** operationIds must be unique in the document and across the three services: one client may bundle them all. */
    public static List<String> operationIdsUsedByOtherServices(JsonNode doc, String service) {
        Set<String> mine = new TreeSet<>();
        List<String> out = new ArrayList<>();
        operations(doc, (where, op) -> {
            if (op.hasNonNull("operationId") && !mine.add(op.get("operationId").asText())) {
                out.add(op.get("operationId").asText() + " is also " + where);
            }
        });
        try (Stream<Path> files = Files.list(Contracts.root().resolve("openapi"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals(service + ".json")).toList()) {
                operations(JSON.readTree(file.toFile()), (where, op) -> {
                    if (mine.contains(op.path("operationId").asText())) {
                        out.add(op.get("operationId").asText() + " is also " + where + " in " + file.getFileName());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void operations(JsonNode doc, java.util.function.BiConsumer<String, JsonNode> visitor) {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    visitor.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }
}
