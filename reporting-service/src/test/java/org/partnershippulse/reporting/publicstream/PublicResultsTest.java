package org.partnershippulse.reporting.publicstream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.kit.events.OutboxEvent;
import org.partnershippulse.kit.security.RespondentIds;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * Released results on the public stream (contracts/privacy.md, "Public event stream"): only with the partnership's
 * consent at release time, exactly the group figures the release shows members (suppressed groups absent), never an
 * answer's author, a reflection or a note; nothing when no release is cut.
 */
@QuarkusTest
class PublicResultsTest {

    static final String KEY = "test-respondent-key";
    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String CAP = "capacity-early-strategic-plan";
    static final String CE = "CURRENTLY_EXISTS";
    static final String NIA = "NEEDS_IMMEDIATE_ATTENTION";
    static final String NWF = "NEEDS_WORK_IN_FUTURE";
    static final RoundSettings SECTORS = new RoundSettings(3, 10, Map.of("EDUCATION", 4, "HEALTH_CARE", 4, "HOUSING", 2),
            Map.of("MEMBER", 10), List.of("SECTOR", "ROLE"));
    static final ObjectMapper JSON = new ObjectMapper();

    /** Four EDUCATION, three HEALTH_CARE, one HOUSING respondent, each with a note and a reflection of their own. */
    private static List<String> answer(Partnership p, UUID round) {
        List<String> private_ = new ArrayList<>();
        String[] sectors = {"EDUCATION", "EDUCATION", "EDUCATION", "EDUCATION", "HEALTH_CARE", "HEALTH_CARE", "HEALTH_CARE", "HOUSING"};
        for (int i = 0; i < sectors.length; i++) {
            String note = "note only the group may read " + UUID.randomUUID();
            String reflection = "reflection only the group may read " + UUID.randomUUID();
            Response r = Response.of(sectors[i], List.of("MEMBER"), Map.of(T1, i % 2 == 0 ? CE : NIA, T2, i < 5 ? NWF : CE, CAP, CE))
                    .withNote(T1, note).withReflection("reflection-major-strengths", reflection);
            UUID respondent = i == 0 ? RespondentIds.of(KEY, p.member().subject(), round) : UUID.randomUUID();
            ReportEvents.submit(p.id(), round, r, respondent);
            private_.addAll(List.of(note, reflection, respondent.toString(), r.responseId().toString(), "Org of " + r.responseId()));
        }
        Releases.awaitApplied(round, sectors.length, sectors.length);
        return private_;
    }

