package org.partnershippulse.partnership.partnership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class PartnershipResourceTest {

    @Test
    void administratorCreatesPartnershipWithEtagAndBcrDefaultSectors() {
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                .body(Fixtures.partnershipBody(Fixtures.unique("Prevention Partnership")))
                .when().post("/partnerships")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString("/partnerships/"))
                .body("status", equalTo("ACTIVE"))
                .body("essentialSectorsCustomised", equalTo(false))
                .body("essentialSectors", hasItem("PHILANTHROPY"))
                .body("essentialSectors", not(hasItem("TRIBAL_GOVERNMENT")))
                .body("createdBy", equalTo("admin"));
    }

    @Test
    void coordinatorSeesOwnPartnershipOnlyAndAnotherCoordinatorGets404() {
        Fixtures.World mine = Fixtures.world("Mine");
        Fixtures.World theirs = Fixtures.world("Theirs");

        given().auth().oauth2(token(mine.coordinator())).when().get("/partnerships")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.id", contains(mine.partnershipId().toString()));
        given().auth().oauth2(token(mine.coordinator())).when().get("/partnerships/{id}", theirs.partnershipId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/not-found"));
        TestUser stranger = TestUser.fresh("stranger");
        given().auth().oauth2(token(stranger)).when().get("/partnerships/{id}", mine.partnershipId())
                .then().statusCode(404);
        given().auth().oauth2(token(stranger)).when().get("/partnerships")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(token(stranger)).when().get("/people")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void membersReadButCannotChangeTheirPartnership() {
        Fixtures.World world = Fixtures.world("Readers");
        given().auth().oauth2(token(world.member())).when().get("/partnerships/{id}", world.partnershipId())
                .then().statusCode(200);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.partnershipBody("Renamed by member"))
                .when().put("/partnerships/{id}", world.partnershipId())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void coordinatorUpdatesWithIfMatchAndStaleWriteIsRefused() {
        Fixtures.World world = Fixtures.world("Concurrency");
        String etag = given().auth().oauth2(token(world.coordinator())).get("/partnerships/{id}", world.partnershipId())
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = Fixtures.partnershipBody(Fixtures.unique("Renamed"));
        body.put("declaredDimension", "COLLABORATION");

        String newEtag = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).when().put("/partnerships/{id}", world.partnershipId())
                .then().statusCode(200).body("declaredDimension", equalTo("COLLABORATION")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newEtag);

        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).when().put("/partnerships/{id}", world.partnershipId())
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/stale-version"));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(body).when().put("/partnerships/{id}", world.partnershipId())
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        Map<String, Object> body = Fixtures.partnershipBody(" ");
        body.remove("geographyType");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/validation"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("geographyType"));
    }

    @Test
    void unknownEnumValueIsA400ListingTheAllowedValues() {
        Map<String, Object> body = Fixtures.partnershipBody(Fixtures.unique("Enum"));
        body.put("structure", "POLITBURO");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(body)
                .when().post("/partnerships")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("structure"))
                .body("violations[0].message", containsString("COALITION"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body("{\"name\": ").log().ifValidationFails()
                .when().post("/partnerships").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/malformed-body"));
        Map<String, Object> wrongType = Fixtures.partnershipBody(Fixtures.unique("Types"));
        wrongType.put("sharedValues", 42);
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(wrongType)
                .when().post("/partnerships").then().statusCode(400).body("violations[0].field", equalTo("sharedValues"));
        Map<String, Object> unknown = Fixtures.partnershipBody(Fixtures.unique("Unknown"));
        unknown.put("colour", "blue");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(unknown)
                .when().post("/partnerships").then().statusCode(400)
                .body("violations[0].field", equalTo("colour")).body("violations[0].message", equalTo("unknown field"));
    }

    @Test
    void partnershipNamesMayRepeatSoNoConflictRevealsAnotherPartnership() {
        String name = Fixtures.unique("Duplicate");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(Fixtures.partnershipBody(name))
                .post("/partnerships").then().statusCode(201);
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(Fixtures.partnershipBody(name.toUpperCase()))
                .when().post("/partnerships")
                .then().statusCode(201).body("name", equalTo(name.toUpperCase()));
    }

    @Test
    void onlyAdministratorsCreatePartnerships() {
        given().auth().oauth2(token(TestUser.fresh("someone"))).contentType(ContentType.JSON)
                .body(Fixtures.partnershipBody(Fixtures.unique("Nope")))
                .when().post("/partnerships").then().statusCode(403);
    }

    @Test
    void partnershipWithHistoryIsDissolvedNotDeleted() {
        Fixtures.World world = Fixtures.world("History");
        given().auth().oauth2(token(TestUser.ADMIN)).when().delete("/partnerships/{id}", world.partnershipId())
                .then().statusCode(409).body("detail", containsString("dissolve"));
        String etag = given().auth().oauth2(token(world.coordinator())).get("/partnerships/{id}", world.partnershipId())
                .then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("reason", "Merged into the county network"))
                .when().post("/partnerships/{id}/dissolve", world.partnershipId())
                .then().statusCode(200).body("status", equalTo("DISSOLVED")).body("dissolvedOn", org.hamcrest.Matchers.notNullValue());

        UUID empty = Fixtures.partnership("Mistake");
        given().auth().oauth2(token(TestUser.ADMIN)).when().delete("/partnerships/{id}", empty).then().statusCode(204);
        given().auth().oauth2(token(TestUser.ADMIN)).when().get("/partnerships/{id}", empty).then().statusCode(404);
    }

    @Test
    void listFiltersSearchesPagesAndSorts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (String n : new String[] {"Alpha", "Bravo", "Charlie"}) {
            given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                    .body(Fixtures.partnershipBody(n + " " + tag)).post("/partnerships").then().statusCode(201);
        }
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("search", tag).queryParam("size", 2).queryParam("sort", "-name")
                .when().get("/partnerships")
                .then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items.name", contains("Charlie " + tag, "Bravo " + tag));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("status", "SLEEPING").when().get("/partnerships")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("sort", "password").when().get("/partnerships")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().auth().oauth2(token(TestUser.ADMIN)).queryParam("size", 1000).when().get("/partnerships")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }
}
