package org.partnershippulse.reporting.personal;

import org.partnershippulse.kit.security.RespondentIds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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

/** The caller recognised by the respondentId assessment-service derives from their login (shared key in test config). */
@QuarkusTest
class PersonalViewResourceTest {

    static final String KEY = "test-respondent-key";
    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String C1 = "capacity-early-strategic-plan";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());

    @Test
    void aRespondentSeesTheirLatestAnswersBesideTheGroupsAndNobodyElseSeesThem() {
        Partnership p = Partnership.create("Personal", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        UUID me = RespondentIds.of(KEY, p.member().subject(), round);
        Response mine = Response.of("EDUCATION", List.of("MEMBER"),
                Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "CURRENTLY_EXISTS", C1, "CURRENTLY_EXISTS"));
        ReportEvents.submit(p.id(), round, mine, me);
        ReportEvents.submit(p.id(), round, Response.of("HEALTH", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS")));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS", T2, "NEEDS_WORK_IN_FUTURE")));
        // The revision: T1 becomes Needs work; a reflection is added.
        ReportEvents.submit(p.id(), round, mine.revised(2, Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "CURRENTLY_EXISTS",
                C1, "CURRENTLY_EXISTS")).withReflection("reflection-major-strengths", "We listen"), me);
        Releases.awaitApplied(round, 3, 4);
        Releases.cut(round, 3);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/me", round)
                        .then().statusCode(200)
                        .body("revision", equalTo(2))
                        .body("release.number", equalTo(1))
                        .body("kind", equalTo("GROUP"))
                        .body(item(T1) + ".mine.value", equalTo("NEEDS_WORK_IN_FUTURE"))
                        .body(item(T1) + ".mine.score", equalTo(2))
                        .body(item(T1) + ".group.responses", equalTo(3))
                        .body(item(T1) + ".group.distribution.find { it.value == 'CURRENTLY_EXISTS' }.count", equalTo(2))
                        // Only I answered C1: my answer is mine to see, the group's is withheld.
                        .body(item(C1) + ".mine.value", equalTo("CURRENTLY_EXISTS"))
                        .body(item(C1) + ".group.withheld", equalTo(true))
                        .body(item(C1) + ".group.distribution", empty())
                        // My trust profile: (2 + 3) / 2.
                        .body("profile.find { it.key == 'trust' }.meanScore", equalTo(2.5f))
                        .body("texts.text", contains("We listen"))
                        .body("coverage", empty()));

        given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/me", round)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).when().get("/rounds/{id}/me", round).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/not-a-round/me")
                .then().statusCode(400).body("violations.field", hasItem("roundId"));
    }

    @Test
    void aPersonalInstrumentShowsAPersonTheirProfileAndThePartnershipOnlyAnonymousCoverage() {
        Partnership p = Partnership.create("Leaders", null);
        UUID round = ReportEvents.openRound(p.id(), MINIMUM_TWO, ReportEvents.leadershipInstrument());
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"),
                        Map.of("visionary", "5", "trust-builder", "2", "entrepreneur", "4"))
                .withReflection("self-reflection-strengths", "I listen well"), RespondentIds.of(KEY, p.member().subject(), round));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH", List.of("MEMBER"), Map.of("visionary", "4", "trust-builder", "3")));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH", List.of("MEMBER"), Map.of("visionary", "1", "trust-builder", "5")));
        Releases.cut(round, 3);

        // Visionary 5, 4, 1: two of three at 4–5. Trust builder 2, 3, 5: one. Entrepreneur answered once: withheld.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round)
                        .then().statusCode(200)
                        .body("participation.responded", equalTo(3))
                        .body("items", empty())
                        .body("sections", empty())
                        .body("reflections", empty())
                        .body("coverage.itemKey", contains("entrepreneur", "trust-builder", "visionary"))
                        .body(coverage("visionary") + ".ratedHigh", equalTo(2))
                        .body(coverage("visionary") + ".share", equalTo(0.6667f))
                        .body(coverage("visionary") + ".highOptions", contains("4", "5"))
                        .body(coverage("trust-builder") + ".ratedHigh", equalTo(1))
                        .body(coverage("entrepreneur") + ".withheld", equalTo(true))
                        .body(coverage("entrepreneur") + ".ratedHigh", nullValue()));

        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/me", round)
                .then().statusCode(200)
                .body("kind", equalTo("PERSONAL"))
                .body(item("visionary") + ".mine.score", equalTo(5))
                .body(item("visionary") + ".group", nullValue())
                .body("profile.find { it.key == 'roles' }.meanScore", equalTo(3.6667f))
                .body("texts.text", contains("I listen well"))
                .body(coverage("visionary") + ".ratedHigh", equalTo(2));
    }

    private static String item(String key) {
        return "items.find { it.itemKey == '" + key + "' }";
    }

    private static String coverage(String key) {
        return "coverage.find { it.itemKey == '" + key + "' }";
    }
}
