package org.partnershippulse.system.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.NodeProject;
import org.partnershippulse.systemkit.NodeProject.Run;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;

/**
 * Issue 13: the TypeScript client in {@code clients/typescript} as a frontend team uses it. Installs it
 * ({@code npm ci}), generates the types from the committed contracts, compiles everything with {@code tsc --strict}
 * (0 errors required) and runs the mission example against the running system with real Keycloak logins made for
 * the test; then checks what the example printed against what the services answer. Needs Node.js 20+ and npm.
 */
@ExtendWith(RunningSystem.class)
class TypeScriptClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TS_ERROR = Pattern.compile("error TS\\d+");
    private static final String COORDINATOR = "tsclient-coordinator";
    private static final List<String> MEMBERS = List.of("tsclient-member-1", "tsclient-member-2", "tsclient-member-3");

    private final PulseEnvironment env = RunningSystem.env();
    private final PulseApi api = new PulseApi(env, RunningSystem.keycloak());
    private final Path clientDir = env.repoRoot().resolve("clients/typescript");
    private final NodeProject client = new NodeProject(clientDir, env.repoRoot().resolve("system-tests/target/typescript-client"));
    private final Map<String, Long> millis = new LinkedHashMap<>();

    @Test
    void theGeneratedClientCompilesStrictlyAndWalksAWholeRound() throws Exception {
        long t0 = System.nanoTime();
        client.requireNode();
        npm("ci", Duration.ofMinutes(5), Map.of(), true, "ci", "--no-audit", "--no-fund");
        npm("generate", Duration.ofMinutes(2), Map.of(), true, "run", "generate");
        for (String service : List.of("partnership", "assessment", "reporting")) {
            assertTrue(Files.size(clientDir.resolve("src/generated/" + service + ".ts")) > 0, service + " types generated");
        }
        Run typecheck = npm("typecheck", Duration.ofMinutes(3), Map.of(), false, "run", "typecheck");
        int errors = count(TS_ERROR, typecheck.output() + typecheck.stderr());
        assertEquals(0, errors, "tsc --strict errors in clients/typescript:\n" + typecheck.output());
        assertEquals(0, typecheck.exit(), "npm run typecheck failed:\n" + typecheck.output());
        assertTrue(typecheck.output().contains("no type escapes"), "typecheck also looks for any, casts and suppressions:\n"
                + typecheck.output());

        ensureUsers();
        Map<String, String> environment = new HashMap<>();
        environment.put("PULSE_PARTNERSHIP_URL", env.baseUri(PulseService.PARTNERSHIP));
        environment.put("PULSE_ASSESSMENT_URL", env.baseUri(PulseService.ASSESSMENT));
        environment.put("PULSE_REPORTING_URL", env.baseUri(PulseService.REPORTING));
        environment.put("PULSE_OIDC_ISSUER", env.issuer());
        environment.put("PULSE_OIDC_CLIENT_ID", "pulse-frontend");
        environment.put("PULSE_ADMIN", "admin:admin");
        environment.put("PULSE_COORDINATOR", COORDINATOR + ":" + COORDINATOR);
        environment.put("PULSE_MEMBERS", String.join(",", MEMBERS.stream().map(m -> m + ":" + m).toList()));
        environment.put("PULSE_EXAMPLE_TAG", "TypeScriptClientIT " + UUID.randomUUID().toString().substring(0, 8));
        String output = npm("example", Duration.ofMinutes(5), environment, true, "run", "--silent", "example").output();
        JsonNode summary = JSON.readTree(output.substring(output.indexOf('{')));

        checkAgainstTheServices(summary);
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("TYPESCRIPT CLIENT | npm ci %d ms | generate %d ms | typecheck %d ms, %d errors | example %d ms "
                        + "(partnership %s, round %s, %d respondents, release %d, %d sections, %d CSV rows) | total %d ms%n",
                millis.get("ci"), millis.get("generate"), millis.get("typecheck"), errors, millis.get("example"),
                summary.path("partnershipId").asText(), summary.path("roundId").asText(),
                summary.path("report").path("responded").asInt(), summary.path("report").path("release").path("number").asInt(),
                summary.path("report").path("sections").size(), summary.path("csv").path("rows").asInt(), total);
    }

    /** Everything the example says it did, read back from the services (as the coordinator and each member). */
    private void checkAgainstTheServices(JsonNode summary) {
        String partnershipId = summary.path("partnershipId").asText();
        String roundId = summary.path("roundId").asText();
        assertFalse(partnershipId.isEmpty() || roundId.isEmpty(), "the summary names the partnership and the round: " + summary);

        // partnership-service: the partnership, the coordinator and each member with their role and organisation
        JsonNode partnership = api.get(PulseService.PARTNERSHIP, COORDINATOR, "/partnerships/" + partnershipId);
        assertEquals(summary.path("partnershipName").asText(), partnership.path("name").asText());
        assertTrue(partnership.path("vision").asText().startsWith("Every child"), "the If-Match update landed: " + partnership);
        Map<String, List<String>> rolesByPerson = new HashMap<>();
        for (JsonNode role : api.get(PulseService.PARTNERSHIP, COORDINATOR,
                "/partnerships/" + partnershipId + "/roles?size=100").path("items")) {
            rolesByPerson.computeIfAbsent(role.path("personId").asText(), k -> new ArrayList<>()).add(role.path("role").asText());
        }
        assertEquals(List.of("COORDINATOR"), rolesByPerson.get(summary.path("coordinator").path("personId").asText()));
        assertEquals(MEMBERS.size(), summary.path("members").size());
        for (JsonNode member : summary.path("members")) {
            String username = member.path("username").asText();
            assertEquals(List.of("MEMBER"), rolesByPerson.get(member.path("personId").asText()), username + "'s roles");
            JsonNode me = api.get(PulseService.PARTNERSHIP, username, "/me");
            assertEquals(member.path("personId").asText(), me.path("person").path("id").asText(), username + " is linked to their person");
            assertEquals(member.path("organisationId").asText(), me.path("person").path("organisationId").asText());
            // assessment-service: only the author reads a response; each is submitted once
            JsonNode response = api.get(PulseService.ASSESSMENT, username, "/rounds/" + roundId + "/response");
            assertEquals("SUBMITTED", response.path("status").asText(), username + "'s response");
            assertEquals(1, response.path("revision").asInt(), username + "'s response");
        }

        // assessment-service: the round, closed by the coordinator, with everyone invited and the members responded
        JsonNode round = api.get(PulseService.ASSESSMENT, COORDINATOR, "/partnerships/" + partnershipId + "/rounds/" + roundId);
        assertEquals("CLOSED", round.path("status").asText());
        assertEquals(COORDINATOR, round.path("closedBy").asText());
        assertEquals(MEMBERS.size() + 1, round.path("invitedCount").asInt());
        assertEquals(round.path("invitedCount").asInt(), summary.path("round").path("invitedCount").asInt());
        JsonNode participation = api.get(PulseService.ASSESSMENT, COORDINATOR,
                "/partnerships/" + partnershipId + "/rounds/" + roundId + "/participation");
        assertEquals(MEMBERS.size(), participation.path("respondedCount").asInt());
        assertEquals(MEMBERS.size(), summary.path("participation").path("responded").asInt());

        // reporting-service: the release cut at close, its section means, the CSV and the trend point of this round
        JsonNode report = api.get(PulseService.REPORTING, COORDINATOR, "/rounds/" + roundId + "/report");
        JsonNode printed = summary.path("report");
        assertNotNull(report.get("release"), "the closed round has a release");
        assertEquals(report.path("release").path("number").asInt(), printed.path("release").path("number").asInt());
        assertEquals(MEMBERS.size(), report.path("participation").path("responded").asInt());
        assertEquals(MEMBERS.size(), printed.path("responded").asInt());
        assertFalse(report.path("resultsWithheld").asBoolean(), "3 respondents reach the minimum group size 3");
        assertFalse(printed.path("resultsWithheld").asBoolean());
        Map<String, Double> means = new LinkedHashMap<>();
        report.path("sections").forEach(s -> means.put(s.path("key").asText(), s.path("meanScore").isNumber() ? s.path("meanScore").asDouble() : null));
        Map<String, Double> printedMeans = new LinkedHashMap<>();
        printed.path("sections").forEach(s -> printedMeans.put(s.path("key").asText(), s.path("meanScore").isNumber() ? s.path("meanScore").asDouble() : null));
        assertFalse(means.isEmpty(), "the report has section results: " + report);
        assertTrue(means.values().stream().anyMatch(v -> v != null), "some section has a mean: " + means);
        assertEquals(means, printedMeans, "section means printed by the example");

        HttpResponse<String> csv = exchange(COORDINATOR, "/rounds/" + roundId + "/report.csv", "text/csv");
        assertEquals(200, csv.statusCode());
        String header = csv.body().lines().findFirst().orElse("");
        assertTrue(header.startsWith("section_key,item_key,"), "CSV header: " + header);
        assertEquals(header, summary.path("csv").path("header").asText());
        assertEquals(csv.body().lines().filter(l -> !l.isEmpty()).count() - 1, summary.path("csv").path("rows").asLong());

        JsonNode trend = api.get(PulseService.REPORTING, COORDINATOR, "/partnerships/" + partnershipId
                + "/trends?instrumentKey=" + summary.path("instrument").path("key").asText());
        List<String> trendRounds = new ArrayList<>();
        trend.path("rounds").forEach(r -> trendRounds.add(r.path("roundId").asText()));
        assertEquals(List.of(roundId), trendRounds, "the partnership's only round is the trend's");
        Map<String, Double> trendPoints = new LinkedHashMap<>();
        trend.path("sections").forEach(s -> s.path("points").forEach(p -> {
            if (p.path("roundId").asText().equals(roundId)) {
                trendPoints.put(s.path("key").asText(), p.path("value").isNumber() ? p.path("value").asDouble() : null);
            }
        }));
        Map<String, Double> printedPoints = new LinkedHashMap<>();
        summary.path("trends").path("sections").forEach(s -> s.path("points").forEach(p ->
                printedPoints.put(s.path("key").asText(), p.path("value").isNumber() ? p.path("value").asDouble() : null)));
        assertEquals(trendPoints, printedPoints, "trend points printed by the example");
        means.forEach((section, mean) -> {
            if (mean != null && trendPoints.containsKey(section)) {
                assertEquals(mean, trendPoints.get(section), 1e-9, "the trend point of " + section + " is the report's mean");
            }
        });
    }

    /** The example's logins: made in Keycloak with verified e-mails (password = username), as Coalition makes its users. */
    private void ensureUsers() {
        List<Keycloak.User> users = new ArrayList<>();
        for (String username : concat(COORDINATOR, MEMBERS)) {
            users.add(new Keycloak.User(UUID.nameUUIDFromBytes(("pulse-user/" + username).getBytes(StandardCharsets.UTF_8)),
                    username, "TS", username.replace("tsclient-", "")));
        }
        RunningSystem.keycloak().ensureUsers(users);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private HttpResponse<String> exchange(String user, String path, String accept) {
        try {
            return api.exchange("GET", PulseService.REPORTING, user, path, null, Map.of("Accept", accept), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e.getMessage(), e);
        }
    }

    /** Runs one npm step in clients/typescript, timed; unless {@code mustSucceed} is false, fails on a non-zero exit. */
    private Run npm(String step, Duration timeout, Map<String, String> environment, boolean mustSucceed, String... args)
            throws IOException {
        String[] command = Stream.concat(Stream.of("npm"), Stream.of(args)).toArray(String[]::new);
        long t0 = System.nanoTime();
        try {
            return mustSucceed ? client.mustSucceed(step, timeout, environment, command)
                    : client.run(step, timeout, environment, command);
        } finally {
            millis.put(step, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
