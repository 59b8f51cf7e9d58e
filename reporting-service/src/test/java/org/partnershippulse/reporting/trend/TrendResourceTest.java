package org.partnershippulse.reporting.trend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
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
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class TrendResourceTest {

    static final String T1 = "trust-understanding-partners";
    static final String PAI = "bcr-partnership-assessment-inventory";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of("EDUCATION", 4), Map.of("MEMBER", 4), List.of());

    @Test
    void itemsAndSectionsAreFollowedAcrossRoundsAndWithheldRoundsHaveNoValue() throws InterruptedException {
        Partnership p = Partnership.create("Trending", null);
        // Round 1: T1 twice Needs Immediate Attention → 1.0. Round 2: Exists and Needs work → 2.5. Round 3: one answer,
        // not released.
        UUID first = ReportEvents.openRound(p, MINIMUM_TWO);
        ReportEvents.submit(p.id(), first, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION")));
        ReportEvents.submit(p.id(), first, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION")));
        Thread.sleep(5);
        UUID second = ReportEvents.openRound(p, MINIMUM_TWO);
        ReportEvents.submit(p.id(), second, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), second, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE")));
        Thread.sleep(5);
        UUID third = ReportEvents.openRound(p, MINIMUM_TWO);
        ReportEvents.submit(p.id(), third, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
        Releases.cut(first, 2);
        Releases.cut(second, 2);
        // The third round's one answer is never released on its own.
        Releases.awaitApplied(third, 1, 1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.member())).queryParam("instrumentKey", PAI)
                        .when().get("/partnerships/{id}/trends", p.id())
                        .then().statusCode(200)
                        .body("rounds.roundId", contains(first.toString(), second.toString(), third.toString()))
                        .body("rounds.responded", contains(2, 2, 0))
                        .body("rounds[0].release.number", equalTo(1))
                        .body("rounds[1].release.number", equalTo(1))
                        .body("rounds[2].release", nullValue())
                        .body("rounds.resultsWithheld", contains(false, false, true))
                        .body("items.find { it.key == '" + T1 + "' }.points.value", contains(1.0f, 2.5f, null))
                        .body("items.find { it.key == '" + T1 + "' }.change", equalTo(1.5f))
                        .body("sections.find { it.key == 'trust' }.points[0].value", equalTo(1.0f))
                        .body("sections.find { it.key == 'trust' }.points[2].value", nullValue()));
    }

    @Test
    void outsidersAreToldThePartnershipDoesNotExistAndTheInstrumentIsRequired() {
        Partnership p = Partnership.create("Private trend", null);
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).queryParam("instrumentKey", PAI)
                .when().get("/partnerships/{id}/trends", p.id())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin()))
                .when().get("/partnerships/{id}/trends", p.id())
                .then().statusCode(400).body("violations.field", hasItem("instrumentKey"));
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).queryParam("instrumentKey", PAI)
                .when().get("/partnerships/not-a-uuid/trends")
                .then().statusCode(400).body("violations.field", hasItem("partnershipId"));
    }
}
