package org.partnershippulse.system.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.KafkaAccess;
import org.partnershippulse.systemkit.NodeProject;
import org.partnershippulse.systemkit.NodeProject.Run;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseEnvironment;

/**
 * Issue 14: the subscriber that is not us. Plays a round of a partnership that shares its results publicly, then runs
 * the Node subscriber in {@code clients/event-subscriber} ({@code npm ci}, then {@code node src/subscriber.js}) as the
 * {@code public-subscriber} principal, with the environment a county system would be given. It must receive and
 * validate, against the committed schemas, every public event of that round's partnership (as many as a raw read of
 * the topic finds, 0 validation failures on the whole stream) and print the released results; and the same principal
 * must be refused both internal topics and any consumer group outside {@code public-*}. Needs Node.js 20+ and npm.
 */
@ExtendWith(RunningSystem.class)
class PublicSubscriberIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRINCIPAL = KafkaAccess.PUBLIC_SUBSCRIBER;

    private final PulseEnvironment env = RunningSystem.env();
    private final PulseApi api = new PulseApi(env, RunningSystem.keycloak());
    private final NodeProject client = new NodeProject(env.repoRoot().resolve("clients/event-subscriber"),
            env.repoRoot().resolve("system-tests/target/event-subscriber"));
    private final Map<String, Long> millis = new LinkedHashMap<>();

    @Test
    void theOutsideSubscriberValidatesEveryPublicEventOfARoundAndIsRefusedTheInternalTopics() throws Exception {
        long t0 = System.nanoTime();
        client.requireNode();
        ScriptedRound round = ScriptedRound.play(api);
        millis.putAll(round.millis);
        timed("npm ci", () -> client.mustSucceed("npm-ci", Duration.ofMinutes(5), Map.of(), "npm", "ci", "--no-audit", "--no-fund"));
        Run unit = timed("npm test", () -> client.run("npm-test", Duration.ofMinutes(2), Map.of(), "npm", "test"));
        assertEquals(0, unit.exit(), "the subscriber's own tests (npm test) failed:\n" + unit.tail());

        Map<String, String> access = KafkaAccess.nodeEnvironment(PRINCIPAL);
        Run subscriber = timed("subscriber", () -> client.run("until-released", Duration.ofMinutes(4), access,
                "node", "src/subscriber.js", "--until-released", round.roundId, "--timeout-ms", "180000"));
        assertEquals(0, subscriber.exit(), "the subscriber did not see round " + round.roundId + "'s results:\n" + subscriber.tail());
        JsonNode summary = lastJsonLine(subscriber.output());

        // what the subscriber read under the round's partnership, against a raw read of the topic by the same principal
        List<PublicStream.Record> raw = timed("raw read", () -> PublicStream.readUntilReleased(PRINCIPAL, round.roundId, Duration.ofMinutes(2)));
        List<String> expectedIds = raw.stream().filter(r -> round.partnershipId.equals(r.key()))
                .map(r -> r.event().path("id").asText()).toList();
        List<String> readIds = new ArrayList<>();
        Map<String, Integer> readTypes = new TreeMap<>();
        for (JsonNode e : summary.path("partnership").path("events")) {
            readIds.add(e.path("id").asText());
            readTypes.merge(e.path("type").asText(), 1, Integer::sum);
            assertTrue(e.path("valid").asBoolean(), "the subscriber found " + e + " invalid: " + summary.path("failures"));
        }
        assertEquals(round.partnershipId, summary.path("partnership").path("id").asText(), "the released round's partnership");
        assertEquals(expectedIds, readIds, "the subscriber read every public event of the partnership, in order");
        assertEquals(0, summary.path("validationFailures").asInt(), "validation failures on " + PublicStream.TOPIC + " (the first 3): "
                + brief(summary.path("failures")));

        // the round's lifecycle as the public sees it
        assertEquals(1, readTypes.getOrDefault(PublicStream.PARTNERSHIP_CREATED, 0), "partnership created: " + readTypes);
        assertEquals(round.organisations.size(), readTypes.getOrDefault(PublicStream.MEMBERSHIP_STARTED, 0), "memberships started: " + readTypes);
        for (String type : List.of(PublicStream.ROUND_OPENED, PublicStream.ROUND_CLOSED, PublicStream.RESULTS_RELEASED)) {
            assertTrue(eventsOf(summary, type).stream().anyMatch(e -> round.roundId.equals(e.path("roundId").asText())),
                    type + " of round " + round.roundId + " read: " + readTypes);
        }
        JsonNode results = summary.path("releasedEvent").path("data");
        assertEquals(round.report.path("participation").path("responded").asInt(), results.path("participation").path("responded").asInt(),
                "the released results are the release's");
        assertEquals(round.report.path("release").path("number").asInt(), results.path("release").path("number").asInt());
        assertTrue(subscriber.output().contains("RESULTS of round") && subscriber.output().contains(round.roundId),
                "the subscriber printed the round's results:\n" + subscriber.tail());

        System.out.printf("PUBLIC SUBSCRIBER | round %s of %s | events of the partnership %d %s | whole stream %d events, %d types, "
                        + "%d validation failures | ms %s%n", round.roundId, round.partnershipId, readIds.size(), readTypes,
                summary.path("eventsRead").asInt(), summary.path("countsByType").size(), summary.path("validationFailures").asInt(), millis);

        // the same principal, denied the internal topics
        Run probe = timed("probe", () -> client.run("probe-internal", Duration.ofMinutes(3), access, "node", "src/subscriber.js", "--probe-internal"));
        JsonNode probes = lastJsonLine(probe.output());
        Map<String, String> refusals = new LinkedHashMap<>();
        for (JsonNode p : probes.path("probes")) {
            refusals.put(p.path("topic").asText() + " as " + p.path("group").asText(), p.path("refused").asBoolean()
                    ? "refused " + p.path("error").asText() : p.path("outcome").asText());
        }
        assertEquals(0, probe.exit(), "the subscriber was not refused everything it probed: " + refusals + "\n" + probe.tail());
        for (String topic : List.of("pulse.partnership.v1", "pulse.assessment.v1")) {
            assertTrue(refusals.entrySet().stream().anyMatch(e -> e.getKey().startsWith(topic + " ")
                    && e.getValue().equals("refused TOPIC_AUTHORIZATION_FAILED")), topic + " refused by its ACL: " + refusals);
        }
        assertTrue(refusals.values().stream().anyMatch(v -> v.equals("refused GROUP_AUTHORIZATION_FAILED")),
                "a group outside public-* refused: " + refusals);

        millis.put("total", (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("PUBLIC SUBSCRIBER PROBES | %s | ms %s%n", refusals, millis);
    }

    private static List<JsonNode> eventsOf(JsonNode summary, String type) {
        List<JsonNode> out = new ArrayList<>();
        summary.path("partnership").path("events").forEach(e -> {
            if (type.equals(e.path("type").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    private static String brief(JsonNode failures) {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < Math.min(3, failures.size()); i++) {
            first.add(failures.get(i).toString());
        }
        return String.join("\n", first);
    }

    private static JsonNode lastJsonLine(String output) throws IOException {
        List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty()) {
            fail("the subscriber printed no JSON summary:\n" + output);
        }
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T timed(String step, Step<T> body) throws Exception {
        long t0 = System.nanoTime();
        try {
            return body.run();
        } finally {
            millis.put(step, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