    private static long publicOutboxEvents(UUID partnershipId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("messageKey = ?1 and type = ?2",
                partnershipId.toString(), PublicEventType.ROUND_RESULTS_RELEASED.type()));
    }

    private static JsonNode memberReport(Partnership p, UUID round) throws Exception {
        return JSON.readTree(given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/report", round)
                .then().statusCode(200).extract().asString());
    }

    private static void awaitRelease(Partnership p, UUID round, int number) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/releases", round)
                        .then().extract().path("totalItems").equals(number));
    }

    @Test
    void aConsentingPartnershipsReleaseIsPublishedWithExactlyTheFiguresMembersSee() throws Exception {
        Partnership p = Partnership.create("Public results " + UUID.randomUUID(), "COOPERATION");
        p.shareResultsPublicly(true, 1);
        UUID round = ReportEvents.openRound(p, SECTORS);
        List<String> private_ = answer(p, round);
        ReportEvents.closeRound(p.id(), round);

        EventLog.Event event = EventLog.awaitType(PublicEventType.TOPIC, PublicEventType.ROUND_RESULTS_RELEASED.type(),
                d -> round.toString().equals(d.path("roundId").asText()), 1).get(0);
        EventSchemas.assertValid(event.raw());
        assertEquals(p.id().toString(), event.key());
        assertEquals("/reporting-service", event.value().path("source").asText());
        for (String secret : private_) {
            assertFalse(event.raw().contains(secret), "an author, note or reflection on the public stream: " + secret);
        }
        assertFalse(event.raw().contains(p.member().subject()));
        assertFalse(event.raw().contains("reflection"), "no reflection, not even an empty list");

        JsonNode data = event.data();
        JsonNode report = memberReport(p, round);
        assertEquals(1, data.path("release").path("number").asInt());
        assertEquals("CLOSE", data.path("release").path("trigger").asText());
        assertEquals(report.path("release").path("number").asInt(), data.path("release").path("number").asInt());
        assertEquals(8, data.path("participation").path("responded").asInt());
        // HOUSING (1) is below the minimum, and HEALTH_CARE (3) is hidden with it so that 1 cannot be subtracted
        assertEquals(List.of("EDUCATION"), groups(data.path("participation").path("bySector")));
        assertEquals(groups(report.path("participation").path("bySector")), groups(data.path("participation").path("bySector")));
        assertEquals(2, data.path("participation").path("hiddenSectorGroups").asInt());
        assertEquals(report.path("participation").path("byRole"), data.path("participation").path("byRole"));
        assertEquals(report.path("items").size(), data.path("items").size());
        for (int i = 0; i < report.path("items").size(); i++) {
            JsonNode mine = data.path("items").get(i);
            JsonNode theirs = report.path("items").get(i);
            assertEquals(theirs.path("itemKey"), mine.path("itemKey"));
            assertEquals(theirs.path("responses"), mine.path("responses"));
            assertEquals(theirs.path("mean"), mine.path("mean"));
            assertEquals(theirs.path("consensus"), mine.path("consensus"));
            List<String> counts = new ArrayList<>();
            theirs.path("distribution").forEach(o -> counts.add(o.path("value").asText() + "=" + o.path("count").asLong()));
            List<String> published = new ArrayList<>();
            mine.path("distribution").forEach(o -> published.add(o.path("value").asText() + "=" + o.path("count").asLong()));
            assertEquals(counts, published);
        }
        assertTrue(data.path("items").size() > 0);
        assertEquals(1, publicOutboxEvents(p.id()));
    }

    @Test
    void withoutConsentAtReleaseTimeNothingIsPublished() throws Exception {
        Partnership never = Partnership.create("Private results " + UUID.randomUUID(), null);
        UUID round = ReportEvents.openRound(never, SECTORS);
        answer(never, round);
        ReportEvents.closeRound(never.id(), round);
        awaitRelease(never, round, 1);
        assertEquals(0, publicOutboxEvents(never.id()), "released to members, not to the public");

        Partnership withdrawn = Partnership.create("Withdrawn consent " + UUID.randomUUID(), null);
        withdrawn.shareResultsPublicly(true, 1);
        withdrawn.shareResultsPublicly(false, 2);
        UUID other = ReportEvents.openRound(withdrawn, SECTORS);
        answer(withdrawn, other);
        given().auth().oauth2(TestTokens.of(withdrawn.coordinator())).when().post("/rounds/{id}/releases", other)
                .then().statusCode(201);
        assertEquals(0, publicOutboxEvents(withdrawn.id()), "consent withdrawn before the release");
        memberReport(withdrawn, other);
    }

    @Test
    void noReleaseNoPublicResults() {
        Partnership p = Partnership.create("Too few " + UUID.randomUUID(), null);
        p.shareResultsPublicly(true, 1);
        UUID round = ReportEvents.openRound(p, SECTORS);
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, CE)));
        ReportEvents.submit(p.id(), round, Response.of("HOUSING", List.of("MEMBER"), Map.of(T1, NIA)));
        Releases.awaitApplied(round, 2, 2);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().post("/rounds/{id}/releases", round).then().statusCode(409);
        ReportEvents.closeRound(p.id(), round);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "CLOSED".equals(given().auth().oauth2(TestTokens.of(p.member())).when().get("/rounds/{id}/report", round)
                        .then().extract().path("status")));
        assertEquals(0, publicOutboxEvents(p.id()), "two respondents: no release, so nothing to publish");
    }

    private static List<String> groups(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(g -> out.add(g.path("group").asText()));
        return out;
    }
}
