package org.partnershippulse.assessment.diagnostics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class DiagnosticsResourceTest {

    @Test
    void pingIsPublishedAsValidCloudEventKeyedByItsId() {
        String id = given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                .when().post("/diagnostics/ping")
                .then().statusCode(202)
                .extract().path("id");

        List<EventLog.Event> events = EventLog.await(AssessmentEventType.TOPIC, e -> id.equals(e.data().path("pingId").asText()), 1);

        assertEquals(1, events.size());
        EventLog.Event event = events.get(0);
        assertEquals(id, event.key());
        assertEquals(AssessmentEventType.PING.type(), event.type());
        assertEquals("application/cloudevents+json; charset=UTF-8", event.contentType());
        assertEquals("admin", event.data().path("requestedBy").asText());
        EventSchemas.assertValid(event.raw());
        // tracing is off unless an OTLP endpoint is configured: the event carries no trace context
        assertFalse(event.value().has("traceparent"), event.raw());
    }

    @Test
    void onlyPlatformAdministratorsMayPing() {
        given().auth().oauth2(TestTokens.of(TestUser.OKAFOR))
                .when().post("/diagnostics/ping")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/forbidden"));
    }
}
