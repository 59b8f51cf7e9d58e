package org.partnershippulse.partnership.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.partnership.Fixtures.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.partnership.partnership.PartnershipApi;
import org.partnershippulse.partnership.person.PersonApi;
import org.partnershippulse.testkit.OpenApiContractCheck;
import org.partnershippulse.testkit.OpenApiDocumentRules;
import org.partnershippulse.testkit.TestUser;

/**
 * The committed document is the API, and usable by a generated client (see {@link OpenApiContractCheck}); these
 * checks add that the statuses, headers and bodies it declares are the ones the code really answers.
 */
@QuarkusTest
class OpenApiContractTest extends OpenApiContractCheck {

    @Override
    protected String service() {
        return "partnership-service";
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    /** The named page schemas document {@link Page}: they must keep its shape when it changes. */
    @Test
    void pageSchemasDescribeThePagesTheServiceSends() throws IOException {
        assertEquals(List.of(), OpenApiDocumentRules.pageSchemasUnlike(document(), Page.class));
    }

    /** Real calls answer the status the document declares for them, with the headers it declares. */
    @Test
    void creationsUpdatesAndDeletionsAnswerTheStatusAndHeadersTheDocumentDeclares() throws IOException {
        JsonNode doc = document();
        String admin = token(TestUser.ADMIN);

        ExtractableResponse<Response> created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.partnershipBody(Fixtures.unique("Declared"))).post("/partnerships").then().extract();
        String id = created.path("id");
        assertDeclared(doc, "/partnerships", "post", created);
        assertTrue(created.header("Location").endsWith("/partnerships/" + id), created.header("Location"));
        assertEquals("\"" + created.path("version") + "\"", created.header("ETag"));

        ExtractableResponse<Response> read = given().auth().oauth2(admin).get("/partnerships/{id}", id).then().extract();
        assertDeclared(doc, "/partnerships/{id}", "get", read);

        ExtractableResponse<Response> updated = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("If-Match", read.header("ETag")).body(Fixtures.partnershipBody(Fixtures.unique("Declared again")))
                .put("/partnerships/{id}", id).then().extract();
        assertDeclared(doc, "/partnerships/{id}", "put", updated);

        ExtractableResponse<Response> organisation = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Declared Org"), "sector", "HOUSING")).post("/organisations").then().extract();
        assertDeclared(doc, "/organisations", "post", organisation);

        ExtractableResponse<Response> person = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Declared Person", "email", UUID.randomUUID() + "@example.org")).post("/people").then().extract();
        assertDeclared(doc, "/people", "post", person);

        ExtractableResponse<Response> role = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("personId", person.path("id"), "role", "MEMBER"))
                .post("/partnerships/{id}/roles", id).then().extract();
        assertDeclared(doc, "/partnerships/{partnershipId}/roles", "post", role);

