package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;

@QuarkusTest
class MeasureResourceTest {

    private static Map<String, Object> measure(String name, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "OUTCOME");
        body.put("unit", "days");
        body.put("baseline", 40);
        body.put("target", 20);
        body.put("direction", direction);
        return body;
    }

    @Test
    void theTrendReadsTheLatestValueInTheMeasuresDirectionIncludingValuesFromCheckIns() {
        Fixtures.World world = Fixtures.world("Measures");
        String measures = "/partnerships/" + world.partnershipId() + "/measures";
        String coordinator = token(world.coordinator());
        String measure = measures + "/" + given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(measure("Days from referral to service", "LOWER_IS_BETTER")).post(measures).then().statusCode(201)
                .body("trend.assessment", equalTo("NO_DATA")).extract().path("id");

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("value", 45, "observedOn", LocalDate.now().minusMonths(2).toString()))
                .post(measure + "/values").then().statusCode(201);
        given().auth().oauth2(token(world.member())).get(measure).then().statusCode(200)
                .body("trend.assessment", equalTo("WORSENING")).body("trend.change", equalTo(5));

        // A goal measured by it: the member's check-in adds a value, and the trend follows the latest date.
        String plan = PlanFixtures.plan(world, 1);
        Map<String, Object> goal = PlanFixtures.goalBody(world, world.memberOrganisation());
        goal.put("measureId", PlanFixtures.id(measure));
        goal.put("target", 20);
        String goalPath = PlanFixtures.goal(world, plan, goal);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(Map.of("goalId", PlanFixtures.id(goalPath), "status", "ON_TRACK", "value", 30))))
                .post(plan + "/check-ins").then().statusCode(201);

        given().auth().oauth2(token(world.member())).get(measure).then().statusCode(200)
                .body("trend.latest", equalTo(30)).body("trend.change", equalTo(-10))
                .body("trend.assessment", equalTo("IMPROVING")).body("trend.progress", equalTo(0.5f));
        given().auth().oauth2(token(world.member())).get(measure + "/values").then().statusCode(200)
                .body("items.value", contains(30, 45))
                .body("items[0].goalId", equalTo(PlanFixtures.id(goalPath)))
                .body("items[1].checkInId", nullValue());
    }

    @Test
    void onlyCoordinatorsDefineMeasuresNamesAreUniqueAndUnknownKindsAreRejected() {
        Fixtures.World world = Fixtures.world("Measure rules");
        Fixtures.World other = Fixtures.world("Measure outsiders");
        String measures = "/partnerships/" + world.partnershipId() + "/measures";
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(measure("Mine", "HIGHER_IS_BETTER"))
                .post(measures).then().statusCode(403);
        String id = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(measure("Shared data", "HIGHER_IS_BETTER")).post(measures).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(measure("shared DATA", "HIGHER_IS_BETTER")).post(measures).then().statusCode(409)
                .body("violations[0].field", equalTo("name"));
        Map<String, Object> bad = measure("Bad kind", "HIGHER_IS_BETTER");
        bad.put("kind", "VANITY");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).body(bad).post(measures).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("value", 1, "observedOn", LocalDate.now().plusDays(2).toString()))
                .post(measures + "/" + id + "/values").then().statusCode(400).body("violations[0].field", equalTo("observedOn"));
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("value", 1, "observedOn", LocalDate.now().toString()))
                .post(measures + "/" + id + "/values").then().statusCode(403);
        given().auth().oauth2(token(other.coordinator())).get(measures).then().statusCode(404);
        given().auth().oauth2(token(other.member())).get(measures + "/" + id).then().statusCode(404);

        String etag = given().auth().oauth2(token(world.coordinator())).get(measures + "/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(measure("Shared data, monthly", "HIGHER_IS_BETTER")).put(measures + "/" + id).then().statusCode(200);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(measure("Shared data, again", "HIGHER_IS_BETTER")).put(measures + "/" + id).then().statusCode(412);
    }
}
