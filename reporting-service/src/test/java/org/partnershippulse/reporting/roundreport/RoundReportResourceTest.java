package org.partnershippulse.reporting.roundreport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * Events produced to the real broker as the other services would, then the report read over HTTP and checked against
 * numbers computed by hand (see the comments).
 */
@QuarkusTest
class RoundReportResourceTest {

    static final String CE = "CURRENTLY_EXISTS";
    static final String NIA = "NEEDS_IMMEDIATE_ATTENTION";
    static final String NWF = "NEEDS_WORK_IN_FUTURE";
    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String C1 = "capacity-early-strategic-plan";

    Partnership partnership;
    UUID roundId;
    List<Response> responses;

    /**
     * Minimum 3. Six respondents: EDUCATION 3, HEALTH_CARE 2, HOUSING 1; roles MEMBER 5, COORDINATOR 1.
     * T1: CE 5, NWF 1. T2: CE 1, NIA 3, NWF 2. C1: CE 1, NIA 4, NWF 1.
     */
    @BeforeEach
    void sixResponsesToAPaiRound() {
        partnership = Partnership.create("Riverside BCR " + UUID.randomUUID(), "COLLABORATION");
        roundId = ReportEvents.openRound(partnership, new RoundSettings(3, 8,
                Map.of("EDUCATION", 4, "HEALTH_CARE", 3, "HOUSING", 1), Map.of("MEMBER", 6, "COORDINATOR", 2),
                List.of("SECTOR", "ROLE")));
        responses = new ArrayList<>(List.of(
                Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE, T2, NIA, C1, NIA))
                        .withReflection("reflection-major-strengths", "Strong trust between agencies"),
                Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE, T2, NIA, C1, NIA)),
                Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE, T2, NWF, C1, NIA)),
                Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, CE, T2, CE, C1, CE)),
                Response.of("HEALTH_CARE", List.of("MEMBER"), Map.of(T1, NWF, T2, NIA, C1, NWF)),
                Response.of("HOUSING", List.of("COORDINATOR"), Map.of(T1, CE, T2, NWF, C1, NIA))
                        .withNote(C1, "We never wrote a plan")));
        responses.forEach(r -> ReportEvents.submit(partnership.id(), roundId, r));
    }

    @Test
    void reportMatchesHandComputedParticipationDistributionsAndConsensus() {
        JsonPath report = awaitReport(partnership.coordinator(), roundId, 6);

        // Participation: 6 of 8.
        assertEquals(8, report.getInt("participation.invited"));
        assertEquals(0.75, report.getDouble("participation.rate"), 1e-9);
        // T1: mean (5·3 + 2)/6 = 2.8333, median of 2,3,3,3,3,3 = 3, Tastle–Wierman 0.7658.
        Map<String, Object> t1 = item(report, T1);
        assertEquals(6, ((Number) t1.get("responses")).intValue());
        assertEquals(2.8333, ((Number) t1.get("mean")).doubleValue(), 1e-9);
        assertEquals(3.0, ((Number) t1.get("median")).doubleValue(), 1e-9);
        assertEquals(0.7658, ((Number) t1.get("consensus")).doubleValue(), 1e-9);
        assertEquals(false, t1.get("divergent"));
        // T2: mean 10/6 = 1.6667, median of 1,1,1,2,2,3 = 1.5, Tastle–Wierman 0.3557: divergent.
        Map<String, Object> t2 = item(report, T2);
        assertEquals(1.6667, ((Number) t2.get("mean")).doubleValue(), 1e-9);
        assertEquals(1.5, ((Number) t2.get("median")).doubleValue(), 1e-9);
        assertEquals(0.3557, ((Number) t2.get("consensus")).doubleValue(), 1e-9);
        assertEquals(true, t2.get("divergent"));
        // C1: NIA 4 of 6 = 0.6667; mean 9/6 = 1.5; median 1; Tastle–Wierman 0.3208.
        Map<String, Object> c1 = item(report, C1);
        assertEquals(0.6667, share(c1, NIA), 1e-9);
        assertEquals(1.0, ((Number) c1.get("median")).doubleValue(), 1e-9);
        assertEquals(0.3208, ((Number) c1.get("consensus")).doubleValue(), 1e-9);
        // Trust: 12 answers, CE 6, NIA 3, NWF 3; mean (17 + 10)/12 = 2.25, i.e. 0.625 of the way from 1 to 3.
        Map<String, Object> trust = report.getMap("sections.find { it.key == 'trust' }");
        assertEquals(12, ((Number) trust.get("answers")).intValue());
        assertEquals(2.25, ((Number) trust.get("meanScore")).doubleValue(), 1e-9);
        assertEquals(0.625, ((Number) trust.get("normalisedScore")).doubleValue(), 1e-9);
    }

    @Test
    void sectorsAndRolesBelowTheMinimumAreHiddenAndSoIsWhatWouldRevealThem() {
        JsonPath report = awaitReport(partnership.coordinator(), roundId, 6);

        // HEALTH_CARE (2) and HOUSING (1) are below 3; together 3, so EDUCATION may show.
        assertEquals(List.of("EDUCATION"), report.getList("participation.bySector.group"));
        assertEquals(3, report.getInt("participation.bySector[0].responded"));
        assertEquals(0.75, report.getDouble("participation.bySector[0].rate"), 1e-9);
        assertEquals(2, report.getInt("participation.hiddenSectorGroups"));
        // COORDINATOR (1) is below 3, and MEMBER (5) would reveal it as 6 − 5: both hidden.
        assertEquals(List.of(), report.getList("participation.byRole"));
        assertEquals(2, report.getInt("participation.hiddenRoleGroups"));
        // One shown sector: no sector comparison.
        assertEquals(List.of(), report.getList("sectorDifferences"));
    }

    @Test
    void highlightsAgendaAndRecommendationsFollowTheRatings() {
        JsonPath report = awaitReport(partnership.member(), roundId, 6);

        assertEquals(List.of(T1), report.getList("highlights.strengths.itemKey"));
        // C1: 4/6 at Needs Immediate Attention; T2: 3/6.
        assertEquals(List.of(C1, T2), report.getList("highlights.priorities.itemKey"));
        assertEquals(List.of(C1, T2), report.getList("highlights.divergent.itemKey"));
        assertEquals(List.of(C1, T2),
                report.getList("agenda.find { it.key == 'problematic-attributes' }.items.itemKey"));
        assertEquals(List.of(T1),
                report.getList("agenda.find { it.key == 'build-on-strengths' }.items.itemKey"));
        // Capacity building (mean 1.5: lower half) gets its things to try, Start here first; trust (0.625) does not.
        assertEquals(List.of("Map who brings which resources.", "Revisit the plan yearly."),
                report.getList("recommendations.findAll { it.source == 'WESTED_THINGS_TO_TRY' }.text"));
        // Needs Immediate Attention: trust 3/12 = 25%, capacity building 4/6 = 67%: both at or above 25%.
        assertEquals(List.of("Develop Clear Outcomes and Objectives",
                        "Understand Roles and Responsibilities", "Communicate, Communicate, Communicate", "Share Resources"),
                report.getList("recommendations.findAll { it.source == 'BCR_GUIDELINE' }.title"));
    }

    @Test
    void reflectionsAndNotesAreListedWithoutAnyAuthor() {
        String body = awaitReport(partnership.coordinator(), roundId, 6).prettify();

        given().auth().oauth2(TestTokens.of(partnership.coordinator())).when().get("/rounds/{id}/report", roundId)
                .then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .body("reflections.find { it.kind == 'REFLECTION' }.texts", contains("Strong trust between agencies"))
                .body("reflections.find { it.kind == 'NOTE' }.itemKey", equalTo(C1))
                .body("reflections.find { it.kind == 'NOTE' }.texts", contains("We never wrote a plan"));
        for (Response r : responses) {
            assertFalse(body.contains(r.responseId().toString()), "response id leaked");
        }
        assertFalse(body.contains("Org of"), "organisation leaked");
        assertFalse(body.contains("respondentId"), "respondent leaked");
    }

    @Test
    void perItemTableIsAvailableAsCsv() {
        awaitReport(partnership.coordinator(), roundId, 6);

        String csv = given().auth().oauth2(TestTokens.of(partnership.coordinator()))
                .when().get("/rounds/{id}/report.csv", roundId)
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("round-" + roundId))
                .header("Cache-Control", "no-store")
                .header(RoundReportResource.RELEASE_HEADER, startsWith("number=1; cut-at="))
                .extract().asString();
        assertTrue(csv.startsWith(ReportCsv.HEADER + "\r\n"));
        assertTrue(csv.contains(
                "trust," + T1 + ",Time spent to develop understanding of partners' strengths.,ORDINAL,6,false,"
                        + CE + ",Currently Exists/ Maintain,3,5,0.8333,2.8333,3.0,0.7658,false\r\n"), csv);
    }

    @Test
    void coordinatorsMembersAndAdministratorsReadOthersAreToldItDoesNotExist() {
        awaitReport(partnership.coordinator(), roundId, 6);

        given().auth().oauth2(TestTokens.of(partnership.member())).when().get("/rounds/{id}/report", roundId).then().statusCode(200);
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().get("/rounds/{id}/report", roundId).then().statusCode(200);
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).when().get("/rounds/{id}/report", roundId)
                .then().statusCode(404).contentType("application/problem+json").body("detail", not(containsString("partnership")));
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).when().get("/rounds/{id}/report.csv", roundId)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/rounds/{id}/report", roundId).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void invalidRoundIdOrLanguageIsAProblemNamingTheParameter() {
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().get("/rounds/not-a-uuid/report")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("roundId"));
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).queryParam("lang", "english")
                .when().get("/rounds/{id}/report", roundId)
                .then().statusCode(400).body("violations.field", hasItem("lang"));
        given().auth().oauth2(TestTokens.of(TestUser.freshAdmin())).when().get("/rounds/{id}/report", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void fewerRespondentsThanTheMinimumAreNeverReleased() {
        UUID small = ReportEvents.openRound(partnership, new RoundSettings(3, 8, Map.of("EDUCATION", 8), Map.of("MEMBER", 8),
                List.of("SECTOR")));
        ReportEvents.submit(partnership.id(), small, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE))
                .withReflection("reflection-major-strengths", "Only I said this"));
        ReportEvents.submit(partnership.id(), small, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, NIA)));
        Releases.awaitApplied(small, 2, 2);

        // A first release would show two people's answers: it waits for a third.
        Releases.request(partnership.coordinator(), small).then().statusCode(409).contentType("application/problem+json")
                .body("detail", startsWith("Not released: 2 respondents' answers wait for at least 3"));
        given().auth().oauth2(TestTokens.of(partnership.coordinator())).when().get("/rounds/{id}/report", small)
                .then().statusCode(200)
                .body("release", nullValue())
                .body("resultsWithheld", equalTo(true))
                .body("participation.responded", equalTo(0))
                .body("participation.invited", equalTo(8))
                .body("participation.bySector", empty())
                .body("items", empty())
                .body("reflections", empty())
                .body("dimensions", nullValue());
        given().auth().oauth2(TestTokens.of(partnership.coordinator())).when().get("/rounds/{id}/report.csv", small)
                .then().statusCode(200).header(RoundReportResource.RELEASE_HEADER, equalTo("none"))
                .body(not(containsString("Only I said this")));
    }

    /** Cuts a release once reporting has applied this many responses, then reads the report. */
    static JsonPath awaitReport(TestUser user, UUID roundId, int responded) {
        Releases.cut(roundId, responded);
        JsonPath[] out = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                out[0] = given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", roundId)
                        .then().statusCode(200).body("participation.responded", equalTo(responded))
                        .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)));
        return out[0];
    }

    static Map<String, Object> item(JsonPath report, String key) {
        return report.getMap("items.find { it.itemKey == '" + key + "' }");
    }

    static double share(Map<String, Object> item, String option) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> distribution = (List<Map<String, Object>>) item.get("distribution");
        return distribution.stream().filter(o -> option.equals(o.get("value")))
                .mapToDouble(o -> ((Number) o.get("share")).doubleValue()).findFirst().orElseThrow();
    }
}
