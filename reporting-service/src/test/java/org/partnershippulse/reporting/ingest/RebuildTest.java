package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource db;

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";

    @Test
    void rebuildFromTheTopicsGivesExactlyTheReadModelsOfIncrementalConsumptionAndKeepsTheReleases() throws Exception {
        Partnership p = Partnership.create("Rebuilt", "COOPERATION");
        UUID round = ReportEvents.openRound(p, new RoundSettings(2, 6, Map.of("EDUCATION", 3, "HEALTH_CARE", 3),
                Map.of("MEMBER", 6), List.of("SECTOR", "ROLE")));
        Response revised = Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "CURRENTLY_EXISTS"))
                .withNote(T1, "First thoughts");
        ReportEvents.submit(p.id(), round, revised.revised(2, Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), round, revised);
        String redelivered = ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"),
                Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "NEEDS_IMMEDIATE_ATTENTION")).withReflection("reflection-major-strengths", "Shared data"));
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), redelivered);
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS", T2, "NEEDS_WORK_IN_FUTURE")));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "CURRENTLY_EXISTS")));
        Releases.awaitApplied(round, 4, 5);
        String readModels = readModels(round);
        Releases.cut(round, 4);
        String incremental = report(p.member(), round).body("participation.responded", equalTo(4)).extract().asString();

        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().post("/admin/rebuild")
                .then().statusCode(200).body("eventsApplied", greaterThanOrEqualTo(10));

        // The read models are rebuilt exactly; the release (not a read model) is kept as it was published.
        assertEquals(readModels, readModels(round));
        assertEquals(incremental, report(p.member(), round).extract().asString());
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round).then().statusCode(200)
                .body("totalItems", equalTo(1));
        // Live consumption goes on after the rebuild, and so do releases.
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE")));
        Releases.awaitApplied(round, 6, 7);
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().post("/rounds/{id}/releases", round)
                .then().statusCode(201).body("number", equalTo(2));
        report(p.member(), round).body("participation.responded", equalTo(6));
    }

    /**
     * A rebuild of many slices (300 events each in tests) read ahead while the previous one is written, with new
     * responses written by COPY: the same read models, row for row, as live consumption built. The history has what
     * makes it hard: revisions in a later slice than the first, older revisions arriving after newer ones,
     * redeliveries, and free text with the characters COPY must escape.
     */
    @Test
    void rebuildOfManySlicesEqualsLiveConsumptionRowForRow() throws Exception {
        Partnership p = Partnership.create("Rebuilt at scale", "COOPERATION");
        UUID round = ReportEvents.openRound(p, new RoundSettings(2, 2_000, Map.of("EDUCATION", 700, "HEALTH_CARE", 700,
                "BUSINESS", 600), Map.of("MEMBER", 1_500, "LEAD", 500), List.of("SECTOR", "ROLE")));
        List<String> values = List.of("NEEDS_IMMEDIATE_ATTENTION", "NEEDS_WORK_IN_FUTURE", "CURRENTLY_EXISTS");
        List<String> sectors = List.of("EDUCATION", "HEALTH_CARE", "BUSINESS");
        java.util.Random random = new java.util.Random(16);
        List<String> first = new java.util.ArrayList<>();
        List<String> later = new java.util.ArrayList<>();
        List<String> latest = new java.util.ArrayList<>();
        int responses = 1_200;
        int revisions = 0;
        for (int i = 0; i < responses; i++) {
            Response r = Response.of(sectors.get(i % 3), List.of(i % 4 == 0 ? "LEAD" : "MEMBER"),
                    Map.of(T1, values.get(random.nextInt(3)), T2, values.get(random.nextInt(3))));
            if (i % 10 == 0) {
                r = r.withNote(T1, "tab\there, back\\slash \\N, new\nline, \"quoted\" é " + i);
            }
            if (i % 25 == 0) {
                r = r.withReflection("reflection-major-strengths", "Shared data\tand\\trust " + i);
            }
            UUID respondent = UUID.randomUUID();
            String event = ReportEvents.responseEvent(p.id(), round, r, respondent);
            revisions++;
            if (i % 12 == 0) {
                // revised much later (another slice); every third revision arrives before the first one
                String revised = ReportEvents.responseEvent(p.id(), round, r.revised(2, Map.of(T1, values.get(i % 3))), respondent);
                revisions++;
                if (i % 36 == 0) {
                    first.add(revised);
                    latest.add(event);
                } else {
                    first.add(event);
                    latest.add(revised);
                }
            } else {
                first.add(event);
            }
            if (i % 40 == 0) {
                later.add(event); // a redelivery
            }
        }
        List<String> history = new java.util.ArrayList<>(first);
        history.addAll(later);
        history.addAll(latest);
        publishAll(p.id(), history);
        Releases.awaitApplied(round, responses, revisions);
        String readModels = readModels(round) + responseRows(round);
        Releases.cut(round, responses);
        String incremental = report(p.member(), round).body("participation.responded", equalTo(responses)).extract().asString();

        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().post("/admin/rebuild")
                .then().statusCode(200).body("eventsApplied", greaterThanOrEqualTo(history.size() - later.size()));

        assertEquals(readModels, readModels(round) + responseRows(round));
        assertEquals(incremental, report(p.member(), round).extract().asString());
    }

    /** One producer for the whole history (a producer per event would take minutes). */
    private static void publishAll(UUID partnership, List<String> events) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", org.partnershippulse.testkit.EmbeddedKafkaBroker.shared().bootstrapServers(),
                "acks", "all", "max.in.flight.requests.per.connection", "1");
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                config, new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            for (String event : events) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(ReportEvents.ASSESSMENT_TOPIC, partnership.toString(), event));
            }
            producer.flush();
        }
    }

    /** Every stored response of the round, all columns, as text. */
    private String responseRows(UUID round) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select id, revision, respondent_id, sector, roles, answers, submitted_at from response_view
                where round_id = ? order by id""")) {
            s.setObject(1, round);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    for (int i = 1; i <= 7; i++) {
                        out.append(r.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The round's counts and reflections as the consumer left them, as text. */
    private String readModels(UUID round) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection()) {
            for (String sql : List.of(
                    "select breakdown, group_key, count from respondent_count where round_id = ? and count <> 0 order by 1, 2",
                    "select breakdown, group_key, item_key, option_value, count from answer_count where round_id = ? and count <> 0 order by 1, 2, 3, 4",
                    "select item_key, kind, text from reflection_view where round_id = ? order by 1, 2, 3")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setObject(1, round);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                                out.append(r.getString(i)).append('|');
                            }
                            out.append('\n');
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void onlyPlatformAdministratorsRebuild() {
        given().auth().oauth2(TestTokens.of(TestUser.RIVERA)).when().post("/admin/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/admin/rebuild").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse report(TestUser user, UUID round) {
        return given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", round).then().statusCode(200);
    }
}
