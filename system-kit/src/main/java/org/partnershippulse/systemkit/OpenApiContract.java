package org.partnershippulse.systemkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One committed OpenAPI 3.1 document, as a client's contract: finds the operation a request addressed (method and
 * path template) and says whether an answer is what the document declares for it: a declared status (or
 * {@code default}), a declared media type, and a body valid against the declared schema. Schemas are validated with
 * networknt's json-schema-validator in its OpenAPI 3.1 dialect (JSON Schema 2020-12), against the whole document,
 * so {@code $ref: #/components/schemas/...} resolves as a generated client resolves it.
 */
public final class OpenApiContract {

    /** How an answer can differ from the document. */
    public enum Kind {
        UNKNOWN_OPERATION("no operation in the document matches method and path"),
        UNDECLARED_STATUS("status not declared (nor a range or default)"),
        UNDECLARED_MEDIA_TYPE("Content-Type not declared for this status"),
        MISSING_BODY("empty body where the status declares content"),
        UNDECLARED_BODY("a body where the status declares no content"),
        UNTYPED_SCHEMA("declared JSON content has no schema (or {})"),
        NOT_JSON("body declared JSON is not JSON"),
        SCHEMA("body does not validate against the declared schema");

        public final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }
    }

    /** One difference; {@code operation} is "METHOD /template" (or the concrete path when none matched). */
    public record Mismatch(String operation, int status, Kind kind, String detail, List<String> errors) {
        @Override
        public String toString() {
            return operation + " -> " + status + ": " + kind + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + (errors.isEmpty() ? "" : " " + errors);
        }
    }

    private record Template(String method, String path, Pattern pattern, int literals) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final String uri;
    private final JsonNode root;
    private final List<Template> templates = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String name, String json) throws IOException {
        this.uri = "https://partnershippulse.org/contracts/openapi/" + name + ".json";
        this.root = JSON.readTree(json);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(uri, json)));
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    templates.add(template(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        // /partnerships/mine before /partnerships/{id}: the template with more literal segments wins
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** @param name the document's name (the service), used in its base URI; @param json the document */
    public static OpenApiContract parse(String name, String json) {
        try {
            return new OpenApiContract(name, json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document (" + name + "): " + e.getMessage(), e);
        }
    }

    /** The operation ("METHOD /template") a request addresses; the query string is ignored. */
    public Optional<String> operation(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return templates.stream()
                .filter(t -> t.method().equalsIgnoreCase(method) && t.pattern().matcher(bare).matches())
                .findFirst().map(t -> t.method() + " " + t.path());
    }

    /**
     * The differences between one answer and the document (empty when it conforms). {@code contentType} may be
     * null (no header); {@code body} null or empty = no body.
     */
    public List<Mismatch> check(String method, String path, int status, String contentType, String body) {
        Optional<String> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of(new Mismatch(method.toUpperCase(Locale.ROOT) + " " + path, status, Kind.UNKNOWN_OPERATION, "", List.of()));
        }
        String operation = found.get();
        String template = operation.substring(operation.indexOf(' ') + 1);
        String methodKey = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
        JsonNode responses = root.path("paths").path(template).path(methodKey).path("responses");
        String code = declaredCode(responses, status);
        if (code == null) {
            return List.of(mismatch(operation, status, Kind.UNDECLARED_STATUS, "declared: " + names(responses)));
        }
        JsonNode response = resolve(responses.get(code));
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            return hasBody
                    ? List.of(mismatch(operation, status, Kind.UNDECLARED_BODY, "Content-Type " + contentType))
                    : List.of();
        }
        if (contentType == null || contentType.isBlank()) {
            return List.of(mismatch(operation, status, hasBody ? Kind.UNDECLARED_MEDIA_TYPE : Kind.MISSING_BODY,
                    "no Content-Type, declared: " + names(content)));
        }
        String mediaType = declaredMediaType(content, contentType);
        if (mediaType == null) {
            return List.of(mismatch(operation, status, Kind.UNDECLARED_MEDIA_TYPE, bare(contentType) + ", declared: " + names(content)));
        }
        if (bare(contentType).equals("text/event-stream")) {
            return List.of(); // a live stream never ends: its media type is all a client checks up front
        }
        if (!hasBody) {
            return List.of(mismatch(operation, status, Kind.MISSING_BODY, "declared: " + mediaType));
        }
        if (!isJson(mediaType)) {
            return List.of(); // CSV, HTML: the media type is the contract
        }
        JsonNode schemaNode = content.path(mediaType).get("schema");
        if (schemaNode == null || schemaNode.isEmpty()) {
            return List.of(mismatch(operation, status, Kind.UNTYPED_SCHEMA, mediaType));
        }
        String pointer = "/paths/" + escape(template) + "/" + methodKey + "/responses/" + escape(code)
                + "/content/" + escape(mediaType) + "/schema";
        if (responses.get(code).has("$ref")) {
            pointer = responses.get(code).get("$ref").asText().substring(1) + "/content/" + escape(mediaType) + "/schema";
        }
        try {
            JSON.readTree(body);
        } catch (IOException e) {
            return List.of(mismatch(operation, status, Kind.NOT_JSON, e.getMessage().lines().findFirst().orElse("")));
        }
        List<Error> errors = schema(pointer).validate(body, InputFormat.JSON);
        if (errors.isEmpty()) {
            return List.of();
        }
        return List.of(new Mismatch(operation, status, Kind.SCHEMA, schemaName(schemaNode),
                errors.stream().map(Error::toString).distinct().toList()));
    }

    private Schema schema(String pointer) {
        // the fragment is a JSON pointer, percent-encoded where a URI needs it ({ } in path templates)
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(uri + "#" + encode(p))));
    }

    private static String declaredCode(JsonNode responses, int status) {
        String exact = String.valueOf(status);
        if (responses.has(exact)) {
            return exact;
        }
        String range = (status / 100) + "XX";
        for (Iterator<String> names = responses.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase(range)) {
                return name;
            }
        }
        return responses.has("default") ? "default" : null;
    }

    private static String declaredMediaType(JsonNode content, String contentType) {
        String actual = bare(contentType);
        String best = null;
        for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
            String declared = names.next();
            String d = bare(declared);
            if (d.equals(actual)) {
                return declared;
            }
            if (best == null && (d.equals("*/*") || (d.endsWith("/*") && actual.startsWith(d.substring(0, d.length() - 1))))) {
                best = declared;
            }
        }
        return best;
    }

    private JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            return root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static Mismatch mismatch(String operation, int status, Kind kind, String detail) {
        return new Mismatch(operation, status, kind, detail, List.of());
    }

    private static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.path("items").has("$ref")) {
            String items = schema.path("items").path("$ref").asText();
            return items.substring(items.lastIndexOf('/') + 1) + "[]";
        }
        return "inline schema";
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static boolean isJson(String mediaType) {
        String m = bare(mediaType);
        return m.equals("application/json") || m.endsWith("+json");
    }

    static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String encode(String pointer) {
        StringBuilder out = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "/~-._+".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static Template template(String method, String path) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(path);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(at, m.start()))).append("[^/]+");
            at = m.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        int literals = 0;
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.contains("{")) {
                literals++;
            }
        }
        return new Template(method, path, Pattern.compile(regex.toString()), literals);
    }
}
