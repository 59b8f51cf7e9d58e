package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.improvement.PlanData;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;

@QuarkusTest
class ImprovementEventsTest {

    @Test
    void everyWriteOfTheImprovementContextIsPublishedValidAndKeyedByPartnership() {
        Fixtures.World world = Fixtures.world("Improvement events");
        String coordinator = token(world.coordinator());
        String measures = "/partnerships/" + world.partnershipId() + "/measures";
        String measure = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("name", "Shared data", "kind", "PROCESS", "unit", "%", "baseline", 40, "target", 90,
                        "direction", "HIGHER_IS_BETTER")).post(measures).then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(coordinator).get(measures + "/" + measure).then().extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Shared data, monthly", "kind", "PROCESS", "unit", "%", "baseline", 40, "target", 90,
                        "direction", "HIGHER_IS_BETTER")).put(measures + "/" + measure).then().statusCode(200);
        String plan = PlanFixtures.plan(world, 1);
        String planEtag = given().auth().oauth2(coordinator).get(plan).then().extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", planEtag)
                .body(Map.of("title", "Renamed plan", "startsOn", LocalDate.now().minusMonths(1).toString()))
                .put(plan).then().statusCode(200);
        Map<String, Object> body = PlanFixtures.goalBody(world, world.coordinatorOrganisation());
        body.put("measureId", measure);
        body.put("thingToTry", Map.of("key", "wested/condition-6/start-here/1"));
        String goal = PlanFixtures.goal(world, plan, body);
        String commitment = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.memberOrganisation(), "contribution", "Data by the 5th",
                        "dueOn", LocalDate.now().plusMonths(1).toString()))
                .post(goal + "/commitments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(Map.of())
                .post(goal + "/commitments/" + commitment + "/signature").then().statusCode(200);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(Map.of("goalId", PlanFixtures.id(goal), "status", "ON_TRACK", "value", 55))))
                .post(plan + "/check-ins").then().statusCode(201);

        Set<String> improvement = Arrays.stream(PartnershipEventType.values())
                .filter(t -> t.dataType().getPackage() == PlanData.class.getPackage())
                .map(PartnershipEventType::type).collect(Collectors.toSet());
        // measure defined, changed; plan created, changed; goal set; commitment made, signed; check-in; measure value; goal changed
        List<EventLog.Event> events = EventLog.await(PartnershipEventType.TOPIC,
                e -> world.partnershipId().toString().equals(e.key()) && improvement.contains(e.type()), 10);
        events.forEach(e -> EventSchemas.assertValid(e.raw()));
        assertEquals(improvement, events.stream().map(EventLog.Event::type).collect(Collectors.toSet()));
        EventLog.Event set = events.stream().filter(e -> e.type().equals(PartnershipEventType.GOAL_SET.type())).findFirst().orElseThrow();
        assertEquals("trust-3", set.data().path("findings").path(0).path("key").asText());
        assertEquals("ITEM", set.data().path("findings").path(0).path("kind").asText());
        assertEquals("wested/condition-6/start-here/1", set.data().path("thingToTry").path("key").asText());
        EventLog.Event value = events.stream().filter(e -> e.type().equals(PartnershipEventType.MEASURE_RECORDED.type())).findFirst().orElseThrow();
        assertEquals(55, value.data().path("value").asInt());
        assertEquals(PlanFixtures.id(goal), value.data().path("goalId").asText());
    }
}
