package org.partnershippulse.reporting.released;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.reporting.ReportingEventType;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestTokens;

/**
 * Every release is told to partnership-service (pulse.reporting.v1), consent or not: the round and the group figures
 * exactly as members read them, suppression included, and no author, note or reflection.
 */
@QuarkusTest
class ReleasedReportEventTest {

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final RoundSettings SECTORS = new RoundSettings(3, 10, Map.of("EDUCATION", 4, "HEALTH_CARE", 4, "HOUSING", 2),
            Map.of("MEMBER", 10), List.of("SECTOR", "ROLE"));
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReleaseIsPublishedWithTheFiguresMembersSee() throws Exception {
        Partnership p = Partnership.create("Released internally " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(p, SECTORS);
        List<String> private_ = new ArrayList<>();
        String[] sectors = {"EDUCATION", "EDUCATION", "EDUCATION", "EDUCATION", "HEALTH_CARE", "HEALTH_CARE", "HEALTH_CARE", "HOUSING"};
        for (int i = 0; i < sectors.length; i++) {
            String note = "private note " + UUID.randomUUID();
            String reflection = "private reflection " + UUID.randomUUID();
            Response r = Response.of(sectors[i], List.of("MEMBER"), Map.of(T1, i % 2 == 0 ? "CURRENTLY_EXISTS" : "NEEDS_IMMEDIATE_ATTENTION",
                    T2, "NEEDS_WORK_IN_FUTURE")).withNote(T1, note).withReflection("reflection-major-strengths", reflection);
            ReportEvents.submit(p.id(), round, r);
            private_.addAll(List.of(note, reflection, r.responseId().toString()));
        }
        Releases.awaitApplied(round, sectors.length, sectors.length);
        given().auth().oauth2(TestTokens.of(p.coordinator())).when().post("/rounds/{id}/releases", round).then().statusCode(201);

        EventLog.Event interim = EventLog.awaitType(ReportingEventType.TOPIC, ReportingEventType.REPORT_RELEASED.type(),
                d -> round.toString().equals(d.path("roundId").asText()), 1).get(0);
        EventSchemas.assertValid(interim.raw());
        assertEquals(p.id().toString(), interim.key());
        assertEquals("INTERIM", interim.data().path("release").path("trigger").asText());
        assertEquals(8, interim.data().path("release").path("respondents").asInt());
        assertTrue(interim.data().path("closedAt").isNull(), "an open round has no close yet");
        for (String secret : private_) {
            assertFalse(interim.raw().contains(secret), "an author, note or reflection reached partnership-service: " + secret);
        }

        JsonNode report = JSON.readTree(given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/report", round)
                .then().statusCode(200).extract().asString());
        JsonNode figures = interim.data().path("figures");
        assertEquals(List.of("EDUCATION"), groups(figures.path("participation").path("bySector")), "HOUSING and HEALTH_CARE suppressed");
        assertEquals(groups(report.path("participation").path("bySector")), groups(figures.path("participation").path("bySector")));
        assertEquals(report.path("items").size(), figures.path("items").size());
        for (int i = 0; i < report.path("items").size(); i++) {
            assertEquals(report.path("items").get(i).path("mean"), figures.path("items").get(i).path("mean"));
        }
        assertEquals(report.path("instrumentKey").asText(), interim.data().path("instrumentKey").asText());

    }

    private static List<String> groups(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(g -> out.add(g.path("group").asText()));
        return out;
    }
}
