package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;

@QuarkusTest
class CheckInResourceTest {

    private static Map<String, Object> line(String goal, String status, Object value) {
        return Map.of("goalId", PlanFixtures.id(goal), "status", status, "note", "Four of five sent data", "value", value);
    }

    @Test
    void theCoordinatorSeesUnrecordedCheckInsAndGoalsPastDueUntilTheyAreDone() {
        Fixtures.World world = Fixtures.world("Overdue");
        String plan = PlanFixtures.plan(world, 3);
        LocalDate start = LocalDate.now().minusMonths(3);
        Map<String, Object> late = PlanFixtures.goalBody(world, world.memberOrganisation());
        late.put("dueOn", LocalDate.now().minusDays(1).toString());
        String lateGoal = PlanFixtures.goal(world, plan, late);
        PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation()));
        String overdue = "/partnerships/" + world.partnershipId() + "/improvement/overdue";

        List<String> missed = List.of(start.plusMonths(1).toString(), start.plusMonths(2).toString());
        given().auth().oauth2(token(world.coordinator())).get(overdue).then().statusCode(200)
                .body("checkIns.dueOn", contains(missed.toArray()))
                .body("goals.goalId", contains(PlanFixtures.id(lateGoal)));
        given().auth().oauth2(token(world.member())).get(overdue).then().statusCode(403);

        // The member's organisation owns the late goal: its check-in of the first missed month marks it done.
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("dueOn", missed.get(0), "goals", List.of(line(lateGoal, "DONE", 92))))
                .post(plan + "/check-ins").then().statusCode(201).body("dueOn", equalTo(missed.get(0)))
                .body("goals[0].value", equalTo(92));
        given().auth().oauth2(token(world.coordinator())).get(overdue).then().statusCode(200)
                .body("checkIns.dueOn", contains(missed.get(1)))
                .body("goals", hasSize(0));
        given().auth().oauth2(token(world.member())).get(lateGoal).then()
                .body("status", equalTo("DONE")).body("latest.value", equalTo(92)).body("latest.dueOn", equalTo(missed.get(0)));
        given().auth().oauth2(token(world.member())).get(plan).then().body("nextCheckInDue", equalTo(missed.get(1)));
    }

    @Test
    void membersCheckInOnlyOnGoalsTheirOrganisationTookOn() {
        Fixtures.World world = Fixtures.world("Check-in rights");
        String plan = PlanFixtures.plan(world, 1);
        String theirs = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.coordinatorOrganisation()));

        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(line(theirs, "AT_RISK", 40)))).post(plan + "/check-ins").then().statusCode(403);

        // Once the member's organisation commits and signs, it reports on the goal too.
        String commitment = given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.memberOrganisation(), "contribution", "Attendance data by the 5th",
                        "dueOn", LocalDate.now().plusMonths(2).toString()))
                .post(theirs + "/commitments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of())
                .post(theirs + "/commitments/" + commitment + "/signature").then().statusCode(200);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(line(theirs, "AT_RISK", 40)))).post(plan + "/check-ins").then().statusCode(201)
                .body("dueOn", equalTo(LocalDate.now().minusMonths(1).plusMonths(1).toString()));
        given().auth().oauth2(token(world.member())).get(theirs).then().body("status", equalTo("AT_RISK"));

        // Once per person and date.
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(line(theirs, "ON_TRACK", 45)))).post(plan + "/check-ins").then().statusCode(409)
                .body("violations[0].field", equalTo("dueOn"));
        given().auth().oauth2(token(world.coordinator())).get(plan + "/check-ins").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].goals[0].status", equalTo("AT_RISK"));
    }

    @Test
    void aCheckInOffTheScheduleOrWithAnUnknownStatusOrGoalIsRejectedNamingTheField() {
        Fixtures.World world = Fixtures.world("Bad check-ins");
        Fixtures.World other = Fixtures.world("Other check-ins");
        String plan = PlanFixtures.plan(world, 2);
        String goal = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation()));
        String otherGoal = PlanFixtures.goal(other, PlanFixtures.plan(other, 0), PlanFixtures.goalBody(other, other.memberOrganisation()));
        String coordinator = token(world.coordinator());

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("dueOn", LocalDate.now().minusMonths(2).plusDays(3).toString(), "goals", List.of(line(goal, "ON_TRACK", 1))))
                .post(plan + "/check-ins").then().statusCode(400).body("violations[0].field", equalTo("dueOn"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(Map.of("goalId", PlanFixtures.id(goal), "status", "FINE"))))
                .post(plan + "/check-ins").then().statusCode(400).body("violations[0].field", equalTo("goals[0].status"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(line(otherGoal, "ON_TRACK", 1))))
                .post(plan + "/check-ins").then().statusCode(400).body("violations[0].field", equalTo("goals[0].goalId"));
        given().auth().oauth2(token(other.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(line(goal, "ON_TRACK", 1))))
                .post(plan + "/check-ins").then().statusCode(404);
    }
}
