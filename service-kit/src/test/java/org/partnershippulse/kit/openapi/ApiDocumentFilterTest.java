package org.partnershippulse.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

/** The document rules on a model shaped like SmallRye's output (OAS 3.1, nullable as type [x, "null"] or anyOf). */
class ApiDocumentFilterTest {

    private static final String REALM = "https://sso.example.org/realms/partnership-pulse/";

    @Test
    void everyOperationOutsideQuarkusEndpointsRequiresTheRealmsOAuth2Scheme() {
        OpenAPI api = document();
        new ApiDocumentFilter(REALM).filterOpenAPI(api);

        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("keycloak");
        assertEquals(SecurityScheme.Type.OAUTH2, scheme.getType());
        assertEquals("https://sso.example.org/realms/partnership-pulse/protocol/openid-connect/auth",
                scheme.getFlows().getAuthorizationCode().getAuthorizationUrl());
        assertEquals("https://sso.example.org/realms/partnership-pulse/protocol/openid-connect/token",
                scheme.getFlows().getAuthorizationCode().getTokenUrl());
        assertTrue(scheme.getFlows().getAuthorizationCode().getScopes().containsKey("openid"));
        assertEquals(1, api.getComponents().getSecuritySchemes().size(), "the old bearer scheme is gone");
        for (String path : List.of("/things", "/things/{id}")) {
            api.getPaths().getPathItem(path).getOperations().forEach((method, op) ->
                    assertTrue(op.getSecurity().get(0).hasScheme("keycloak"), method + " " + path));
        }
        assertNull(api.getPaths().getPathItem("/q/health").getGET().getSecurity());
    }

    @Test
    void responseSchemasRequireEveryPropertyThatIsNotNullable() {
        OpenAPI api = document();
        new ApiDocumentFilter(REALM).filterOpenAPI(api);

        // reached through a page's items, a nested reference and an array
        assertEquals(List.of("items", "total"), schema(api, "PageThing").getRequired());
        assertEquals(List.of("id", "name", "owner", "settings", "tags"), schema(api, "Thing").getRequired(),
                "note (type [string, null]), status and previousOwner (anyOf with null) are nullable, not required");
        assertNull(schema(api, "Thing").getProperties().get("previousOwner").getType(),
                "a sibling type: object would forbid the null the anyOf allows");
        assertEquals(List.of(), schema(api, "Settings").getRequired(), "also sent: a client may leave out what has a default");
        assertEquals(List.of("name"), schema(api, "Owner").getRequired());
        // only sent, never answered: bean validation's list stays
        assertEquals(List.of("name"), schema(api, "ThingRequest").getRequired());
        assertEquals(List.of("type", "title", "status", "instance"), schema(api, "Problem").getRequired());
        assertEquals(List.of("field", "message"), schema(api, "Violation").getRequired());
    }

    @Test
    void declaredHeadersAreKeptAndRetryableAnswersCarryRetryAfter() {
        OpenAPI api = document();
        new ApiDocumentFilter(REALM).filterOpenAPI(api);

        for (String header : List.of("ETag", "Location", "Retry-After")) {
            assertNotNull(api.getComponents().getHeaders().get(header), header + " is used, so it is kept");
            assertNotNull(api.getComponents().getHeaders().get(header).getSchema(), header);
            assertNotNull(api.getComponents().getHeaders().get(header).getDescription(), header);
        }
        Operation create = api.getPaths().getPathItem("/things").getPOST();
        assertEquals("#/components/headers/Location", response(create, "201").getHeaders().get("Location").getRef());
        assertEquals("#/components/headers/Retry-After", response(create, "503").getHeaders().get("Retry-After").getRef());
        Operation get = api.getPaths().getPathItem("/things/{id}").getGET();
        assertEquals("#/components/headers/Retry-After", response(get, "429").getHeaders().get("Retry-After").getRef());
        assertEquals("#/components/headers/ETag", response(get, "200").getHeaders().get("ETag").getRef(),
                "an annotated header is kept");
        assertNull(response(get, "200").getHeaders().get("Location"));
        Operation put = api.getPaths().getPathItem("/things/{id}").getPUT();
        assertTrue(response(put, "201").getHeaders() == null || !response(put, "201").getHeaders().containsKey("Location"),
                "Location is declared by the resource that sets it, never assumed");
    }

    @Test
    void problemResponsesAreProblemJsonAndBodyErrorsOnlyWhereABodyIsTaken() {
        OpenAPI api = document();
        new ApiDocumentFilter(REALM).filterOpenAPI(api);

        Operation create = api.getPaths().getPathItem("/things").getPOST();
        Operation get = api.getPaths().getPathItem("/things/{id}").getGET();
        for (String status : List.of("400", "401", "403", "404", "409", "413", "415", "500", "503")) {
            assertEquals("#/components/schemas/Problem", response(create, status).getContent()
                    .getMediaType("application/problem+json").getSchema().getRef(), status);
        }
        assertNotNull(response(get, "503"));
        assertNull(response(get, "413"));
        assertNull(response(get, "415"));
        assertFalse(api.getPaths().getPathItem("/q/health").getGET().getResponses().hasAPIResponse("503"));
        assertEquals("#/components/schemas/Problem", response(get, "429").getContent()
                .getMediaType("application/problem+json").getSchema().getRef(), "a declared 429 without content is a problem");
    }

