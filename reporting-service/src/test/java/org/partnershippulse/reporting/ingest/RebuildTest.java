package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class RebuildTest {

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";

    @Test
    void rebuildFromTheTopicsGivesExactlyTheReportOfIncrementalConsumption() {
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
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p.member(), round)
                .body("participation.responded", equalTo(4)));
        String incremental = report(p.member(), round).extract().asString();

        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().post("/admin/rebuild")
                .then().statusCode(200).body("eventsApplied", greaterThanOrEqualTo(10));

        String rebuilt = report(p.member(), round).extract().asString();
        assertEquals(incremental, rebuilt);
        // Live consumption goes on after the rebuild.
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p.member(), round)
                .body("participation.responded", equalTo(5)));
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
