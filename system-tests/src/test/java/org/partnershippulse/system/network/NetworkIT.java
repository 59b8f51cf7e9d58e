package org.partnershippulse.system.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * Issue 18's "done when": a 12-organisation partnership built through the API runs a relationship round where each
 * designated respondent rates the eleven others; once the round closes (and is released), the network report's
 * density, degree centralisation, reciprocity and per-pair averages match this test's own calculation.
 */
@ExtendWith(RunningSystem.class)
class NetworkIT {

    static final List<String> SECTORS = List.of("GOVERNMENT", "CHILD_WELFARE", "EDUCATION", "HEALTH_CARE",
            "BEHAVIORAL_HEALTH", "HOUSING", "LAW_ENFORCEMENT_LEGAL", "COMMUNITY_BASED_ORGANIZATION", "FAITH_BASED",
            "PHILANTHROPY", "UNIVERSITY_RESEARCH", "LIVED_EXPERIENCE");
    static final List<String> LEVELS = List.of("NONE", "NETWORKING", "COOPERATION", "COLLABORATION", "INTEGRATION");
    static final List<String> AMOUNTS = List.of("NOT_AT_ALL", "A_LITTLE", "A_FAIR_AMOUNT", "A_GREAT_DEAL");
    static final List<String> VALUE = List.of("value-power-influence", "value-involvement", "value-resources");
    static final List<String> TRUST = List.of("trust-reliability", "trust-mission-commitment", "trust-openness");
    static final double EPS = 1e-9;

    final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());

    @Test
    void aTwelveOrganisationRelationshipRoundGivesTheNetworkFiguresOfItsOwnCalculation() {
        String tag = Long.toString(Instant.now().getEpochSecond(), 36);
        Coalition c = Coalition.assemble(api, "net" + tag, 12, 0, SECTORS, null);
        String coordinator = c.coordinator();
        String base = "/partnerships/" + c.partnershipId();
        Map<String, String> orgBySector = new HashMap<>();
        for (JsonNode m : api.get(PulseService.PARTNERSHIP, coordinator, base + "/memberships?size=100").path("items")) {
            orgBySector.put(m.path("sector").asText(), m.path("organisationId").asText());
        }
        List<String> orgs = SECTORS.stream().map(orgBySector::get).toList(); // member i answers for orgs[i]
        List<String> people = new ArrayList<>();
        for (String member : c.members()) {
            people.add(api.get(PulseService.PARTNERSHIP, member, "/me").path("person").path("id").asText());
        }
        // assessment-service learns of the people from events: the designation is accepted once it knows all twelve
        Map<String, Object> round = Map.of("instrumentKey", "partner-relationships", "instrumentVersion", 1,
                "title", "Who works with whom " + tag, "audience", Map.of("type", "PEOPLE", "personIds", people));
        String[] created = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            PulseApi.Reply r = api.call("POST", PulseService.ASSESSMENT, coordinator, base + "/rounds", round, null);
            created[0] = r.ok() ? r.body().path("id").asText() : null;
            return r.ok();
        });
        String roundId = created[0];
        api.ok("POST", PulseService.ASSESSMENT, coordinator, base + "/rounds/" + roundId + "/open", null);

        // level[i][j]: what i says of j; value and trust amounts (1–4) per rating; a fixed seed keeps it reproducible
        Random random = new Random(18);
        int n = 12;
        int[][] level = new int[n][n];
        int[][] value = new int[n][n];
        int[][] trust = new int[n][n];
        for (int i = 0; i < n; i++) {
            List<Map<String, Object>> ratings = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                // neighbours on a ring work together closely, others sometimes; i's view of j may differ from j's of i
                level[i][j] = Math.abs(i - j) == 1 || Math.abs(i - j) == n - 1 ? 3 : random.nextInt(3) == 0 ? random.nextInt(3) : 0;
                value[i][j] = 1 + random.nextInt(4);
                trust[i][j] = 1 + random.nextInt(4);
                Map<String, Object> answers = new LinkedHashMap<>();
                answers.put("relationship-level", Map.of("value", LEVELS.get(level[i][j])));
                if (level[i][j] > 0) {
                    String v = AMOUNTS.get(value[i][j] - 1);
                    String t = AMOUNTS.get(trust[i][j] - 1);
                    answers.put("interaction-frequency", Map.of("value", "MONTHLY"));
                    VALUE.forEach(k -> answers.put(k, Map.of("value", v)));
                    TRUST.forEach(k -> answers.put(k, Map.of("value", t)));
                }
                ratings.add(Map.of("organisationId", orgs.get(j), "answers", answers));
            }
            String response = "/rounds/" + roundId + "/response";
            api.ok("PUT", PulseService.ASSESSMENT, c.members().get(i), response, Map.of("answers", Map.of(), "ratings", ratings));
            api.ok("POST", PulseService.ASSESSMENT, c.members().get(i), response + "/submit", null);
        }
        api.ok("POST", PulseService.ASSESSMENT, coordinator, base + "/rounds/" + roundId + "/close", null);
        String network = "/rounds/" + roundId + "/report/network";
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            PulseApi.Reply r = api.call("GET", PulseService.REPORTING, coordinator, network, null, null);
            return r.ok() && !r.body().path("release").isNull() && r.body().path("organisations").size() == n;
        });
        JsonNode report = api.get(PulseService.REPORTING, c.members().get(5), network);

        // the test's own calculation
        boolean[][] tie = new boolean[n][n];
        int ties = 0, bothSides = 0, alike = 0;
        int[] degree = new int[n];
        Map<Set<String>, double[]> pairs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (level[i][j] == 0 && level[j][i] == 0) {
                    continue;
                }
                tie[i][j] = tie[j][i] = true;
                ties++;
                degree[i]++;
                degree[j]++;
                bothSides++; // everyone rated everyone: every tie is rated from both sides
                alike += level[i][j] == level[j][i] ? 1 : 0;
                double v = 0, t = 0;
                int k = 0;
                for (int[] d : new int[][]{{i, j}, {j, i}}) {
                    if (level[d[0]][d[1]] > 0) { // a rating of NONE judged neither value nor trust
                        v += value[d[0]][d[1]];
                        t += trust[d[0]][d[1]];
                        k++;
                    }
                }
                pairs.put(Set.of(orgs.get(i), orgs.get(j)), new double[]{v / k, t / k});
            }
        }
        int max = 0;
        for (int d : degree) {
            max = Math.max(max, d);
        }
        double spread = 0;
        for (int d : degree) {
            spread += max - d;
        }
        assertNotNull(report.path("release").path("number"));
        assertEquals(ties, report.path("ties").size());
        assertEquals(ties / 66.0, report.path("density").asDouble(), EPS);
        assertEquals(spread / (11.0 * 10.0), report.path("degreeCentralisation").asDouble(), EPS);
        assertEquals(bothSides, report.path("ratedFromBothSides").asInt());
        assertEquals((double) alike / bothSides, report.path("reciprocity").asDouble(), EPS);
        for (JsonNode org : report.path("organisations")) {
            assertEquals(degree[orgs.indexOf(org.path("organisationId").asText())], org.path("degree").asInt(), org.path("name").asText());
        }
        for (JsonNode t : report.path("ties")) {
            double[] expected = pairs.get(Set.of(t.path("organisationA").asText(), t.path("organisationB").asText()));
            assertNotNull(expected, "a tie the test did not expect");
            assertEquals(expected[0], t.path("value").asDouble(), EPS, "value of a pair");
            assertEquals(expected[1], t.path("trust").asDouble(), EPS, "trust of a pair");
        }
    }
}
