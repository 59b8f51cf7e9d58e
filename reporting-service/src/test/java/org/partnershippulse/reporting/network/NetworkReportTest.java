package org.partnershippulse.reporting.network;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * A relationship round of four organisations, consumed from its events, released at close: the network figures
 * against a hand calculation (in the comments), served only from the release and only as pair aggregates.
 */
@QuarkusTest
class NetworkReportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final double EPS = 1e-6; // RestAssured reads JSON numbers as floats

    static ObjectNode relationshipInstrument() {
        ObjectNode i = JSON.createObjectNode().put("key", "partner-relationships").put("kind", "GROUP").put("type", "RELATIONSHIP");
        i.set("title", ReportEvents.text("Relationships between member organisations"));
        i.set("languages", JSON.createArrayNode().add("en"));
        ArrayNode scales = i.putArray("scales");
        ArrayNode level = scales.addObject().put("key", "relationship-level").put("type", "ORDINAL").putArray("options");
        List<String> levels = List.of("NONE", "NETWORKING", "COOPERATION", "COLLABORATION", "INTEGRATION");
        for (int s = 0; s < levels.size(); s++) {
            level.addObject().put("value", levels.get(s)).put("score", s).set("label", ReportEvents.text(levels.get(s)));
        }
        ArrayNode amount = scales.addObject().put("key", "partner-amount").put("type", "ORDINAL").putArray("options");
        List<String> amounts = List.of("NOT_AT_ALL", "A_LITTLE", "A_FAIR_AMOUNT", "A_GREAT_DEAL");
        for (int s = 0; s < amounts.size(); s++) {
            amount.addObject().put("value", amounts.get(s)).put("score", s + 1).set("label", ReportEvents.text(amounts.get(s)));
        }
        ArrayNode sections = i.putArray("sections");
        section(sections, "relationship", "relationship-level", "relationship-level");
        section(sections, "value", "value-power-influence", "partner-amount");
        section(sections, "trust", "trust-reliability", "partner-amount");
        i.putArray("recommendations");
        i.putArray("discussionQuestions");
        return i;
    }

    static void section(ArrayNode sections, String key, String item, String scale) {
        ObjectNode s = sections.addObject().put("key", key);
        s.set("title", ReportEvents.text(key));
        ObjectNode it = s.putArray("items").addObject().put("key", item).put("scale", scale).put("required", false).put("noteAllowed", false);
        it.set("text", ReportEvents.text(item));
    }

    static UUID member(Partnership p, String name, String sector) {
        UUID org = UUID.randomUUID();
        ReportEvents.publishPartnership(p.id(), PartnershipEventType.MEMBERSHIP_STARTED.type(), JSON.createObjectNode()
                .put("membershipId", UUID.randomUUID().toString()).put("partnershipId", p.id().toString())
                .put("organisationId", org.toString()).put("organisationName", name).put("sector", sector)
                .put("role", "MEMBER").put("joinedOn", "2026-01-15").putNull("leftOn").put("version", 1));
        return org;
    }

    /** rated → level and the amount given to value and trust; null level: skipped. */
    static void respond(Partnership p, UUID roundId, UUID rater, Map<UUID, String[]> ratings) {
        ObjectNode data = JSON.createObjectNode().put("roundId", roundId.toString()).put("partnershipId", p.id().toString())
                .put("instrumentKey", "partner-relationships").put("instrumentVersion", 1)
                .put("responseId", UUID.randomUUID().toString()).put("revision", 1)
                .put("respondentId", UUID.randomUUID().toString()).put("organisationId", rater.toString())
                .put("organisationName", "Rater").put("sector", "HEALTH_CARE").put("language", "en")
                .put("submittedAt", Instant.now().toString());
        data.putArray("roles").add("MEMBER");
        data.putArray("answers");
        data.putArray("reflections");
        ArrayNode list = data.putArray("ratings");
        ratings.forEach((rated, r) -> {
            ObjectNode rating = list.addObject().put("organisationId", rated.toString()).put("skipped", r == null);
            ArrayNode answers = rating.putArray("answers");
            if (r != null) {
                answers.addObject().put("itemKey", "relationship-level").put("value", r[0]);
                if (r.length > 1) {
                    answers.addObject().put("itemKey", "value-power-influence").put("value", r[1]);
                    answers.addObject().put("itemKey", "trust-reliability").put("value", r[1]);
                }
            }
        });
        ReportEvents.publishAssessment(p.id(), AssessmentEventType.RESPONSE_SUBMITTED.type(), data);
    }

    static Map<UUID, String[]> of(Object... pairs) {
        Map<UUID, String[]> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((UUID) pairs[i], (String[]) pairs[i + 1]);
        }
        return out;
    }

    static String[] r(String... values) {
        return values;
    }

    @Test
    void theNetworkOfAReleasedRelationshipRoundMatchesAHandCalculation() throws Exception {
        Partnership p = Partnership.create("Network " + UUID.randomUUID(), "COOPERATION");
        UUID a = member(p, "Alder Clinic", "HEALTH_CARE");
        UUID b = member(p, "Birch Hospital", "HEALTH_CARE");
        UUID c = member(p, "Cedar School", "EDUCATION");
        UUID d = member(p, "Dogwood College", "EDUCATION");
        UUID roundId = ReportEvents.openRound(p.id(), new ReportEvents.RoundSettings(3, 4, Map.of("HEALTH_CARE", 2, "EDUCATION", 2),
                Map.of("MEMBER", 4), List.of()), relationshipInstrument());
        String network = "/rounds/" + roundId + "/report/network";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(TestTokens.of(p.member())).get(network).statusCode() == 200);
        // before the first release: nothing
        given().auth().oauth2(TestTokens.of(p.member())).get(network).then().statusCode(200)
                .body("release", nullValue()).body("organisations", hasSize(0)).body("ties", hasSize(0));

        respond(p, roundId, a, of(b, r("COLLABORATION", "A_GREAT_DEAL"), c, r("COOPERATION", "A_FAIR_AMOUNT"), d, r("NONE")));
        respond(p, roundId, b, of(a, r("COLLABORATION", "A_LITTLE"), c, null, d, r("NONE")));
        respond(p, roundId, c, of(a, r("NONE"), b, r("NETWORKING", "A_LITTLE"), d, r("INTEGRATION", "A_GREAT_DEAL")));
        respond(p, roundId, d, of(a, r("NONE"), b, r("NONE"), c, r("INTEGRATION", "A_GREAT_DEAL")));
        Releases.awaitApplied(roundId, 4, 4);
        ReportEvents.closeRound(p.id(), roundId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(TestTokens.of(p.member())).get(network).jsonPath().get("release") != null);

        JsonPath report = given().auth().oauth2(TestTokens.of(p.member())).get(network).then().statusCode(200)
                .body("organisations", hasSize(4))
                .body("ties", hasSize(4))                                  // A–B, A–C, B–C, C–D
                .body("ratedFromBothSides", equalTo(3))                    // A–B, A–C, C–D (B skipped C)
                .body("reciprocated", equalTo(2))                          // A–B, C–D at the same level
                .body("unreciprocated", hasSize(1))
                .body("unreciprocated[0].reportedBy", equalTo(a.toString()))
                .body("unreciprocated[0].notReportedBy", equalTo(c.toString()))
                .body("change", nullValue())
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(4.0 / 6.0, report.getDouble("density"), EPS);
        // degrees 2, 2, 3, 1: (1+1+0+2) / (3·2)
        org.junit.jupiter.api.Assertions.assertEquals(4.0 / 6.0, report.getDouble("degreeCentralisation"), EPS);
        org.junit.jupiter.api.Assertions.assertEquals(2.0 / 3.0, report.getDouble("reciprocity"), EPS);
        org.junit.jupiter.api.Assertions.assertEquals(19.0 / 6.0, report.getDouble("averageValue"), EPS); // 4, 2, 3, 2, 4, 4
        // organisations by sector then name: Cedar, Dogwood, Alder, Birch; Cedar brokers D's paths to A and B
        org.junit.jupiter.api.Assertions.assertEquals(List.of("Cedar School", "Dogwood College", "Alder Clinic", "Birch Hospital"),
                report.getList("organisations.name"));
        org.junit.jupiter.api.Assertions.assertEquals(2.0, report.getDouble("organisations[0].betweenness"), EPS);
        // a tie is the pair's aggregate: A gave B 4, B gave A 2 → 3; no figure of one side alone
        Map<String, Object> ab = report.getList("ties", Map.class).stream()
                .filter(t -> List.of(t.get("organisationA"), t.get("organisationB")).containsAll(List.of(a.toString(), b.toString())))
                .findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(3.0, ((Number) ab.get("value")).doubleValue(), EPS);
        org.junit.jupiter.api.Assertions.assertEquals(2, ab.get("ratedBy"));
        // per sector pair: EDUCATION–EDUCATION 4, 4; EDUCATION–HEALTH 3 (A→C), 2 (C→B); HEALTH–HEALTH 4, 2
        org.junit.jupiter.api.Assertions.assertEquals(List.of(4.0, 2.5, 3.0), report.getList("sectorPairs.averageValue", Float.class)
                .stream().map(Float::doubleValue).toList());

        given().auth().oauth2(TestTokens.of(p.member())).get(network + "/map.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .body(containsString("4 organisations, 4 ties"));
        // the printable page draws the map in the browser: every organisation and every tie of the release
        String dom = org.partnershippulse.reporting.roundreport.ReportPageTest.dumpDom("http://localhost:" + io.restassured.RestAssured.port
                + "/rounds/" + roundId + "/report.html#access_token=" + TestTokens.of(p.member()));
        org.junit.jupiter.api.Assertions.assertTrue(dom.contains("data-rendered=\"true\""), dom);
        org.junit.jupiter.api.Assertions.assertEquals(4, dom.split("class=\"node\"", -1).length - 1, "nodes drawn");
        org.junit.jupiter.api.Assertions.assertEquals(4, dom.split("class=\"tie\"", -1).length - 1, "ties drawn");
        org.junit.jupiter.api.Assertions.assertTrue(dom.contains("Cedar School"));
        // outsiders learn nothing; a round of another instrument has no network
        given().auth().oauth2(TestTokens.of(TestUser.fresh("outsider"))).get(network).then().statusCode(404);
        UUID pai = ReportEvents.openRound(p, new ReportEvents.RoundSettings(3, 4, Map.of(), Map.of(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(TestTokens.of(p.member())).get("/rounds/" + pai + "/report").statusCode() == 200);
        given().auth().oauth2(TestTokens.of(p.member())).get("/rounds/" + pai + "/report/network").then().statusCode(404);
        given().auth().oauth2(TestTokens.of(p.member())).get("/rounds/not-a-round/report/network").then().statusCode(400)
                .body("violations[0].field", equalTo("roundId"));
    }
}
