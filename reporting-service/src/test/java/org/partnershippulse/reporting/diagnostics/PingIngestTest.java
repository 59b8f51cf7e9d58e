package org.partnershippulse.reporting.diagnostics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class PingIngestTest {

    @Test
    void pingFromTheTopicBecomesVisible() {
        UUID pingId = UUID.randomUUID();
        TestEvents.publish(AssessmentEventType.TOPIC, pingId.toString(), TestEvents.cloudEvent(UUID.randomUUID(),
                "/assessment-service", AssessmentEventType.PING.type(), pingId.toString(),
                "{\"pingId\":\"" + pingId + "\",\"requestedBy\":\"admin\"}"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                        .when().get("/diagnostics/pings/{id}", pingId)
                        .then().statusCode(200)
                        .body("requestedBy", equalTo("admin")));
    }

    @Test
    void redeliveredPingIsAppliedOnce() {
        UUID pingId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = TestEvents.cloudEvent(eventId, "/assessment-service", AssessmentEventType.PING.type(),
                pingId.toString(), "{\"pingId\":\"" + pingId + "\",\"requestedBy\":\"admin\"}");
        TestEvents.publish(AssessmentEventType.TOPIC, pingId.toString(), event);
        TestEvents.publish(AssessmentEventType.TOPIC, pingId.toString(), event);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                        .when().get("/diagnostics/pings/{id}", pingId).then().statusCode(200));
        // A second insert of the same ping id would have failed the primary key and sent the event to the DLQ.
        List<EventLog.Event> dead = EventLog.readAll("pulse.reporting.dlq.v1").stream()
                .filter(e -> e.raw().contains(pingId.toString())).toList();
        assertEquals(0, dead.size());
    }

    @Test
    void malformedEventGoesToDeadLetterTopicAndConsumptionGoesOn() {
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(AssessmentEventType.TOPIC, marker, "{not json " + marker);
        UUID pingId = UUID.randomUUID();
        TestEvents.publish(AssessmentEventType.TOPIC, marker, TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service",
                AssessmentEventType.PING.type(), marker, "{\"pingId\":\"" + pingId + "\",\"requestedBy\":\"x\"}"));

        List<EventLog.Event> dead = EventLog.awaitRaw("pulse.reporting.dlq.v1", marker, 1);
        assertEquals(1, dead.size());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                        .when().get("/diagnostics/pings/{id}", pingId).then().statusCode(200));
    }

    @Test
    void unknownPingAnswers404Problem() {
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                .when().get("/diagnostics/pings/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
