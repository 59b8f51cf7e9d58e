package org.partnershippulse.assessment.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * With tracing on, the trace of a change crosses Kafka inside its CloudEvent (traceparent): the event a request
 * records carries the request's context, the relay's publish span continues it, and a consumed event's context is
 * the parent of the span that applies it, down to its database statements.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class EventTracingTest {

    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    @Inject
    RecordedSpans spans;

    @Test
    void aRecordedEventCarriesTheRequestsTraceAndItsPublicationContinuesIt() {
        String id = given().auth().oauth2(TestTokens.of(TestUser.ADMIN))
                .when().post("/diagnostics/ping")
                .then().statusCode(202)
                .extract().path("id");
        EventLog.Event event = EventLog.await(AssessmentEventType.TOPIC, e -> id.equals(e.data().path("pingId").asText()), 1).get(0);

        String traceparent = event.value().path("traceparent").asText();
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), "a sampled W3C traceparent: " + traceparent);
        EventSchemas.assertValid(event.raw()); // the extension is in the envelope's contract
        assertEquals(1, event.headers().size(), "the context travels in the event, not in Kafka headers: " + event.headers());
        String traceId = traceparent.substring(3, 35);
        String recordedIn = traceparent.substring(36, 52);

        SpanData publish = await(traceId, s -> s.getKind() == SpanKind.PRODUCER && event.id().equals(s.getAttributes().get(MESSAGE_ID)));
        SpanData request = await(traceId, s -> s.getKind() == SpanKind.SERVER);
        assertEquals(recordedIn, request.getSpanId(), "the event was recorded in the request's span");
        assertTrue(request.getName().contains("/diagnostics/ping"), request.getName());
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "publishing is a child of the request");
        assertEquals(AssessmentEventType.TOPIC + " publish", publish.getName());
        // the request's database statements, the outbox row among them, are in its trace
        await(traceId, s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(request.getSpanId())
                && String.valueOf(s.getAttributes().asMap()).toLowerCase().contains("insert into outbox_event"));
    }

    @Test
    void aConsumedEventsTraceIsTheParentOfItsApplication() {
        String traceId = hex(16);
        String parentSpanId = hex(8);
        UUID eventId = UUID.randomUUID();
        UUID partnershipId = UUID.randomUUID();
        String event = TestEvents.cloudEvent(eventId, "/partnership-service", PartnershipEventType.PARTNERSHIP_CREATED.type(),
                partnershipId.toString(), """
                        {"partnershipId":"%s","name":"Traced %s","status":"ACTIVE","geographyType":"CITY",
                         "geographyName":"Eastside","structure":"STEERING_COMMITTEE","declaredDimension":"COOPERATION",
                         "aspiredDimension":null,"leadOrganisationId":null,"version":1}"""
                        .formatted(partnershipId, partnershipId.toString().substring(0, 6)));
        TestEvents.publish(PartnershipEventType.TOPIC, partnershipId.toString(),
                "{\"traceparent\":\"00-" + traceId + "-" + parentSpanId + "-01\"," + event.substring(1));

        SpanData consume = await(traceId, s -> s.getKind() == SpanKind.CONSUMER && eventId.toString().equals(s.getAttributes().get(MESSAGE_ID)));
        assertEquals(parentSpanId, consume.getParentSpanId(), "the event's context is the parent of its application");
        assertTrue(consume.getName().contains(PartnershipEventType.PARTNERSHIP_CREATED.type()), consume.getName());
        // Hibernate flushes the projection's write at the batch's commit: in the batch's span, of the same trace.
        await(traceId, s -> s.getKind() == SpanKind.CLIENT
                && String.valueOf(s.getAttributes().asMap()).toLowerCase().contains("insert into partnership"));
    }

    private SpanData await(String traceId, java.util.function.Predicate<SpanData> matching) {
        SpanData[] found = new SpanData[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<SpanData> candidates = spans.ofTrace(traceId).stream().filter(matching).toList();
            found[0] = candidates.isEmpty() ? null : candidates.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
