package org.partnershippulse.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * Benchmarks across partnerships (issue 18, contracts/privacy.md §5), driven by events and releases as in production:
 * six partnerships contribute the means of "Investment in team building activities." (two respondents each, scores
 * 1–3), and a seventh does not. The expected quartiles are computed by hand in the comments.
 */
@QuarkusTest
class BenchmarkResourceTest {

    private static final String ITEM = "trust-team-building";
    private static final RoundSettings TWO = new RoundSettings(2, 2, Map.of(), Map.of(), List.of());
    private static final double EPS = 1e-9;
    /** Scores 1, 2, 3 of the PAI status scale. */
    private static final String[] OPTION = {null, "NEEDS_IMMEDIATE_ATTENTION", "NEEDS_WORK_IN_FUTURE", "CURRENTLY_EXISTS"};

    /** An instrument version of this test only: other tests' releases never count in its benchmark. */
    private final ObjectNode instrument = ReportEvents.instrument()
            .put("key", "benchmark-test-" + UUID.randomUUID().toString().substring(0, 8));

    /** Opens a round of the partnership, two respondents answer the item with these scores, and a release is cut. */
    private UUID released(Partnership p, int a, int b) {
        UUID round = ReportEvents.openRound(p.id(), TWO, instrument);
        for (int score : new int[] {a, b}) {
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(ITEM, OPTION[score])));
        }
        Releases.cut(round, 2);
        return round;
    }

    @Inject
    BenchmarkOptIns optIns;

    private Partnership contributing(String name) {
        Partnership p = Partnership.create(name, "COOPERATION");
        p.contributeToBenchmarks(true, 1);
        awaitOptIn(p, true);
        return p;
    }

    private void awaitOptIn(Partnership p, boolean contributes) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> optIns.contributes(p.id()) == contributes));
    }

    private static JsonPath benchmark(TestUser reader, UUID round) {
        return given().auth().oauth2(TestTokens.of(reader)).get("/rounds/{id}/benchmark", round)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static void assertNothingShown(JsonPath b) {
        assertEquals(false, b.getBoolean("available"));
        assertEquals(List.of(), b.getList("sections"));
        assertEquals(List.of(), b.getList("items"));
        assertNull(b.get("contributingPartnerships"));
    }

    private static void assertFigure(JsonPath b, double mean, double q1, double median, double q3, int percentile) {
        assertEquals(true, b.getBoolean("available"));
        assertEquals(ITEM, b.getString("items[0].key"));
        assertEquals(1, b.getList("items").size());
        assertEquals(mean, b.getDouble("items[0].mean"), EPS);
        assertEquals(q1, b.getDouble("items[0].q1"), EPS);
        assertEquals(median, b.getDouble("items[0].median"), EPS);
        assertEquals(q3, b.getDouble("items[0].q3"), EPS);
        assertEquals(percentile, b.getInt("items[0].percentile"));
        // the trust section holds only this item's answers: the same figures
        assertEquals("trust", b.getString("sections[0].key"));
        assertEquals(q1, b.getDouble("sections[0].q1"), EPS);
        assertEquals(median, b.getDouble("sections[0].median"), EPS);
    }

    private int coverage() {
        JsonPath page = given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).queryParam("size", 100)
                .get("/admin/benchmarks").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> instrument.path("key").asText().equals(i.get("instrumentKey")))
                .mapToInt(i -> (Integer) i.get("contributingPartnerships")).findFirst().orElse(0);
    }

    @Test
    void sixContributorsQuartilesAndNothingBelowTheMinimumOrWithoutOptIn() {
        List<Partnership> p = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.add(contributing("Benchmark " + i));
        }
        Partnership outsider = Partnership.create("Not contributing", "COOPERATION");
        UUID outsiderRound = released(outsider, 3, 3);

        // four contribute (means 1.0, 1.5, 2.0, 2.5): below the minimum of five, nothing, not even the count
        UUID r0 = released(p.get(0), 1, 1);
        released(p.get(1), 1, 2);
        released(p.get(2), 2, 2);
        UUID r3 = released(p.get(3), 2, 3);
        assertNothingShown(benchmark(p.get(0).member(), r0));
        assertEquals(4, coverage());
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).queryParam("size", 100).get("/admin/benchmarks")
                .then().body("items.find { it.instrumentKey == '" + instrument.path("key").asText() + "' }.aboveMinimum",
                        equalTo(false));

        // the fifth (3.0): sorted 1.0 1.5 2.0 2.5 3.0 -> Q1 1.5, median 2.0, Q3 2.5; 1.0 is at (0 + ½)/5 = 10 %
        released(p.get(4), 3, 3);
        assertFigure(benchmark(p.get(0).member(), r0), 1.0, 1.5, 2.0, 2.5, 10);
        // 2.5: (3 + ½)/5 = 70 %
        assertFigure(benchmark(p.get(3).coordinator(), r3), 2.5, 1.5, 2.0, 2.5, 70);
        // a partnership that has not opted in sees nothing, though its round is released
        assertNothingShown(benchmark(outsider.coordinator(), outsiderRound));
        assertEquals(5, coverage());

        // the sixth joins (3.0), then partnership 1 releases a new round (3.0): one or two changes move nothing
        JsonPath before = benchmark(p.get(0).member(), r0);
        UUID r5 = released(p.get(5), 3, 3);
        released(p.get(1), 3, 3);
        assertEquals(before.prettify(), benchmark(p.get(0).member(), r0).prettify());
        assertNothingShown(benchmark(p.get(5).member(), r5));
        assertEquals(6, coverage());

        // partnerships 2, 3 and 4 release new rounds: five changed since the figures were computed, so new ones show.
        // means now 1.0 (p0), 3.0 (p1), 1.0 (p2), 1.5 (p3), 2.5 (p4), 3.0 (p5): sorted 1.0 1.0 1.5 2.5 3.0 3.0
        // Q1 at 1.25 = 1.0 + ¼·0.5 = 1.125; median at 2.5 = 1.5 + ½·1.0 = 2.0; Q3 at 3.75 = 2.5 + ¾·0.5 = 2.875
        released(p.get(2), 1, 1);
        released(p.get(3), 1, 2);
        released(p.get(4), 2, 3);
        // p0's 1.0: (0 below + 2 equal / 2)/6 = 16.7 -> 17; p5's 3.0: (4 + 1)/6 = 83.3 -> 83
        assertFigure(benchmark(p.get(0).member(), r0), 1.0, 1.125, 2.0, 2.875, 17);
        assertFigure(benchmark(p.get(5).member(), r5), 3.0, 1.125, 2.0, 2.875, 83);
        // an earlier round of a partnership whose contribution is now a later one shows nothing
        assertNothingShown(benchmark(p.get(3).member(), r3));

        // partnership 5 opts out; at its next release its mean leaves, and with one change the figures go dark
        p.get(5).contributeToBenchmarks(false, 2);
        awaitOptIn(p.get(5), false);
        released(p.get(5), 1, 1);
        assertNothingShown(benchmark(p.get(0).member(), r0));
        assertEquals(5, coverage());
    }

    @Test
    void readersOnlyAndBadInput() {
        Partnership mine = Partnership.create("Benchmark readers", "COOPERATION");
        UUID round = ReportEvents.openRound(mine.id(), TWO, instrument);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> given().auth()
                .oauth2(TestTokens.of(mine.member())).get("/rounds/{id}/benchmark", round).statusCode() == 200);
        given().auth().oauth2(TestTokens.of(TestUser.fresh("outsider"))).get("/rounds/{id}/benchmark", round)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of(mine.member())).get("/rounds/{id}/benchmark", "not-a-round")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("roundId"));
        given().auth().oauth2(TestTokens.of(mine.coordinator())).get("/admin/benchmarks")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).queryParam("size", 0).get("/admin/benchmarks")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).queryParam("sort", "contributingPartnerships").get("/admin/benchmarks")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("sort"));
        given().get("/admin/benchmarks").then().statusCode(401);
        given().auth().oauth2(TestTokens.of(mine.member())).get("/rounds/{id}/benchmark", round)
                .then().body("available", equalTo(false)).body("items", empty());
    }
}
