package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/** Consumption of both topics against the real broker and PostgreSQL: exactly once, newest revision, poison events. */
@QuarkusTest
class ReportIngestTest {

    static final String ITEM = "trust-team-building";
    static final String OTHER = "trust-understanding-partners";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of("EDUCATION", 4), Map.of("MEMBER", 4), List.of("SECTOR"));
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRedeliveredResponseIsCountedOnce() {
        Partnership p = Partnership.create("Idempotent", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        String first = ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "CURRENTLY_EXISTS")));
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), first);
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "NEEDS_WORK_IN_FUTURE")));
        // A marker after the three: once it is applied, so are they (one partition per partnership).
        UUID marker = ReportEvents.openRound(p, MINIMUM_TWO);
        awaitRound(p.coordinator(), marker);
        Releases.cut(round, 2);

        report(p.coordinator(), round)
                .body("participation.responded", equalTo(2))
                .body("items.find { it.itemKey == '" + ITEM + "' }.responses", equalTo(2))
                .body("items.find { it.itemKey == '" + ITEM + "' }.distribution.find { it.value == 'CURRENTLY_EXISTS' }.count", equalTo(1));
    }

    @Test
    void aLaterRevisionReplacesTheEarlierOneInTheCounts() {
        Partnership p = Partnership.create("Revised", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        Response r = Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "NEEDS_IMMEDIATE_ATTENTION", OTHER, "CURRENTLY_EXISTS"));
        ReportEvents.submit(p.id(), round, r);
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "NEEDS_WORK_IN_FUTURE", OTHER, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), round, r.revised(2, Map.of(ITEM, "CURRENTLY_EXISTS", OTHER, "CURRENTLY_EXISTS")));
        UUID marker = ReportEvents.openRound(p, MINIMUM_TWO);
        awaitRound(p.coordinator(), marker);
        Releases.cut(round, 2);

        report(p.coordinator(), round)
                .body("participation.responded", equalTo(2))
                .body(count(ITEM, "NEEDS_IMMEDIATE_ATTENTION"), equalTo(0))
                .body(count(ITEM, "CURRENTLY_EXISTS"), equalTo(1))
                .body(count(OTHER, "CURRENTLY_EXISTS"), equalTo(2));
    }

    @Test
    void anOlderRevisionArrivingAfterANewerOneChangesNothing() {
        Partnership p = Partnership.create("Out of order", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        Response r1 = Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "NEEDS_IMMEDIATE_ATTENTION"));
        ReportEvents.submit(p.id(), round, r1.revised(2, Map.of(ITEM, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), round, r1);
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, "CURRENTLY_EXISTS")));
        UUID marker = ReportEvents.openRound(p, MINIMUM_TWO);
        awaitRound(p.coordinator(), marker);
        Releases.cut(round, 2);

        report(p.coordinator(), round)
                .body("participation.responded", equalTo(2))
                .body(count(ITEM, "CURRENTLY_EXISTS"), equalTo(2))
                .body(count(ITEM, "NEEDS_IMMEDIATE_ATTENTION"), equalTo(0));
    }

    @Test
    void malformedOrUnknownEventsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        Partnership p = Partnership.create("Poison", null);
        String marker = UUID.randomUUID().toString();
        // A round event without its instrument, and an event type nobody declared, on each topic.
        ObjectNode noInstrument = JSON.createObjectNode().put("roundId", UUID.randomUUID().toString())
                .put("partnershipId", p.id().toString()).put("title", marker);
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), TestEvents.cloudEvent(UUID.randomUUID(),
                "/assessment-service", AssessmentEventType.ROUND_OPENED.type(), p.id().toString(), noInstrument.toString()));
        TestEvents.publish(ReportEvents.PARTNERSHIP_TOPIC, p.id().toString(), TestEvents.cloudEvent(UUID.randomUUID(),
                "/partnership-service", "org.example.partnership.renamed.v9", p.id().toString(),
                "{\"marker\":\"" + marker + "\"}"));
        TestEvents.publish(ReportEvents.PARTNERSHIP_TOPIC, p.id().toString(), "{\"not a cloud event\": \"" + marker + "\"");
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        TestUser lateMember = TestUser.fresh("late");
        p.grant(lateMember, "MEMBER");

        List<EventLog.Event> dead = EventLog.awaitRaw(ReportEvents.DLQ, marker, 3);
        assertEquals(3, dead.size());
        assertTrue(dead.stream().allMatch(e -> e.headers().containsKey("dead-letter-reason")), dead.toString());
        assertTrue(dead.stream().anyMatch(e -> e.headers().get("dead-letter-reason").contains("unknown event type")));
        // Both channels went on: the round after the poison is reported, the grant after the poison is applied.
        awaitRound(lateMember, round);
    }

    @Test
    void aRevokedRoleNoLongerReadsAndALaterLinkedPersonDoes() {
        Partnership p = Partnership.create("Roles", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        awaitRound(p.member(), round);
        UUID roleId = UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        TestUser linked = TestUser.fresh("linked");
        ObjectNode granted = JSON.createObjectNode().put("roleId", roleId.toString()).put("partnershipId", p.id().toString())
                .put("personId", personId.toString()).put("personName", "Not yet linked").put("role", "MEMBER")
                .put("grantedAt", Instant.now().toString());
        publish(p, PartnershipEventType.ROLE_GRANTED.type(), granted);
        publish(p, PartnershipEventType.PERSON_UPDATED.type(), JSON.createObjectNode().put("partnershipId", p.id().toString())
                .put("personId", personId.toString()).put("subject", linked.subject()).put("personName", "Now linked"));
        awaitRound(linked, round);

        publish(p, PartnershipEventType.ROLE_REVOKED.type(), granted.deepCopy().put("subject", linked.subject())
                .put("revokedAt", Instant.now().toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(linked)).when().get("/rounds/{id}/report", round).then().statusCode(404));
    }

    private static void publish(Partnership p, String type, ObjectNode data) {
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service", type, p.id().toString(), data.toString());
        org.partnershippulse.testkit.EventSchemas.assertValid(event);
        TestEvents.publish(ReportEvents.PARTNERSHIP_TOPIC, p.id().toString(), event);
    }

    private static String count(String item, String option) {
        return "items.find { it.itemKey == '" + item + "' }.distribution.find { it.value == '" + option + "' }.count";
    }

    private static io.restassured.response.ValidatableResponse report(TestUser user, UUID round) {
        return given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", round).then().statusCode(200);
    }

    private static void awaitRound(TestUser user, UUID round) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", round).then().statusCode(200));
    }
}
