package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * One batch holding what a poll can hold: revisions out of order, the same event twice, poison events between good
 * ones. Applied directly, so the batch is exactly this one (through Kafka, polls are cut where the broker cuts them).
 */
@QuarkusTest
class BatchApplyTest {

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";

    @Inject
    EventPipeline pipeline;

    @Inject
    AssessmentEventsConsumer consumer;

    @Inject
    AgroalDataSource db;

    @Test
    void aBatchKeepsEachEventsOutcomeDuplicatesOncePoisonSetAsideNewestRevisionWins() throws Exception {
        Partnership p = Partnership.create("Batched", null);
        UUID round = ReportEvents.openRound(p, new RoundSettings(2, 6, Map.of("EDUCATION", 3, "HEALTH_CARE", 3),
                Map.of("MEMBER", 6), List.of("SECTOR")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p.member(), round));

        Response first = Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "CURRENTLY_EXISTS"))
                .withNote(T1, "Early thoughts");
        Response second = Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS", T2, "NEEDS_WORK_IN_FUTURE"));
        Response third = Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "NEEDS_WORK_IN_FUTURE"));
        String secondEvent = event(p, round, second);
        List<String> batch = List.of(
                event(p, round, first.revised(2, Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS")).withNote(T1, "Second thoughts")),
                event(p, round, first), // older revision, after the newer one: changes nothing
                secondEvent,
                secondEvent, // the same event twice: counted once
                TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service", "org.example.unknown.v1",
                        p.id().toString(), "{\"x\":1}"),
                "{\"not\": \"a cloud event\"}",
                event(p, round, third));

        EventPipeline.Outcome outcome = apply(batch);

        assertEquals(Set.of(4, 5), outcome.poison().keySet());
        assertTrue(outcome.poison().get(4).getMessage().contains("unknown event type"), outcome.poison().toString());
        // Responses change no result by themselves (only a release does): no live stream hears of them.
        assertEquals(List.of(), outcome.afterCommit());
        Releases.cut(round, 3);
        String applied = report(p.member(), round)
                .body("participation.responded", equalTo(3))
                .body(count(T1, "CURRENTLY_EXISTS"), equalTo(2))
                .body(count(T1, "NEEDS_IMMEDIATE_ATTENTION"), equalTo(0))
                .body(count(T1, "NEEDS_WORK_IN_FUTURE"), equalTo(1))
                .body(count(T2, "NEEDS_WORK_IN_FUTURE"), equalTo(2))
                // Only the newest revision's note is listed.
                .body("reflections.find { it.kind == 'NOTE' }.texts", contains("Second thoughts"))
                .extract().asString();

        // Delivered again (a crash before the commit of the offsets): nothing changes, the poison is dead-lettered again.
        EventPipeline.Outcome again = apply(batch);
        assertEquals(Set.of(4, 5), again.poison().keySet());
        assertEquals(List.of(), again.afterCommit());
        assertEquals(applied, report(p.member(), round).extract().asString());
        assertEquals(0, inboxRows(batch.get(4)), "a poison event is not recorded as processed");
    }

    @Test
    void aResponseMovingToAnotherRoundIsPoisonAndTheRestOfTheBatchIsApplied() {
        Partnership p = Partnership.create("Moved", null);
        RoundSettings settings = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());
        UUID round = ReportEvents.openRound(p, settings);
        UUID other = ReportEvents.openRound(p, settings);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p.member(), other));
        Response r = Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS"));

        EventPipeline.Outcome outcome = apply(List.of(event(p, round, r),
                event(p, round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS"))),
                event(p, other, r.revised(2, Map.of(T1, "NEEDS_WORK_IN_FUTURE"))),
                event(p, other, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE"))),
                event(p, other, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE")))));

        assertEquals(Set.of(2), outcome.poison().keySet());
        assertTrue(outcome.poison().get(2).getMessage().contains("moved to another round"));
        Releases.cut(round, 2);
        Releases.cut(other, 2);
        report(p.member(), round).body("participation.responded", equalTo(2)).body(count(T1, "CURRENTLY_EXISTS"), equalTo(2));
        report(p.member(), other).body("participation.responded", equalTo(2)).body(count(T1, "NEEDS_WORK_IN_FUTURE"), equalTo(2));
    }

    private EventPipeline.Outcome apply(List<String> batch) {
        return QuarkusTransaction.requiringNew().call(() -> pipeline.apply(consumer.handlers(), batch, false));
    }

    private static String event(Partnership p, UUID round, Response r) {
        return ReportEvents.responseEvent(p.id(), round, r, UUID.randomUUID());
    }

    private long inboxRows(String event) throws Exception {
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event).path("id").asText();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String count(String item, String option) {
        return "items.find { it.itemKey == '" + item + "' }.distribution.find { it.value == '" + option + "' }.count";
    }

    private static io.restassured.response.ValidatableResponse report(TestUser user, UUID round) {
        return given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", round).then().statusCode(200);
    }
}
