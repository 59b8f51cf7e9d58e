package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;

@QuarkusTest
class CommitmentResourceTest {

    private static String commit(Fixtures.World world, String goal, Object organisation) {
        return given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "contribution", "Host the monthly data talk",
                        "dueOn", LocalDate.now().plusMonths(3).toString()))
                .post(goal + "/commitments").then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
    }

    @Test
    void membersSignTheirOwnOrganisationsCommitmentOnceCoordinatorsRecordPaperSignatures() {
        Fixtures.World world = Fixtures.world("Commitments");
        String plan = PlanFixtures.plan(world, 0);
        String goal = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.coordinatorOrganisation()));
        String own = commit(world, goal, world.memberOrganisation());
        String theirs = commit(world, goal, world.coordinatorOrganisation());

        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of())
                .post(goal + "/commitments/" + theirs + "/signature").then().statusCode(403);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of("signerTitle", "Superintendent"))
                .post(goal + "/commitments/" + own + "/signature").then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signerName", equalTo(world.member().name()))
                .body("signerPersonId", equalTo(world.memberPersonId().toString()));
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of())
                .post(goal + "/commitments/" + own + "/signature").then().statusCode(409);
        // The coordinator signs for their own organisation as themself, and records a third one's paper signature.
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(Map.of())
                .post(goal + "/commitments/" + theirs + "/signature").then().statusCode(200)
                .body("signerName", equalTo(world.coordinator().name()));
        java.util.UUID third = Fixtures.organisation("Food Bank", "COMMUNITY_BASED_ORGANIZATION");
        Fixtures.member(world.partnershipId(), third, "MEMBER");
        String paper = commit(world, goal, third);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(Map.of())
                .post(goal + "/commitments/" + paper + "/signature").then().statusCode(400)
                .body("violations[0].field", equalTo("signerName"));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(Map.of("signerName", "A. Director"))
                .post(goal + "/commitments/" + paper + "/signature").then().statusCode(200)
                .body("signerName", equalTo("A. Director")).body("signerPersonId", nullValue());

        given().auth().oauth2(token(world.member())).get(goal).then().statusCode(200)
                .body("commitments", hasSize(3)).body("commitments.status", org.hamcrest.Matchers.everyItem(equalTo("SIGNED")));
    }

    @Test
    void oneCommitmentPerOrganisationFromCurrentMembersRecordedByCoordinators() {
        Fixtures.World world = Fixtures.world("Commitment rules");
        Fixtures.World other = Fixtures.world("Commitment outsiders");
        String plan = PlanFixtures.plan(world, 0);
        String goal = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation()));
        commit(world, goal, world.memberOrganisation());
        Map<String, Object> again = Map.of("organisationId", world.memberOrganisation(), "contribution", "More",
                "dueOn", LocalDate.now().toString());
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(again)
                .post(goal + "/commitments").then().statusCode(409).body("violations[0].field", equalTo("organisationId"));
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(again)
                .post(goal + "/commitments").then().statusCode(403);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", other.memberOrganisation(), "contribution", "Help", "dueOn", LocalDate.now().toString()))
                .post(goal + "/commitments").then().statusCode(400).body("violations[0].field", equalTo("organisationId"));
        given().auth().oauth2(token(other.member())).get(goal + "/commitments").then().statusCode(404);
        given().auth().oauth2(token(world.member())).get(goal + "/commitments").then().statusCode(200).body("size()", equalTo(1));
    }
}
