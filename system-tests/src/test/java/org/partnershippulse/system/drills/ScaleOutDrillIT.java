package org.partnershippulse.system.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ServiceProcesses;
import org.partnershippulse.systemkit.SubmissionLoad;

/**
 * DRILL scale-out: two instances of each service against the same databases and broker, submissions spread across
 * both instances of assessment-service and partnership renames across both of partnership-service; half-way through,
 * {@code kill -9} one instance of each service. Checks, through the public APIs and the topics: every accepted
 * submission counted once by reporting; each partnership's events on the topic in the order they were committed (the
 * renames, numbered, never appear out of order) and applied in that order by both consumers; the round window job
 * opened and closed each planned round exactly once although both instances ran it every second; every
 * response-submitted event id once per response (an id seen twice is the relay's at-least-once redelivery after the
 * kill, which the consumers skip).
 *
 * <p>Size: {@code -Dpulse.drills.scale-out.submissions=400}, {@code -Dpulse.drills.scale-out.renames=30},
 * {@code -Dpulse.drills.scale-out.window-rounds=4}.
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutDrillIT {

    static final int SUBMISSIONS = Integer.getInteger("pulse.drills.scale-out.submissions", 400);
    static final int RENAMES = Integer.getInteger("pulse.drills.scale-out.renames", 30);
    static final int WINDOW_ROUNDS = Integer.getInteger("pulse.drills.scale-out.window-rounds", 4);
    static final int MEMBERS = 50;
    static final int THREADS = 8;
    static final String RESPONSE_SUBMITTED = AssessmentEventType.RESPONSE_SUBMITTED.type();
    static final String ROUND_OPENED = AssessmentEventType.ROUND_OPENED.type();
    static final String ROUND_CLOSED = AssessmentEventType.ROUND_CLOSED.type();
    static final String PARTNERSHIP_UPDATED = PartnershipEventType.PARTNERSHIP_UPDATED.type();

    @RegisterExtension
    static final TestWatcher UNFINISHED = FaultDrillsIT.unfinished(context -> "scale-out");

    PulseApi api;
    Coalition coalition;
    EventTopics topics;
    ServiceProcesses services;

    @BeforeAll
    void assemble() {
        api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
        topics = new EventTopics(RunningSystem.env());
        services = RunningSystem.services();
        int rounds = (SUBMISSIONS + MEMBERS - 1) / MEMBERS;
        long t0 = System.nanoTime();
        coalition = Coalition.assemble(api, "scale", MEMBERS, rounds);
        System.out.printf("[drills] coalition of %d members with %d open rounds assembled in %d s%n",
                MEMBERS, rounds, FaultDrillsIT.seconds(t0));
    }

    @Test
    void scaleOut() throws Exception {
        long t0 = System.nanoTime();
        DrillLedger ledger = new DrillLedger(coalition);
        // both assessment instances look for due windows every second: they race for every step
        for (PulseService s : PulseService.values()) {
            services.environment(s, s == PulseService.ASSESSMENT
                    ? DrillLedger.with(Map.of("ROUND_WINDOW_CHECK_INTERVAL", "1s")) : DrillLedger.BUSY_MACHINE);
        }
        services.stop(PulseService.ASSESSMENT);
        for (PulseService s : PulseService.values()) {
            if (s == PulseService.ASSESSMENT) {
                services.start(s, 0);
            }
            services.start(s, 1);
        }
        services.awaitReady(PulseService.ASSESSMENT, 0);
        for (PulseService s : PulseService.values()) {
            services.awaitReady(s, 1);
            api.spread(s, 2);
        }
        List<UUID> windowRounds = planWindowRounds();

        String marker = UUID.randomUUID().toString().substring(0, 8);
        AtomicBoolean renaming = new AtomicBoolean(true);
        CompletableFuture<List<Integer>> renames = CompletableFuture.supplyAsync(() -> renameInTurn(marker, renaming));
        SubmissionLoad load = SubmissionLoad.start(coalition, 0, SUBMISSIONS, THREADS);
        int before;
        int committedAnyway;
        try {
            load.awaitFinished(SUBMISSIONS / 2, Duration.ofMinutes(30));
            before = load.finished();
            for (PulseService s : PulseService.values()) {
                services.kill(s, 0);
            }
            load.awaitAll(Duration.ofMinutes(30));
        } finally {
            load.close();
        }
        renaming.set(false);
        List<Integer> renamed = renames.get();
        committedAnyway = ledger.add(load);

        Map<UUID, Integer> reported = ledger.awaitReported();
        boolean windowsFollowed = FaultDrillsIT.await(() -> windowRounds.stream().allMatch(r -> "CLOSED".equals(roundStatus(r))));
        String lastName = renamed.isEmpty() ? null : name(marker, renamed.get(renamed.size() - 1));
        boolean reportingApplied = FaultDrillsIT.await(() -> lastName == null
                || lastName.equals(ledger.reportedPartnershipName(coalition.roundIds().get(0))));
        boolean assessmentApplied = FaultDrillsIT.await(() -> lastName == null || lastName.equals(ledger.assessmentPartnershipName()));

        // the topics: response events per round, window steps per round, the renames' order
        Set<String> roundIds = new HashSet<>();
        coalition.roundIds().forEach(r -> roundIds.add(r.toString()));
        windowRounds.forEach(r -> roundIds.add(r.toString()));
        Map<String, Set<String>> responseIds = new HashMap<>();
        Map<String, Set<String>> opened = new HashMap<>();
        Map<String, Set<String>> closed = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long redelivered = 0;
        for (EventTopics.Event e : topics.readAll(EventTopics.ASSESSMENT)) {
            JsonNode event = FaultDrillsIT.parse(e.value());
            String type = event.path("type").asText();
            String round = event.path("data").path("roundId").asText();
            String id = event.path("id").asText();
            if (!roundIds.contains(round)) {
                continue;
            }
            if (!seen.add(id)) {
                redelivered++;
                continue;
            }
            if (RESPONSE_SUBMITTED.equals(type)) {
                responseIds.computeIfAbsent(round, k -> new HashSet<>()).add(event.path("data").path("responseId").asText());
            } else if (ROUND_OPENED.equals(type)) {
                opened.computeIfAbsent(round, k -> new HashSet<>()).add(id);
            } else if (ROUND_CLOSED.equals(type)) {
                closed.computeIfAbsent(round, k -> new HashSet<>()).add(id);
            }
        }
        long openedOnce = windowRounds.stream().filter(r -> opened.getOrDefault(r.toString(), Set.of()).size() == 1).count();
        long closedOnce = windowRounds.stream().filter(r -> closed.getOrDefault(r.toString(), Set.of()).size() == 1).count();
        long extraWindowEvents = windowRounds.stream().mapToLong(r -> Math.max(0, opened.getOrDefault(r.toString(), Set.of()).size() - 1)
                + Math.max(0, closed.getOrDefault(r.toString(), Set.of()).size() - 1)).sum();
        // every response that assessment counts as submitted has one event (one response id) on the topic
        int responseEvents = responseIds.values().stream().mapToInt(Set::size).sum();
        int eventsLost = 0;
        int eventsDoubled = 0;
        for (Map.Entry<UUID, Integer> e : ledger.accepted.entrySet()) {
            int n = responseIds.getOrDefault(e.getKey().toString(), Set.of()).size();
            eventsLost += Math.max(0, e.getValue() - n);
            eventsDoubled += Math.max(0, n - e.getValue());
        }

        Order order = renameOrder(marker);
        List<Integer> missingRenames = new ArrayList<>(renamed);
        missingRenames.removeAll(order.numbers());

        int lost = ledger.lost(reported) + eventsLost + missingRenames.size();
        int duplicated = ledger.duplicated(reported) + eventsDoubled + (int) extraWindowEvents;
        FaultDrillsIT.report("scale-out", "2 instances of each service, submissions and " + RENAMES
                        + " partnership renames spread over both; kill -9 one instance of each after " + before + " of "
                        + SUBMISSIONS + " submissions",
                load.accepted() + " accepted " + load.statusCounts() + " + " + committedAnyway + " committed anyway; "
                        + responseEvents + " response events for " + ledger.total() + " submitted; " + renamed.size()
                        + " renames, on the topic in order " + FaultDrillsIT.yes(order.outOfOrder() == 0)
                        + ", last applied by reporting " + FaultDrillsIT.yes(reportingApplied) + " and assessment "
                        + FaultDrillsIT.yes(assessmentApplied) + "; window job: " + openedOnce + "/" + WINDOW_ROUNDS
                        + " rounds opened once, " + closedOnce + "/" + WINDOW_ROUNDS + " closed once; "
                        + (redelivered + order.redelivered()) + " events redelivered after the kill (same id)",
                lost, duplicated, t0);
        // back to one instance of each, as the other drills expect
        for (PulseService s : PulseService.values()) {
            services.environment(s, DrillLedger.BUSY_MACHINE);
            services.stop(s, 1);
            services.start(s, 0);
        }
        for (PulseService s : PulseService.values()) {
            services.awaitReady(s, 0);
            api.spread(s, 1);
        }

        assertEquals(0, ledger.lost(reported), "every accepted submission is reported: " + reported);
        assertEquals(0, ledger.duplicated(reported), "none counted twice: " + reported);
        assertEquals(0, eventsLost + eventsDoubled, "one response-submitted event per submitted response");
        assertEquals(List.of(), missingRenames, "every committed rename has its event on the topic");
        assertEquals(0, order.outOfOrder(), "the partnership's events appear in commit order: " + order.numbers());
        assertTrue(reportingApplied && assessmentApplied, "both consumers end on the last name " + lastName);
        assertTrue(windowsFollowed, "every planned round opened and closed by itself");
        assertEquals(WINDOW_ROUNDS, openedOnce, "each planned round opened once: " + opened);
        assertEquals(WINDOW_ROUNDS, closedOnce, "each planned round closed once: " + closed);
    }

    /**
     * Rounds that open and close by themselves while the load runs: both instances' window jobs race for them (and one
     * is killed on the way). Each opens a few seconds from now and closes 20–35 s later.
     */
    List<UUID> planWindowRounds() {
        int version = Coalition.latestPai(api, coalition.coordinator()).path("version").asInt();
        Instant opens = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < WINDOW_ROUNDS; i++) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("instrumentKey", Coalition.PAI);
            request.put("instrumentVersion", version);
            request.put("title", "scale-out window " + (i + 1));
            request.put("opensAt", opens.plusSeconds(2L * i).toString());
            request.put("closesAt", opens.plusSeconds(20 + 5L * i).toString());
            JsonNode created = api.ok("POST", PulseService.ASSESSMENT, coalition.coordinator(),
                    "/partnerships/" + coalition.partnershipId() + "/rounds", request);
            ids.add(UUID.fromString(created.path("id").asText()));
        }
        return ids;
    }

    String roundStatus(UUID round) {
        PulseApi.Reply r = api.call("GET", PulseService.ASSESSMENT, coalition.coordinator(),
                "/partnerships/" + coalition.partnershipId() + "/rounds/" + round, null, null);
        return r.ok() ? r.body().path("status").asText() : "?";
    }

    /** Renames the partnership to "&lt;marker&gt; 001", "002", … one after the other until told to stop; the numbers committed. */
    List<Integer> renameInTurn(String marker, AtomicBoolean go) {
        DrillLedger ledger = new DrillLedger(coalition);
        List<Integer> done = new ArrayList<>();
        for (int k = 1; k <= RENAMES && go.get(); k++) {
            for (int attempt = 0; attempt < 10; attempt++) {
                if (ledger.rename(name(marker, k)).ok()) {
                    done.add(k);
                    break;
                }
                FaultDrillsIT.sleep(Duration.ofMillis(500)); // cut by the kill: look again (it may have committed)
            }
            FaultDrillsIT.sleep(Duration.ofMillis(200));
        }
        return done;
    }

    static String name(String marker, int k) {
        return String.format("scale-out %s %03d", marker, k);
    }

    /** The renames' numbers in topic order (first delivery of each event id), how many step backwards, redeliveries. */
    record Order(List<Integer> numbers, int outOfOrder, long redelivered) {}

    Order renameOrder(String marker) {
        List<Integer> numbers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int outOfOrder = 0;
        long redelivered = 0;
        String prefix = "scale-out " + marker + " ";
        for (EventTopics.Event e : topics.readAll(EventTopics.PARTNERSHIP)) {
            JsonNode event = FaultDrillsIT.parse(e.value());
            String name = event.path("data").path("name").asText();
            if (!PARTNERSHIP_UPDATED.equals(event.path("type").asText()) || !name.startsWith(prefix)) {
                continue;
            }
            if (!seen.add(event.path("id").asText())) {
                redelivered++;
                continue;
            }
            int k = Integer.parseInt(name.substring(prefix.length()));
            if (!numbers.isEmpty() && k <= numbers.get(numbers.size() - 1)) {
                outOfOrder++;
            }
            numbers.add(k);
        }
        return new Order(numbers, outOfOrder, redelivered);
    }
}
