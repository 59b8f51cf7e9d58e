package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;

/**
 * The committed schemas accept additions for subscribers (a later optional property must not break them), while our
 * producers' tests still reject any property the schema does not declare.
 */
class EventSchemasTest {

    private static final String CREATED = PartnershipEventType.PARTNERSHIP_CREATED.type();

    private static String partnershipCreated(String extraData) {
        UUID partnership = UUID.randomUUID();
        return TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service", CREATED, partnership.toString(), """
                {"partnershipId":"%s","name":"Riverside Coalition","status":"FORMING","geographyType":"COUNTY",
                 "geographyName":"Riverside","structure":"COALITION","declaredDimension":null,"aspiredDimension":null,
                 "leadOrganisationId":null,"version":0%s}""".formatted(partnership, extraData));
    }

    private static String responseSubmitted(String extraAnswer) {
        UUID partnership = UUID.randomUUID();
        return TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service", AssessmentEventType.RESPONSE_SUBMITTED.type(),
                partnership.toString(), """
                {"roundId":"%s","partnershipId":"%s","instrumentKey":"pulse","instrumentVersion":1,"responseId":"%s",
                 "revision":1,"respondentId":"%s","roles":["MEMBER"],"language":"en",
                 "answers":[{"itemKey":"trust","value":"4"%s}],"reflections":[],"submittedAt":"2026-03-01T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), partnership, UUID.randomUUID(), UUID.randomUUID(), extraAnswer));
    }

    @Test
    void theEventAsDocumentedIsValidBothWays() {
        String event = partnershipCreated("");
        assertEquals(List.of(), EventSchemas.subscriberErrors(event));
        assertEquals(List.of(), EventSchemas.errors(event));
    }

    @Test
    void aSubscriberAcceptsAPropertyAddedLater() {
        assertEquals(List.of(), EventSchemas.subscriberErrors(partnershipCreated(",\"foundedIn\":2019")));
        assertEquals(List.of(), EventSchemas.subscriberErrors(responseSubmitted(",\"confidence\":\"HIGH\"")));
    }

    @Test
    void aProducerMayNotEmitAnUndeclaredProperty() {
        List<String> errors = EventSchemas.errors(partnershipCreated(",\"foundedIn\":2019"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("foundedIn"), errors.toString());

        List<String> nested = EventSchemas.errors(responseSubmitted(",\"confidence\":\"HIGH\""));
        assertEquals(1, nested.size(), nested.toString());
        assertTrue(nested.get(0).contains("confidence"), nested.toString());
    }

    @Test
    void aProducerMayNotAddAnUndeclaredEnvelopeAttribute() {
        String event = partnershipCreated("").replaceFirst("^\\{", "{\"sequence\":\"42\",");
        assertEquals(List.of(), EventSchemas.subscriberErrors(event));
        List<String> errors = EventSchemas.errors(event);
        assertTrue(errors.stream().anyMatch(e -> e.contains("sequence")), errors.toString());
    }

    /** The Distributed Tracing extension is declared in the envelope: a W3C traceparent passes, a malformed one does not. */
    @Test
    void theTraceContextIsADeclaredEnvelopeAttribute() {
        String traced = partnershipCreated("").replaceFirst("^\\{",
                "{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"tracestate\":\"congo=t61rcWkgMzE\",");
        assertEquals(List.of(), EventSchemas.errors(traced));
        String malformed = partnershipCreated("").replaceFirst("^\\{", "{\"traceparent\":\"00-x\",");
        assertTrue(EventSchemas.errors(malformed).stream().anyMatch(e -> e.contains("traceparent")));
    }

    @Test
    void bothStillRejectWhatTheSchemaForbids() {
        String missingName = partnershipCreated("").replace("\"name\":\"Riverside Coalition\",", "");
        assertTrue(!EventSchemas.subscriberErrors(missingName).isEmpty());
        assertTrue(!EventSchemas.errors(missingName).isEmpty());
    }

    @Test
    void mapsThatDeclareTheirValuesStayOpenInTheStrictCopy() {
        String strict = EventSchemas.strict("""
                {"type":"object","properties":{"title":{"type":"object","additionalProperties":{"type":"string"}},
                 "items":{"type":"array","items":{"type":"object","properties":{"key":{"type":"string"}}}}}}""");
        assertEquals("""
                {"type":"object","properties":{"title":{"type":"object","additionalProperties":{"type":"string"}},\
                "items":{"type":"array","items":{"type":"object","properties":{"key":{"type":"string"}},\
                "unevaluatedProperties":false}}},"unevaluatedProperties":false}""", strict);
    }
}
