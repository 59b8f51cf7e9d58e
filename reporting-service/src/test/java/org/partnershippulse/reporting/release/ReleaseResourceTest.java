package org.partnershippulse.reporting.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.security.RespondentIds;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * Results change only in releases (contracts/privacy.md §4): every read, before and after one person submits or
 * revises, is the same; a release shows changes only when at least the minimum changed.
 */
@QuarkusTest
class ReleaseResourceTest {

    static final String KEY = "test-respondent-key";
    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String CE = "CURRENTLY_EXISTS";
    static final String NIA = "NEEDS_IMMEDIATE_ATTENTION";
    static final String NWF = "NEEDS_WORK_IN_FUTURE";
    static final String PAI = "bcr-partnership-assessment-inventory";
    static final RoundSettings MINIMUM_THREE = new RoundSettings(3, 10, Map.of(), Map.of(), List.of());

    @Test
    void oneSubmissionOrRevisionChangesNoReadUntilTheMinimumChangedAndIsReleased() {
        Partnership p = Partnership.create("Releases " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(p, MINIMUM_THREE);
        Response mine = Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE, T2, CE));
        ReportEvents.submit(p.id(), round, mine, RespondentIds.of(KEY, p.member().subject(), round));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, CE, T2, NIA)));
        ReportEvents.submit(p.id(), round, Response.of("HOUSING", List.of("MEMBER"), Map.of(T1, NWF, T2, NIA)));
        JsonPath first = Releases.cut(round, 3);
        assertEquals(1, first.getInt("number"));
        assertEquals(3, first.getInt("respondents"));
        assertEquals("INTERIM", first.getString("trigger"));
        Map<String, String> released = reads(p, round);
        report(p, round).body("release.number", equalTo(1)).body("participation.responded", equalTo(3))
                .body(distribution(T1, CE), equalTo(2));

        // One more answer: no read changes, and it cannot be released on its own.
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, NIA, T2, NIA)));
        Releases.awaitApplied(round, 4, 4);
        assertEquals(released, reads(p, round));
        Releases.request(p.coordinator(), round).then().statusCode(409).contentType("application/problem+json")
                .body("detail", startsWith("Not released: 1 respondent's answers wait for at least 3"));
        assertEquals(released, reads(p, round));

        // Two more: three changed, released together.
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, NIA, T2, CE)));
        ReportEvents.submit(p.id(), round, Response.of("HOUSING", List.of("MEMBER"), Map.of(T1, CE, T2, CE)));
        Releases.awaitApplied(round, 6, 6);
        assertEquals(released, reads(p, round));
        Releases.request(p.coordinator(), round).then().statusCode(201).body("number", equalTo(2)).body("respondents", equalTo(6));
        report(p, round).body("release.number", equalTo(2)).body("participation.responded", equalTo(6))
                .body(distribution(T1, CE), equalTo(3)).body(distribution(T1, NIA), equalTo(2));
        Releases.request(p.coordinator(), round).then().statusCode(409)
                .body("detail", equalTo("Nothing to release: no answers changed since release 2"));
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round).then().statusCode(200)
                .body("items.number", equalTo(List.of(2, 1))).body("totalItems", equalTo(2));

        // One person revises: their own view shows it, no group figure moves, and closing does not release it alone.
        Map<String, String> second = reads(p, round);
        ReportEvents.submit(p.id(), round, mine.revised(2, Map.of(T1, NIA, T2, CE)), RespondentIds.of(KEY, p.member().subject(), round));
        Releases.awaitApplied(round, 6, 7);
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/me", round).then().statusCode(200)
                .body("revision", equalTo(2)).body("release.number", equalTo(2))
                .body("items.find { it.itemKey == '" + T1 + "' }.mine.value", equalTo(NIA))
                .body("items.find { it.itemKey == '" + T1 + "' }.group.distribution.find { it.value == '" + CE + "' }.count", equalTo(3));
        assertEquals(groupFigures(second), groupFigures(reads(p, round)));
        ReportEvents.closeRound(p.id(), round);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p, round).body("status", equalTo("CLOSED")));
        report(p, round).body("release.number", equalTo(2)).body(distribution(T1, CE), equalTo(3));
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round).then()
                .body("totalItems", equalTo(2));
    }

    @Test
    void closingARoundReleasesItsResultsAndAReopenedRoundIsReleasedAgainAtItsNextClose() {
        Partnership p = Partnership.create("Close " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(p, MINIMUM_THREE);
        for (int i = 0; i < 3; i++) {
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE)));
        }
        Releases.awaitApplied(round, 3, 3);
        report(p, round).body("release", nullValue()).body("participation.responded", equalTo(0));
        ReportEvents.closeRound(p.id(), round);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p, round)
                .body("release.number", equalTo(1)).body("participation.responded", equalTo(3)));
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round).then().statusCode(200)
                .body("items[0].trigger", equalTo("CLOSE")).body("items[0].respondents", equalTo(3));

        ReportEvents.reopenRound(p.id(), round);
        for (int i = 0; i < 3; i++) {
            ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, NIA)));
        }
        Releases.awaitApplied(round, 6, 6);
        report(p, round).body("release.number", equalTo(1)).body("participation.responded", equalTo(3));
        ReportEvents.closeRound(p.id(), round);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p, round)
                .body("release.number", equalTo(2)).body("participation.responded", equalTo(6))
                .body(distribution(T1, NIA), equalTo(3)));
    }

    @Test
    void everyGroupTheReportShowsNeedsTheMinimumOfChanges() {
        Partnership p = Partnership.create("Groups " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(p, new RoundSettings(3, 12, Map.of(), Map.of(), List.of("SECTOR")));
        for (int i = 0; i < 3; i++) {
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE)));
            ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, NIA)));
        }
        Releases.cut(round, 6);
        report(p, round).body("participation.bySector.group", equalTo(List.of("EDUCATION", "HEALTH_CARE")));
        // Three new answers, but EDUCATION would move by two and HEALTH_CARE by one.
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, NWF)));
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, NWF)));
        ReportEvents.submit(p.id(), round, Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, NWF)));
        Releases.awaitApplied(round, 9, 9);
        Releases.request(p.coordinator(), round).then().statusCode(409)
                .body("detail", startsWith("Not released: 3 respondents' answers wait for at least 3"));
        report(p, round).body("release.number", equalTo(1)).body("participation.responded", equalTo(6));
    }

    @Test
    void onlyCoordinatorsAndAdministratorsCutReleasesAndOutsidersAreToldTheRoundDoesNotExist() {
        Partnership p = Partnership.create("Access " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(p, MINIMUM_THREE);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(p, round));

        Releases.request(p.coordinator(), round).then().statusCode(409)
                .body("detail", equalTo("Nothing to release: nobody has answered yet"));
        Releases.request(TestUser.freshAdmin(), round).then().statusCode(409);
        Releases.request(p.member(), round).then().statusCode(403).contentType("application/problem+json");
        Releases.request(TestUser.OUTSIDER, round).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).when().get("/rounds/{id}/releases", round).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round).then().statusCode(200)
                .body("items", equalTo(List.of())).body("totalItems", equalTo(0));
        given().auth().oauth2(TestTokens.of(p.member())).queryParam("sort", "respondents")
                .when().get("/rounds/{id}/releases", round).then().statusCode(400).body("violations.field", hasItem("sort"));
        given().auth().oauth2(TestTokens.of(p.coordinator())).when().post("/rounds/not-a-round/releases")
                .then().statusCode(400).body("violations.field", hasItem("roundId"));
        given().when().post("/rounds/{id}/releases", round).then().statusCode(401);
    }

    @Test
    void aFormerMemberNoLongerSeesTheGroupBesideTheirOwnAnswers() {
        Partnership p = Partnership.create("Revoked " + UUID.randomUUID(), null);
        TestUser leaving = TestUser.fresh("leaving");
        UUID role = p.grant(leaving, "MEMBER");
        UUID round = ReportEvents.openRound(p, MINIMUM_THREE);
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE)),
                RespondentIds.of(KEY, leaving.subject(), round));
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE)));
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, NIA)));
        Releases.cut(round, 3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(leaving)).when().get("/rounds/{id}/me", round).then().statusCode(200)
                        .body("items.find { it.itemKey == '" + T1 + "' }.group.responses", equalTo(3)));

        p.revoke(role, leaving, "MEMBER");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(leaving)).when().get("/rounds/{id}/me", round)
                        .then().statusCode(404).contentType("application/problem+json"));
        given().auth().oauth2(TestTokens.of(leaving)).when().get("/rounds/{id}/report", round).then().statusCode(404);
    }

    /** Every result read of the round, as text. */
    private static Map<String, String> reads(Partnership p, UUID round) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TestUser u : List.of(p.coordinator(), p.member())) {
            out.put(u.username() + " report", get(u, "/rounds/" + round + "/report"));
            out.put(u.username() + " csv", get(u, "/rounds/" + round + "/report.csv"));
            out.put(u.username() + " trends", get(u, "/partnerships/" + p.id() + "/trends?instrumentKey=" + PAI));
        }
        out.put("personal view", get(p.member(), "/rounds/" + round + "/me"));
        return out;
    }

    private static String get(TestUser user, String path) {
        io.restassured.response.Response r = given().auth().oauth2(TestTokens.of(user)).when().get(path);
        return r.statusCode() + " " + r.header(org.partnershippulse.reporting.roundreport.RoundReportResource.RELEASE_HEADER)
                + " " + r.asString();
    }

    /** The reads without the caller's own answers (which change when they revise, as they should). */
    private static Map<String, String> groupFigures(Map<String, String> reads) {
        Map<String, String> out = new LinkedHashMap<>(reads);
        out.put("personal view", reads.get("personal view").replaceAll("\"mine\":\\{[^}]*}", "")
                .replaceAll("\"(revision|submittedAt)\":[^,]*,", "").replaceAll("\"(profile|texts)\":\\[[^]]*]", ""));
        return out;
    }

    private static io.restassured.response.ValidatableResponse report(Partnership p, UUID round) {
        return given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round).then().statusCode(200);
    }

    private static String distribution(String item, String value) {
        return "items.find { it.itemKey == '" + item + "' }.distribution.find { it.value == '" + value + "' }.count";
    }
}
