package org.partnershippulse.reporting.comparison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
class ComparisonResourceTest {

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String C1 = "capacity-early-strategic-plan";
    static final String EXISTS = "CURRENTLY_EXISTS";
    static final String WORK = "NEEDS_WORK_IN_FUTURE";
    static final String ATTENTION = "NEEDS_IMMEDIATE_ATTENTION";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());
    static final double D = 1e-9;

    @Test
    void itemsAndSectionsShowEachRoundsMeanAndTopShareAndTheChangeAndWithheldItemsStayWithheld() {
        Partnership p = Partnership.create("Comparing", null);
        // From: T1 = 1, 2 (mean 1.5, top share 0); T2 = 3, 3 (3.0, 1.0); C1 answered once: withheld.
        UUID from = ReportEvents.openRound(p, MINIMUM_TWO);
        submit(p, from, Map.of(T1, ATTENTION, T2, EXISTS, C1, EXISTS));
        submit(p, from, Map.of(T1, WORK, T2, EXISTS));
        // To: T1 = 3, 3, 2 (2.6667, 0.6667); T2 = 3, 2, 1 (2.0, 0.3333); C1 answered once: withheld.
        UUID to = ReportEvents.openRound(p, MINIMUM_TWO);
        submit(p, to, Map.of(T1, EXISTS, T2, EXISTS));
        submit(p, to, Map.of(T1, EXISTS, T2, WORK));
        submit(p, to, Map.of(T1, WORK, T2, ATTENTION, C1, EXISTS));
        Releases.cut(from, 2);
        Releases.cut(to, 3);

        JsonPath c = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> compare(p.member(), p.id(), from, to, 200),
                json -> json.getInt("to.responded") == 3 && json.getInt("from.responded") == 2);

        assertEquals(1, c.getInt("from.release.number"));
        assertEquals(1, c.getInt("to.release.number"));
        assertEquals(0.5, c.getDouble("from.rate"), D);
        assertEquals(0.75, c.getDouble("to.rate"), D);
        assertItem(c, T1, 1.5, 0.0, 2.6667, 0.6667, 1.1667, 0.6667);
        assertItem(c, T2, 3.0, 1.0, 2.0, 0.3333, -1.0, -0.6667);
        // Trust: from 1, 2, 3, 3 → 2.25 and 2/4 at the top; to 3, 3, 2, 3, 2, 1 → 2.3333 and 3/6.
        String trust = "sections.find { it.key == 'trust' }";
        assertEquals(2.25, c.getDouble(trust + ".from.mean"), D);
        assertEquals(0.5, c.getDouble(trust + ".from.topShare"), D);
        assertEquals(2.3333, c.getDouble(trust + ".to.mean"), D);
        assertEquals(0.5, c.getDouble(trust + ".to.topShare"), D);
        assertEquals(0.0833, c.getDouble(trust + ".meanChange"), D);
        assertEquals(0.0, c.getDouble(trust + ".topShareChange"), D);
        String plan = "items.find { it.key == '" + C1 + "' }";
        assertTrue(c.getBoolean(plan + ".from.withheld"));
        assertTrue(c.getBoolean(plan + ".to.withheld"));
        assertNull(c.get(plan + ".to.mean"));
        assertNull(c.get(plan + ".meanChange"));
        assertFalse(c.getList("sections.key").contains("capacity-building"), "a section of withheld items only is not shown");
    }

    @Test
    void roundsOfAnotherInstrumentOrPartnershipAndOutsidersAreRefused() {
        Partnership p = Partnership.create("Comparing apart", null);
        Partnership other = Partnership.create("Someone else", null);
        UUID from = ReportEvents.openRound(p, MINIMUM_TWO);
        UUID elsewhere = ReportEvents.openRound(other, MINIMUM_TWO);
        UUID otherInstrument = ReportEvents.openRound(p.id(), MINIMUM_TWO,
                ReportEvents.instrument().put("key", "wested-essential-conditions"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", otherInstrument)
                        .then().statusCode(200));

        given().auth().oauth2(TestTokens.of(p.coordinator())).queryParam("from", from).queryParam("to", otherInstrument)
                .when().get("/partnerships/{id}/comparison", p.id())
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("to"));
        given().auth().oauth2(TestTokens.of(p.coordinator())).queryParam("from", from).queryParam("to", elsewhere)
                .when().get("/partnerships/{id}/comparison", p.id()).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(p.coordinator())).queryParam("from", "nope").queryParam("to", from)
                .when().get("/partnerships/{id}/comparison", p.id())
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(TestTokens.of(p.coordinator())).queryParam("from", from)
                .when().get("/partnerships/{id}/comparison", p.id())
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).queryParam("from", from).queryParam("to", from)
                .when().get("/partnerships/{id}/comparison", p.id()).then().statusCode(404);
    }

    private static void assertItem(JsonPath c, String item, double fromMean, double fromTop, double toMean, double toTop,
                                   double meanChange, double topChange) {
        String path = "items.find { it.key == '" + item + "' }";
        assertEquals("trust", c.getString(path + ".sectionKey"));
        assertEquals(fromMean, c.getDouble(path + ".from.mean"), D, item);
        assertEquals(fromTop, c.getDouble(path + ".from.topShare"), D, item);
        assertEquals(toMean, c.getDouble(path + ".to.mean"), D, item);
        assertEquals(toTop, c.getDouble(path + ".to.topShare"), D, item);
        assertEquals(meanChange, c.getDouble(path + ".meanChange"), D, item);
        assertEquals(topChange, c.getDouble(path + ".topShareChange"), D, item);
    }

    private static void submit(Partnership p, UUID round, Map<String, String> answers) {
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), answers));
    }

    static JsonPath compare(TestUser user, UUID partnership, UUID from, UUID to, int status) {
        return given().auth().oauth2(TestTokens.of(user)).queryParam("from", from).queryParam("to", to)
                .when().get("/partnerships/{id}/comparison", partnership).then().statusCode(status).extract().jsonPath();
    }
}
