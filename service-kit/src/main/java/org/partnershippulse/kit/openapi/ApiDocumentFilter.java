// ETag on a response: @APIResponse(responseCode = "200", ..., headers = @Header(name = "ETag", ref = "ETag")) → #/components/headers/ETag
package org.partnershippulse.kit.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.partnershippulse.kit.problem.ProblemResponsesFilter;

/**
 * The rules every service's OpenAPI document follows, applied once here rather than annotated on every resource
 * (registered as {@code mp.openapi.filter}; runs at build time):
 * <ul>
 * <li>the problem responses ({@link ProblemResponsesFilter});</li>
 * <li>security: the Keycloak realm as an OAuth2 authorization-code scheme ({@value #SECURITY_SCHEME}), required by
 * every operation outside {@code /q/} — the services protect everything by configuration
 * ({@code quarkus.security.jaxrs.default-roles-allowed}), so there is no annotation for a scanner to see;</li>
 * <li>the reusable headers {@code ETag}, {@code Location}, {@code Retry-After} (resources declare the first two where
 * they set them; every 429/503 gets {@code Retry-After});</li>
 * <li>{@code required}: what a response carries is always there (Jackson writes nulls), so every property of a
 * schema reachable from a response is required unless it is nullable ({@code type: [x, "null"]}), except in schemas a
 * request can also contain, which keep bean validation's list.</li>
 * </ul>
 * Which operations lack an operationId is checked by test-kit's {@code OpenApiContractCheck}, not here.
 */
public class ApiDocumentFilter implements OASFilter {

    public static final String SECURITY_SCHEME = "keycloak";
    public static final String REALM_URL_KEY = "pulse.openapi.realm-url";
    static final String DEFAULT_REALM_URL = "http://127.0.0.1:8180/realms/partnership-pulse";
    static final String SCHEMAS = "#/components/schemas/";
    static final String HEADERS = "#/components/headers/";

    private final String realmUrl;

    public ApiDocumentFilter() {
        this(ConfigProvider.getConfig().getOptionalValue(REALM_URL_KEY, String.class).orElse(DEFAULT_REALM_URL));
    }

