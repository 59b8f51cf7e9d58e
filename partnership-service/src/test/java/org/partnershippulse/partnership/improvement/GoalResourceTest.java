package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;

@QuarkusTest
class GoalResourceTest {

    /** The seed as assessment-service ships it: the first START_HERE Thing to try of WestEd's condition 2. */
    private static JsonNode seedThingToTry() throws IOException {
        JsonNode seed = new ObjectMapper().readTree(
                Path.of("..", "assessment-service", "src", "main", "resources", "instruments", "wested-essential-conditions.json").toFile());
        for (JsonNode r : seed.path("recommendations")) {
            if (r.path("section").asText().equals("condition-2") && r.path("level").asText().equals("START_HERE")) {
                return r;
            }
        }
        throw new AssertionError("no Thing to try for condition-2 in the seed");
    }

    @Test
    void aGoalKeepsItsFindingsAndTheThingToTryWordForWordFromTheSeed() throws IOException {
        Fixtures.World world = Fixtures.world("Goals");
        String plan = PlanFixtures.plan(world, 0);
        Map<String, Object> body = PlanFixtures.goalBody(world, world.memberOrganisation());
        body.put("thingToTry", Map.of("key", "wested/condition-2/start-here/1", "language", "es"));
        String goal = PlanFixtures.goal(world, plan, body);

        JsonNode seed = seedThingToTry();
        given().auth().oauth2(token(world.member())).get(goal).then().statusCode(200)
                .body("status", equalTo("NOT_STARTED"))
                .body("target", equalTo(90))
                .body("ownerOrganisationId", equalTo(world.memberOrganisation().toString()))
                .body("findings.key", contains("trust-3", "trust"))
                .body("findings.kind", contains("ITEM", "SECTION"))
                .body("findings[0].roundId", equalTo(PlanFixtures.ROUND.toString()))
                .body("thingToTry.source", equalTo("WESTED_THINGS_TO_TRY"))
                .body("thingToTry.text", equalTo(seed.path("text").path("es").asText()));
        given().auth().oauth2(token(world.member())).get(plan + "/goals").then().statusCode(200)
                .body("items", hasSize(1)).body("totalItems", equalTo(1));

        // The catalogue lists it under the same key, with both languages.
        given().auth().oauth2(token(world.member())).queryParam("section", "condition-2").get("/things-to-try").then().statusCode(200)
                .body("key", hasItem("wested/condition-2/start-here/1"))
                .body("find { it.key == 'wested/condition-2/start-here/1' }.text.en", equalTo(seed.path("text").path("en").asText()));
        given().auth().oauth2(token(world.member())).queryParam("source", "BCR_GUIDELINE").get("/things-to-try").then().statusCode(200)
                .body("key", hasItem("bcr/roles-responsibilities"));
    }

    @Test
    void anUnknownThingToTryOrOwnerOutsideThePartnershipIsRejectedNamingTheField() {
        Fixtures.World world = Fixtures.world("Bad goals");
        String plan = PlanFixtures.plan(world, 0);
        Map<String, Object> body = PlanFixtures.goalBody(world, world.memberOrganisation());
        body.put("thingToTry", Map.of("key", "wested/condition-2/start-here/99"));
        post(world, plan, body).statusCode(400).body("violations[0].field", equalTo("thingToTry.key"));

        body = PlanFixtures.goalBody(world, Fixtures.organisation("Not a member", "HOUSING"));
        post(world, plan, body).statusCode(400).body("violations[0].field", equalTo("ownerOrganisationId"));

        body = PlanFixtures.goalBody(world, world.memberOrganisation());
        body.put("findings", List.of(Map.of("roundId", PlanFixtures.ROUND, "kind", "WHIM", "key", "trust-3")));
        post(world, plan, body).statusCode(400).body("violations[0].field", equalTo("findings[0].kind"));

        body = PlanFixtures.goalBody(world, world.memberOrganisation());
        body.put("findings", List.of());
        post(world, plan, body).statusCode(400).body("violations[0].field", equalTo("findings"));

        body = PlanFixtures.goalBody(world, world.memberOrganisation());
        body.remove("dueOn");
        post(world, plan, body).statusCode(400).body("violations[0].field", equalTo("dueOn"));
    }

    private static io.restassured.response.ValidatableResponse post(Fixtures.World world, String plan, Map<String, Object> body) {
        return given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(body)
                .post(plan + "/goals").then().contentType("application/problem+json");
    }

    @Test
    void coordinatorsPlanMembersReadAndOtherPartnershipsSeeNothing() {
        Fixtures.World world = Fixtures.world("Plan access");
        Fixtures.World other = Fixtures.world("Other partnership");
        String plan = PlanFixtures.plan(world, 0);
        Map<String, Object> body = PlanFixtures.goalBody(world, world.memberOrganisation());

        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(body).post(plan + "/goals").then().statusCode(403);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of("title", "Mine"))
                .post(PlanFixtures.plans(world)).then().statusCode(403);
        String goal = PlanFixtures.goal(world, plan, body);

        given().auth().oauth2(token(world.member())).get(PlanFixtures.plans(world)).then().statusCode(200).body("items", hasSize(1));
        for (var outsider : List.of(other.coordinator(), other.member())) {
            given().auth().oauth2(token(outsider)).get(PlanFixtures.plans(world)).then().statusCode(404);
            given().auth().oauth2(token(outsider)).get(goal).then().statusCode(404);
        }
        // A plan of this partnership addressed through the other one's path is not found.
        given().auth().oauth2(token(other.coordinator())).get(PlanFixtures.plans(other) + "/" + PlanFixtures.id(plan)).then().statusCode(404);
    }

    @Test
    void editingNeedsTheCurrentVersionAndIsAudited() {
        Fixtures.World world = Fixtures.world("Goal edits");
        String plan = PlanFixtures.plan(world, 0);
        Map<String, Object> body = PlanFixtures.goalBody(world, world.memberOrganisation());
        String goal = PlanFixtures.goal(world, plan, body);
        String etag = given().auth().oauth2(token(world.coordinator())).get(goal).then().extract().header("ETag");
        body.put("what", "Every member shares referral data monthly");
        body.put("thingToTry", Map.of("key", "bcr/roles-responsibilities"));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put(goal).then().statusCode(200).body("what", equalTo("Every member shares referral data monthly"))
                .body("thingToTry.text", equalTo("Everyone needs to understand fully the roles and responsibilities of each "
                        + "cross-sector partner. A BCR cross-sector partnership relies on specificity about who will do what and when/where it will happen."));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put(goal).then().statusCode(412);
        body.remove("thingToTry");
        String fresh = given().auth().oauth2(token(world.coordinator())).get(goal).then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", fresh).body(body)
                .put(goal).then().statusCode(200).body("thingToTry", nullValue());

        given().auth().oauth2(token(world.coordinator())).get("/partnerships/{id}/audit", world.partnershipId()).then().statusCode(200)
                .body("items.findAll { it.entityType == 'goal' }.action", contains("updated", "updated", "set"))
                .body("items.findAll { it.entityType == 'plan' }.action", contains("created"));
    }
}