    @Test
    void schemasNoOperationUsesAreDroppedAndTheServerIsTheServiceItself() {
        OpenAPI api = document();
        new ApiDocumentFilter(REALM).filterOpenAPI(api);

        assertNull(schema(api, "Orphan"));
        for (String used : List.of("PageThing", "Thing", "Owner", "Status", "ThingRequest", "Problem", "Violation")) {
            assertNotNull(schema(api, used), used);
        }
        assertEquals("/", api.getServers().get(0).getUrl());

        OpenAPI withoutETag = document();
        withoutETag.getPaths().getPathItem("/things/{id}").getGET().getResponses().getAPIResponse("200").setHeaders(null);
        new ApiDocumentFilter(REALM).filterOpenAPI(withoutETag);
        assertNull(withoutETag.getComponents().getHeaders().get("ETag"), "no response uses it");
        assertNotNull(withoutETag.getComponents().getHeaders().get("Location"));
    }

    @Test
    void nullableIsReadAsSmallRyeWritesIt() {
        assertTrue(ApiDocumentFilter.nullable(OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL))));
        assertTrue(ApiDocumentFilter.nullable(OASFactory.createSchema().anyOf(List.of(
                OASFactory.createSchema().ref("#/components/schemas/LocalDate"),
                OASFactory.createSchema().type(List.of(SchemaType.NULL))))));
        assertFalse(ApiDocumentFilter.nullable(OASFactory.createSchema().type(List.of(SchemaType.STRING))));
        assertFalse(ApiDocumentFilter.nullable(OASFactory.createSchema().ref("#/components/schemas/Thing")));
    }

    private static Schema schema(OpenAPI api, String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static APIResponse response(Operation op, String status) {
        return op.getResponses().getAPIResponse(status);
    }

    private static Schema type(SchemaType... types) {
        return OASFactory.createSchema().type(List.of(types));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(schema));
    }

    /** Two secured paths, a Quarkus endpoint, a page of things, a request-only schema and the old bearer scheme. */
    private static OpenAPI document() {
        OpenAPI api = OASFactory.createOpenAPI().openapi("3.1.0").components(OASFactory.createComponents()
                .addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSchema("PageThing", type(SchemaType.OBJECT)
                        .addProperty("items", type(SchemaType.ARRAY).items(ref("Thing")))
                        .addProperty("total", type(SchemaType.INTEGER)))
                .addSchema("Thing", type(SchemaType.OBJECT)
                        .addProperty("id", type(SchemaType.STRING).format("uuid"))
                        .addProperty("name", type(SchemaType.STRING))
                        .addProperty("note", type(SchemaType.STRING, SchemaType.NULL))
                        .addProperty("status", OASFactory.createSchema().anyOf(List.of(ref("Status"), type(SchemaType.NULL))))
                        .addProperty("owner", ref("Owner"))
                        .addProperty("previousOwner", type(SchemaType.OBJECT).anyOf(List.of(ref("Owner"), type(SchemaType.NULL))))
                        .addProperty("settings", ref("Settings"))
                        .addProperty("tags", type(SchemaType.ARRAY).items(type(SchemaType.STRING))))
                .addSchema("Settings", type(SchemaType.OBJECT)
                        .addProperty("colour", type(SchemaType.STRING))
                        .addProperty("shared", type(SchemaType.BOOLEAN)))
                .addSchema("Owner", type(SchemaType.OBJECT).addProperty("name", type(SchemaType.STRING)))
                .addSchema("Status", type(SchemaType.STRING).enumeration(List.of("ACTIVE", "DONE")))
                .addSchema("Orphan", type(SchemaType.OBJECT).addProperty("x", ref("Owner")))
                .addSchema("ThingRequest", type(SchemaType.OBJECT).required(List.of("name"))
                        .addProperty("name", type(SchemaType.STRING))
                        .addProperty("note", type(SchemaType.STRING))));
        api.paths(OASFactory.createPaths()
                .addPathItem("/things", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(json(ref("PageThing"))))))
                        .POST(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(json(ref("ThingRequest"))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created").content(json(ref("Thing")))
                                                .addHeader("Location", OASFactory.createHeader().ref("#/components/headers/Location"))))))
                .addPathItem("/things/{id}", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(json(ref("Thing")))
                                        .addHeader("ETag", OASFactory.createHeader().ref("#/components/headers/ETag")))
                                .addAPIResponse("429", OASFactory.createAPIResponse().description("Too many"))))
                        .PUT(OASFactory.createOperation()
                                .requestBody(OASFactory.createRequestBody().content(json(ref("Settings"))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created").content(json(ref("Thing")))))))
                .addPathItem("/q/health", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))))));
        return api;
    }
}