    public ApiDocumentFilter(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        Components components = openAPI.getComponents();
        components.setSecuritySchemes(new LinkedHashMap<>(Map.of(SECURITY_SCHEME, securityScheme(realmUrl))));
        headers(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (!path.startsWith("/q/")) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME)));
                    responseHeaders(operation);
                }
            }));
        }
        requireResponseProperties(openAPI);
        removeUnusedSchemas(openAPI);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            // relative: the service that serves the document (Swagger UI, and a client's default base URL)
            openAPI.setServers(List.of(OASFactory.createServer().url("/")
                    .description("This service (partnership-service :8081, assessment-service :8082, reporting-service :8083 locally)")));
        }
    }

    /**
     * Drops component schemas and headers nothing refers to, e.g. the raw generic {@code Page} or a kit type scanned
     * for its {@code @Schema} annotation: a client would otherwise get types no operation uses.
     */
    static void removeUnusedSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                parameters(item.getParameters(), todo);
                item.getOperations().values().forEach(operation -> {
                    parameters(operation.getParameters(), todo);
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), todo);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> {
                            content(r.getContent(), todo);
                            if (r.getHeaders() != null) {
                                r.getHeaders().values().forEach(h -> push(h.getSchema(), todo));
                            }
                        });
                    }
                });
            });
        }
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(h -> push(h.getSchema(), todo));
        }
        Set<String> used = new HashSet<>();
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (used.add(name)) {
                    push(named.get(name), todo);
                }
            }
            children(schema).forEach(todo::push);
        }
        new ArrayList<>(named.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
        // likewise the header components: ETag is offered to every service, but kept only where a response uses it
        Set<String> usedHeaders = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream().filter(r -> r.getHeaders() != null)
                            .flatMap(r -> r.getHeaders().values().stream())
                            .filter(h -> h.getRef() != null && h.getRef().startsWith(HEADERS))
                            .forEach(h -> usedHeaders.add(h.getRef().substring(HEADERS.length())));
                }
            }));
        }
        if (openAPI.getComponents().getHeaders() != null) {
            new ArrayList<>(openAPI.getComponents().getHeaders().keySet()).stream().filter(name -> !usedHeaders.contains(name))
                    .forEach(openAPI.getComponents()::removeHeader);
        }
    }

    private static void parameters(List<org.eclipse.microprofile.openapi.models.parameters.Parameter> parameters, Deque<Schema> todo) {
        if (parameters != null) {
            parameters.forEach(p -> {
                push(p.getSchema(), todo);
                content(p.getContent(), todo);
            });
        }
    }

    private static void push(Schema schema, Deque<Schema> todo) {
        if (schema != null) {
            todo.push(schema);
        }
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> composed : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                children.addAll(composed);
            }
        }
        if (schema.getNot() != null) {
            children.add(schema.getNot());
        }
        if (schema.getContentSchema() != null) {
            children.add(schema.getContentSchema());
        }
        return children;
    }

    /**
     * OAuth2 authorization code (Swagger UI adds PKCE, {@code quarkus.swagger-ui.oauth-use-pkce-with-authorization-code-grant}):
     * Swagger UI shows exactly this one flow without fetching the realm's discovery document, and generators treat
     * it as a bearer token. The URLs are the realm's; {@link RealmUrlFilter} sets them again at startup from the
     * runtime configuration.
     */
    public static SecurityScheme securityScheme(String realmUrl) {
        String base = realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect";
        OAuthFlow code = OASFactory.createOAuthFlow()
                .authorizationUrl(base + "/auth")
                .tokenUrl(base + "/token")
                .refreshUrl(base + "/token")
                .scopes(new LinkedHashMap<>(Map.of("openid", "Sign in with the realm (OpenID Connect)")));
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm partnership-pulse: sign in with the public client pulse-frontend"
                        + " (authorization code + PKCE) and send the access token (audience pulse-api) as a bearer token")
                .flows(OASFactory.createOAuthFlows().authorizationCode(code));
    }

    private static void headers(Components components) {
        components.addHeader("ETag", OASFactory.createHeader()
                .description("The resource's version as a strong entity tag (e.g. \"3\"): send it back in If-Match to update it")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).examples(List.of("\"3\""))));
        components.addHeader("Location", OASFactory.createHeader()
                .description("URL of the created resource")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.STRING)).format("uri-reference")));
        components.addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER)).minimum(java.math.BigDecimal.ONE)));
    }

    private static void responseHeaders(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ("429".equals(status) || "503".equals(status)) {
                addHeader(response, "Retry-After");
            }
        });
    }

    private static void addHeader(APIResponse response, String name) {
        if (response.getRef() == null && (response.getHeaders() == null || !response.getHeaders().containsKey(name))) {
            response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
        }
    }

    /**
     * Marks required every non-nullable property of every object schema a response can contain (Problem keeps its
     * hand-written list: its optional members are left out, not null).
     */
    static void requireResponseProperties(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), todo));
                }
            }));
        }
        Deque<Schema> requests = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    content(operation.getRequestBody().getContent(), requests);
                }
            }));
        }
        // a schema a request can also contain keeps bean validation's list: a client may leave out what has a default
        Set<Schema> sent = reachable(requests, named);
        for (Schema schema : reachable(todo, named)) {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            schema.getProperties().values().forEach(ApiDocumentFilter::allowNullBesideReference);
            if (!sent.contains(schema) && schema != named.get("Problem")) {
                List<String> required = new ArrayList<>();
                schema.getProperties().forEach((name, property) -> {
                    if (!nullable(property)) {
                        required.add(name);
                    }
                });
                schema.setRequired(required.isEmpty() ? null : required);
            }
        }
        // say it outright where nothing is required (a request whose every field is optional), rather than leave a
        // reader to wonder whether the list was forgotten
        named.values().stream().filter(s -> s.getProperties() != null && !s.getProperties().isEmpty() && s.getRequired() == null)
                .forEach(s -> s.setRequired(new ArrayList<>()));
    }

    /** Every schema reachable from the roots, following references into the named ones. */
    private static Set<Schema> reachable(Deque<Schema> todo, Map<String, Schema> named) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                push(named.get(schema.getRef().substring(SCHEMAS.length())), todo);
            }
            children(schema).forEach(todo::push);
        }
        return seen;
    }

    /**
     * SmallRye writes a nullable described reference as {@code type: object, anyOf: [{$ref}, {type: null}]}: the sibling
     * type forbids the null the anyOf allows, so a validator (and a strict client) would reject a real null.
     */
    private static void allowNullBesideReference(Schema property) {
        if (property.getAnyOf() != null && property.getType() != null && !property.getType().contains(SchemaType.NULL)
                && property.getAnyOf().stream().anyMatch(ApiDocumentFilter::nullable)) {
            property.setType(null);
        }
    }

    private static void content(Content content, Deque<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    todo.push(media.getSchema());
                }
            }
        }
    }

    /**
     * How SmallRye writes {@code @Schema(nullable = true)} in OAS 3.1: {@code type: [x, "null"]} on a plain type,
     * or a "null" alternative in anyOf/oneOf around a reference.
     */
    static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null && alternatives.stream().anyMatch(ApiDocumentFilter::nullable)) {
                return true;
            }
        }
        return schema.getEnumeration() != null && schema.getEnumeration().contains(null);
    }
}