        ExtractableResponse<Response> membership = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation.path("id"), "role", "MEMBER"))
                .post("/partnerships/{id}/memberships", id).then().extract();
        assertDeclared(doc, "/partnerships/{partnershipId}/memberships", "post", membership);

        ExtractableResponse<Response> agreement = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/partnerships/{id}/agreements", id).then().extract();
        assertDeclared(doc, "/partnerships/{partnershipId}/agreements", "post", agreement);

        ExtractableResponse<Response> signature = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation.path("id"), "signerName", "Declared Signer"))
                .post("/partnerships/{id}/agreements/{agreementId}/signatures", id, agreement.path("id")).then().extract();
        assertDeclared(doc, "/partnerships/{partnershipId}/agreements/{agreementId}/signatures", "post", signature);

        String fresh = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Fixtures.partnershipBody(Fixtures.unique("Mistake"))).post("/partnerships").then().extract().path("id");
        ExtractableResponse<Response> deleted = given().auth().oauth2(admin).delete("/partnerships/{id}", fresh).then().extract();
        assertDeclared(doc, "/partnerships/{id}", "delete", deleted);
    }

    /**
     * Reads answer what the document declares too, including the fields that are null (an optional field not set,
     * a subject shown to nobody but the person, a caller with no person entry yet): each must be declared nullable.
     */
    @Test
    void readsAnswerTheSchemaTheDocumentDeclaresWithNullsWhereDeclaredNullable() throws IOException {
        JsonNode doc = document();
        Fixtures.World world = Fixtures.world("Declared reads");
        String coordinator = token(world.coordinator());
        String id = world.partnershipId().toString();
        String agreement = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of())
                .post("/partnerships/{id}/agreements", id).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.coordinatorOrganisation(), "signerName", "Recorded Signer"))
                .post("/partnerships/{id}/agreements/{agreementId}/signatures", id, agreement).then().statusCode(201);

        Map<String, String> reads = new java.util.LinkedHashMap<>();
        reads.put("/me", "/me");
        reads.put("/sectors", "/sectors");
        reads.put("/person-roles", "/person-roles");
        reads.put("/organisations", "/organisations?partnershipId=" + id);
        reads.put("/organisations/{id}", "/organisations/" + world.memberOrganisation());
        reads.put("/partnerships", "/partnerships");
        reads.put("/partnerships/{id}", "/partnerships/" + id);
        reads.put("/partnerships/{partnershipId}/agreements", "/partnerships/" + id + "/agreements");
        reads.put("/partnerships/{partnershipId}/agreements/{agreementId}", "/partnerships/" + id + "/agreements/" + agreement);
        reads.put("/partnerships/{partnershipId}/agreements/{agreementId}/versions",
                "/partnerships/" + id + "/agreements/" + agreement + "/versions");
        reads.put("/partnerships/{partnershipId}/audit", "/partnerships/" + id + "/audit");
        reads.put("/partnerships/{partnershipId}/coverage", "/partnerships/" + id + "/coverage");
        reads.put("/partnerships/{partnershipId}/memberships", "/partnerships/" + id + "/memberships");
        reads.put("/partnerships/{partnershipId}/roles", "/partnerships/" + id + "/roles");
        reads.put("/people", "/people?partnershipId=" + id);
        reads.put("/people/{id}", "/people/" + world.memberPersonId());
        reads.forEach((path, url) -> assertDeclared(doc, path, "get",
                given().auth().oauth2(coordinator).get(url).then().extract()));
        // someone with no person entry yet: their person is null
        assertDeclared(doc, "/me", "get", given().auth().oauth2(token(TestUser.fresh("nobody"))).get("/me").then().extract());
    }

    /**
     * The response's status is the operation's only declared success, every header declared for it is sent, and its
     * body has exactly the declared properties, null only where declared nullable.
     */
    private static void assertDeclared(JsonNode doc, String path, String method, ExtractableResponse<Response> response) {
        String name = method.toUpperCase() + " " + path;
        JsonNode responses = doc.path("paths").path(path).path(method).path("responses");
        List<String> successes = new ArrayList<>();
        responses.fieldNames().forEachRemaining(status -> {
            if (status.startsWith("2")) {
                successes.add(status);
            }
        });
        assertEquals(List.of(String.valueOf(response.statusCode())), successes, name + ": " + response.asString());
        Iterator<String> headers = responses.path(successes.get(0)).path("headers").fieldNames();
        while (headers.hasNext()) {
            String header = headers.next();
            assertTrue(response.header(header) != null && !response.header(header).isBlank(), name + " sends no " + header);
        }
        JsonNode schema = responses.path(successes.get(0)).path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            List<String> mismatches = new ArrayList<>();
            try {
                conforms(doc, schema, new ObjectMapper().readTree(response.asString()), name, mismatches);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(List.of(), mismatches);
        }
    }

    private static void conforms(JsonNode doc, JsonNode schema, JsonNode value, String where, List<String> mismatches) {
        if (value == null || value.isNull()) {
            if (!nullable(schema)) {
                mismatches.add(where + " is null but not declared nullable");
            }
            return;
        }
        JsonNode resolved = resolve(doc, schema);
        if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                conforms(doc, resolved.path("items"), item, where + "[" + i++ + "]", mismatches);
            }
        } else if (value.isObject() && resolved.path("properties").isObject()) {
            JsonNode properties = resolved.get("properties");
            properties.fields().forEachRemaining(p -> {
                if (!value.has(p.getKey())) {
                    mismatches.add(where + "." + p.getKey() + " is missing");
                } else {
                    conforms(doc, p.getValue(), value.get(p.getKey()), where + "." + p.getKey(), mismatches);
                }
            });
            value.fieldNames().forEachRemaining(field -> {
                if (!properties.has(field)) {
                    mismatches.add(where + "." + field + " is not declared");
                }
            });
        }
    }

    /** A {@code $ref}, or an {@code anyOf} of one {@code $ref} and null, resolved to the component it names. */
    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.get("anyOf")) {
                if (!"null".equals(option.path("type").asText())) {
                    return resolve(doc, option);
                }
            }
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return resolve(doc, doc.path("components").path("schemas").path(name));
        }
        return schema;
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.path("type");
        if ("null".equals(type.asText())) {
            return true;
        }
        for (JsonNode each : type) {
            if ("null".equals(each.asText())) {
                return true;
            }
        }
        for (JsonNode option : schema.path("anyOf")) {
            if ("null".equals(option.path("type").asText())) {
                return true;
            }
        }
        return false;
    }
}
