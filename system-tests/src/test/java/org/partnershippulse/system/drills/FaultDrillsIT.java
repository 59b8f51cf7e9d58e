package org.partnershippulse.system.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.Infrastructure;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ReportSnapshot;
import org.partnershippulse.systemkit.ServiceProcesses;
import org.partnershippulse.systemkit.SubmissionLoad;

/**
 * The fault drills of the operations guide: each injects a real fault into the running system (stops Kafka, kills
 * reporting-service with SIGKILL, rewinds its consumer group, writes poison to the topics, restarts PostgreSQL, races
 * one respondent against themself) and checks the outcome through the public APIs and the topics only. Each prints one
 * line (what was injected, what was counted, lost, duplicated), also appended to {@code target/drills-summary.txt}.
 *
 * <p>Run with {@code scripts/drills.sh} ({@code ./mvnw -B verify -Pdrills -pl system-tests}); never in the default
 * system-tests run. Size: {@code -Dpulse.drills.submissions=10000} (the broker outage's stream),
 * {@code -Dpulse.drills.outage-seconds=60}.
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    static final int SUBMISSIONS = Integer.getInteger("pulse.drills.submissions", 10_000);
    static final int OUTAGE_SECONDS = Integer.getInteger("pulse.drills.outage-seconds", 60);
    /** The smaller streams of the crash and database drills. */
    static final int STREAM = Integer.getInteger("pulse.drills.stream", Math.max(200, SUBMISSIONS / 10));
    static final int MEMBERS = 100;
    static final int THREADS = 8;
    static final String RESPONSE_SUBMITTED = AssessmentEventType.RESPONSE_SUBMITTED.type();
    static final Duration SETTLE = Duration.ofMinutes(5);
    static final ObjectMapper JSON = new ObjectMapper();
    /** reporting's read-model headers (README "Health, shutdown and housekeeping"). */
    static final String STALE = "Pulse-Read-Model-Stale";
    static final String AS_OF = "Pulse-Read-Model-As-Of";
    /** The broker-outage drill's max staleness of reporting's read models. */
    static final int STALE_AFTER_SECONDS = 10;

    /** Drills that printed their line; one that failed before it gets a line saying so. */
    static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestWatcher UNFINISHED = unfinished(context ->
            context.getRequiredTestMethod().getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase());

    /** A watcher that gives a drill which failed before printing its line a line saying so. */
    static TestWatcher unfinished(java.util.function.Function<ExtensionContext, String> drillOf) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                String drill = drillOf.apply(context);
                if (!REPORTED.contains(drill)) {
                    report(drill, "(see above)", "did not finish: " + cause, -1, -1, System.nanoTime());
                }
            }
        };
    }

    PulseApi api;
    Coalition coalition;
    EventTopics topics;
    Infrastructure infrastructure;
    ServiceProcesses services;
    /** The round no load reaches: the duplicates drill has it to itself. */
    UUID quietRound;
    /** Next unused slot of the coalition: every drill submits fresh (person, round) pairs. */
    int nextSlot;
    /** Submissions the system accepted, per round, over all drills: what the reports must count. */
    final Map<UUID, Integer> accepted = new TreeMap<>();

    @BeforeAll
    void assemble() {
        api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
        topics = new EventTopics(RunningSystem.env());
        infrastructure = RunningSystem.infrastructure();
        services = RunningSystem.services();
        int needed = SUBMISSIONS + 2 * STREAM + 10;
        int rounds = (needed + MEMBERS - 1) / MEMBERS + 1;
        long t0 = System.nanoTime();
        coalition = Coalition.assemble(api, "drill", MEMBERS, rounds);
        quietRound = coalition.roundIds().get(rounds - 1);
        System.out.printf("[drills] coalition of %d members with %d open rounds assembled in %d s%n",
                MEMBERS, rounds, seconds(t0));
    }

    // -------------------------------------------------------------------------------------------------- drills

    @Test
    @Order(1)
    void duplicates() throws Exception {
        long t0 = System.nanoTime();
        String user = coalition.members().get(0);
        String path = "/rounds/" + quietRound + "/response";
        Map<String, Object> answers = coalition.answers(42);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<int[]>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(pool.submit(() -> {
                go.await();
                int saved = api.call("PUT", PulseService.ASSESSMENT, user, path, answers, null).status();
                int submitted = api.call("POST", PulseService.ASSESSMENT, user, path + "/submit", null, null).status();
                return new int[] {saved, submitted};
            }));
        }
        go.countDown();
        Map<Integer, Integer> puts = new TreeMap<>();
        Map<Integer, Integer> submits = new TreeMap<>();
        for (Future<int[]> f : attempts) {
            int[] s = f.get(2, TimeUnit.MINUTES);
            puts.merge(s[0], 1, Integer::sum);
            submits.merge(s[1], 1, Integer::sum);
        }
        pool.shutdown();
        accepted.merge(quietRound, 1, Integer::sum);

        JsonNode own = api.get(PulseService.ASSESSMENT, user, path);
        int revisions = own.path("revisions").size();
        int reported = awaitReported(Map.of(quietRound, 1)).get(quietRound);
        long events = submittedEvents(List.of(quietRound));
        long serverErrors = puts.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0).mapToInt(Map.Entry::getValue).sum()
                + submits.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() == 0).mapToInt(Map.Entry::getValue).sum();

        report("duplicates", "one respondent: PUT + submit of the same round from 20 concurrent connections",
                "PUT " + puts + ", submit " + submits + "; response revisions " + revisions + ", events " + events
                        + ", report counts " + reported + ", 5xx " + serverErrors,
                Math.max(0, 1 - reported), Math.max(0, events - 1) + Math.max(0, revisions - 1) + Math.max(0, reported - 1), t0);
        assertEquals(0, serverErrors, "no 5xx: " + puts + " " + submits);
        assertEquals(1, puts.getOrDefault(201, 0), "exactly one PUT creates the response: " + puts);
        assertEquals(1, revisions, "one submitted revision: " + own);
        assertEquals(1, events, "one response-submitted event on " + EventTopics.ASSESSMENT);
        assertEquals(1, reported, "the report counts one response");
    }

    @Test
    @Order(2)
    void poison() {
        long t0 = System.nanoTime();
        String marker = UUID.randomUUID().toString();
        String key = coalition.partnershipId().toString();
        List<String> topicsConsumed = List.of(EventTopics.PARTNERSHIP, EventTopics.ASSESSMENT);
        for (String topic : topicsConsumed) {
            topics.send(topic, key, "{\"specversion\": \"1.0\", \"id\": \"" + marker + "\", this is not JSON");
            topics.send(topic, key, unknownType(topic, marker));
        }
        // consumption goes on: a partnership change (read by both consumers of pulse.partnership.v1) and a submission
        String renamed = renamePartnership(marker);
        Coalition.Slot slot = coalition.slot(nextSlot);
        int status = coalition.submit(slot, coalition.answers(nextSlot++)).status();
        if (status / 100 == 2) {
            accepted.merge(slot.roundId(), 1, Integer::sum);
        }

        List<EventTopics.Event> reportingDead = awaitDeadLetters(EventTopics.REPORTING_DLQ, marker, 4);
        List<EventTopics.Event> assessmentDead = awaitDeadLetters(EventTopics.ASSESSMENT_DLQ, marker, 2);
        long withReason = java.util.stream.Stream.concat(reportingDead.stream(), assessmentDead.stream())
                .filter(e -> !e.headers().getOrDefault("dead-letter-reason", "").isBlank()).count();
        boolean reportingGoesOn = await(() -> renamed.equals(report(slot.roundId()).path("partnershipName").asText()));
        boolean assessmentGoesOn = await(() -> renamed.equals(partnershipNameInMyRounds(slot.user())));
        Map<UUID, Integer> reported = awaitReported(accepted);
        int lost = lost(reported);

        report("poison", "a malformed record and one of an unknown type on " + topicsConsumed,
                "dead-lettered: reporting " + reportingDead.size() + "/4, assessment " + assessmentDead.size() + "/2, "
                        + withReason + " with a reason; consumed afterwards: reporting " + yes(reportingGoesOn)
                        + ", assessment " + yes(assessmentGoesOn) + ", submission " + status,
                lost, duplicated(reported), t0);
        reportingDead.forEach(e -> System.out.println("[drills]   reporting DLQ reason: " + e.headers().get("dead-letter-reason")));
        assessmentDead.forEach(e -> System.out.println("[drills]   assessment DLQ reason: " + e.headers().get("dead-letter-reason")));
        assertEquals(4, reportingDead.size(), "reporting dead-letters both poison records of both topics");
        assertEquals(2, assessmentDead.size(), "assessment dead-letters both poison records of " + EventTopics.PARTNERSHIP);
        assertEquals(6, withReason, "every dead letter says why");
        assertTrue(reportingGoesOn, "reporting consumes the partnership topic after the poison");
        assertTrue(assessmentGoesOn, "assessment consumes the partnership topic after the poison");
        assertEquals(0, lost, "the submission after the poison is reported");
    }

    @Test
    @Order(3)
    void consumerCrash() {
        long t0 = System.nanoTime();
        long[] readyMs = new long[1];
        Faulted run = streamWithFault(STREAM, STREAM / 2, () -> {
            services.kill(PulseService.REPORTING);
            services.start(PulseService.REPORTING);
            readyMs[0] = services.awaitReady(PulseService.REPORTING);
        });
        SubmissionLoad load = run.load();

        Map<UUID, Integer> reported = awaitReported(accepted);
        ReportSnapshot afterCrash = ReportSnapshot.of(coalition);
        // one transaction over both topics: minutes on a busy machine, far beyond an ordinary request's 30 s
        JsonNode rebuild = PulseApi.ok(api.call("POST", PulseService.REPORTING, "admin", "/admin/rebuild", null, null,
                Duration.ofMinutes(20)), "POST /admin/rebuild");
        ReportSnapshot rebuilt = ReportSnapshot.of(coalition);
        List<String> differences = afterCrash.differences(rebuilt);

        report("consumer-crash", "kill -9 reporting-service after " + run.before() + " of " + STREAM
                        + " submissions, restarted (ready in " + readyMs[0] / 1000 + " s)",
                load.accepted() + " accepted " + load.statusCounts() + "; " + afterCrash.documents()
                        + " reports compared with a rebuild of " + rebuild.path("eventsRead").asLong() + " events: "
                        + differences.size() + " differ",
                lost(reported), duplicated(reported), t0);
        differences.forEach(d -> System.out.println("[drills]   differs: " + d));
        assertEquals(0, lost(reported) + duplicated(reported), "every accepted submission reported once: " + reported);
        assertEquals(List.of(), differences, "the reports after the crash equal a from-scratch rebuild");
    }

    @Test
    @Order(4)
    void replay() {
        long t0 = System.nanoTime();
        ReportSnapshot before = ReportSnapshot.of(coalition);
        List<String> consumed = List.of(EventTopics.PARTNERSHIP, EventTopics.ASSESSMENT);
        services.stop(PulseService.REPORTING);
        long backlog = topics.lag("reporting-service", consumed);
        topics.resetToEarliest("reporting-service", consumed);
        long rewound = topics.lag("reporting-service", consumed);
        services.start(PulseService.REPORTING);
        services.awaitReady(PulseService.REPORTING);
        boolean caughtUp = await(() -> topics.lag("reporting-service", consumed) == 0);
        ReportSnapshot after = ReportSnapshot.of(coalition);
        List<String> differences = before.differences(after);
        Map<UUID, Integer> reported = awaitReported(accepted);

        report("replay", "reporting-service's consumer group reset to the beginning of " + consumed
                        + " (" + rewound + " records to consume again, lag before " + backlog + ")",
                "caught up " + yes(caughtUp) + "; " + before.documents() + " reports compared: " + differences.size() + " differ",
                lost(reported), duplicated(reported), t0);
        differences.forEach(d -> System.out.println("[drills]   differs: " + d));
        assertTrue(caughtUp, "reporting consumes the rewound topics to their end");
        assertEquals(List.of(), differences, "replaying every topic changes no report");
    }

    @Test
    @Order(5)
    void brokerOutage() {
        long t0 = System.nanoTime();
        // reporting says "stale" once its read models may be behind by more than this (default PT30S): short here, so
        // that it shows well within the outage
        services.stop(PulseService.REPORTING);
        services.environment(PulseService.REPORTING, Map.of("PULSE_REPORTING_READ_MODELS_MAX_STALENESS", "PT" + STALE_AFTER_SECONDS + "S"));
        services.start(PulseService.REPORTING);
        services.awaitReady(PulseService.REPORTING);
        UUID watched = coalition.slot(nextSlot).roundId();
        Map<String, String> during = new java.util.LinkedHashMap<>();
        Faulted run = streamWithFault(SUBMISSIONS, SUBMISSIONS / 2, () -> {
            infrastructure.stopKafka();
            long down = System.nanoTime();
            // what a county's Service and its users see mid-outage: every pod ready, reports served and saying stale
            Duration look = Duration.ofSeconds(Math.min(OUTAGE_SECONDS, STALE_AFTER_SECONDS + 15L));
            sleep(look);
            for (PulseService s : PulseService.values()) {
                during.put(s.serviceName() + " ready", String.valueOf(readiness(s)));
            }
            during.putAll(readModelHeaders(watched));
            Duration rest = Duration.ofSeconds(OUTAGE_SECONDS).minusNanos(System.nanoTime() - down);
            if (!rest.isNegative()) {
                sleep(rest);
            }
            infrastructure.startKafka();
        });
        SubmissionLoad load = run.load();
        int duringOutage = load.outcomes(o -> o.endedNanos() >= run.faultStarted() && o.endedNanos() <= run.faultEnded()).size();
        int serverErrorsDuringOutage = load.failedOnServerBetween(run.faultStarted(), run.faultEnded()).size();
        int serverErrors = load.outcomes(SubmissionLoad.Outcome::failedOnServer).size();

        Map<UUID, Integer> reported = awaitReported(accepted);
        // caught up again: the same report says it is current
        @SuppressWarnings("unchecked")
        Map<String, String>[] after = new Map[] {readModelHeaders(watched)};
        boolean freshAgain = await(() -> "false".equals((after[0] = readModelHeaders(watched)).get(STALE)));
        long events = submittedEvents(load.acceptedPerRound().keySet());
        // these rounds may also hold submissions of earlier drills: compare all that were accepted in them
        int loadRounds = load.acceptedPerRound().size();
        int acceptedInRounds = load.acceptedPerRound().keySet().stream().mapToInt(accepted::get).sum();
        int reportedInRounds = load.acceptedPerRound().keySet().stream().mapToInt(r -> reported.getOrDefault(r, 0)).sum();
        List<String> doubleCounted = itemsCountedTwice(load.acceptedPerRound().keySet());
        boolean allReady = java.util.Arrays.stream(PulseService.values()).allMatch(s -> "200".equals(during.get(s.serviceName() + " ready")));

        report("broker-outage", "Kafka stopped for " + OUTAGE_SECONDS + " s after " + run.before() + " of " + SUBMISSIONS
                        + " submissions, then started",
                load.accepted() + " accepted " + load.statusCounts() + " (" + duringOutage + " while Kafka was down)"
                        + "; the reports of its " + loadRounds + " rounds count " + reportedInRounds + " of the "
                        + acceptedInRounds + " accepted there by all drills; 5xx/no answer: "
                        + serverErrorsDuringOutage + " during the outage, " + serverErrors + " in all; "
                        + events + " response events on " + EventTopics.ASSESSMENT
                        + "; during the outage /q/health/ready partnership " + during.get("partnership-service ready")
                        + ", assessment " + during.get("assessment-service ready") + ", reporting "
                        + during.get("reporting-service ready") + ", report " + during.get("status") + " stale "
                        + during.get(STALE) + " (as of " + during.get(AS_OF) + "); after recovery stale " + after[0].get(STALE),
                lost(reported), duplicated(reported) + doubleCounted.size(), t0);
        doubleCounted.forEach(d -> System.out.println("[drills]   " + d));
        services.environment(PulseService.REPORTING, Map.of());
        assertEquals(0, serverErrors, "no request got a 5xx: " + load.statusCounts());
        assertEquals(SUBMISSIONS, load.accepted(), "every submission accepted: " + load.statusCounts());
        assertEquals(0, lost(reported), "no accepted submission is missing from the reports");
        assertEquals(0, duplicated(reported), "no submission counted twice");
        assertEquals(List.of(), doubleCounted, "every item counted once per response");
        assertTrue(allReady, "every service stays ready while Kafka is down: " + during);
        assertEquals("200", during.get("status"), "the report is served during the outage: " + during);
        assertEquals("true", during.get(STALE), "the report says its read models are stale during the outage: " + during);
        assertTrue(freshAgain, "after recovery the report is no longer stale: " + after[0]);
    }

    @Test
    @Order(6)
    void databaseRestart() {
        long t0 = System.nanoTime();
        Faulted run = streamWithFault(STREAM, STREAM / 3, infrastructure::restartPostgres);
        SubmissionLoad load = run.load();
        long restartSeconds = (run.faultEnded() - run.faultStarted()) / 1_000_000_000L;
        // a request cut by the restart may still have committed: ask assessment-service, as the respondent would
        List<SubmissionLoad.Outcome> failed = load.outcomes(o -> !o.accepted());
        int committedAnyway = 0;
        for (SubmissionLoad.Outcome o : failed) {
            PulseApi.Reply own = api.call("GET", PulseService.ASSESSMENT, o.slot().user(),
                    "/rounds/" + o.slot().roundId() + "/response", null, null);
            if (own.ok() && "SUBMITTED".equals(own.body().path("status").asText())) {
                committedAnyway++;
                accepted.merge(o.slot().roundId(), 1, Integer::sum);
            }
        }
        // the services recovered by themselves: they are the processes started before, and they answer again
        boolean recovered = true;
        for (PulseService s : PulseService.values()) {
            recovered &= services.process(s) != null && services.process(s).isAlive();
        }
        Coalition.Slot after = coalition.slot(nextSlot);
        int afterStatus = coalition.submit(after, coalition.answers(nextSlot++)).status();
        if (afterStatus / 100 == 2) {
            accepted.merge(after.roundId(), 1, Integer::sum);
        }
        Map<UUID, Integer> reported = awaitReported(accepted);

        report("database-restart", "PostgreSQL restarted (fast shutdown, " + restartSeconds + " s) after " + run.before()
                        + " of " + STREAM + " submissions",
                load.accepted() + " accepted " + load.statusCounts() + ", " + failed.size() + " failed of which "
                        + committedAnyway + " committed anyway; services recovered without restart " + yes(recovered)
                        + ", a submission afterwards " + afterStatus,
                lost(reported), duplicated(reported), t0);
        assertTrue(recovered, "no service process died");
        assertEquals(2, afterStatus / 100, "a submission after the restart is accepted");
        assertEquals(0, lost(reported), "no accepted submission is lost");
        assertEquals(0, duplicated(reported), "none counted twice");
        assertTrue(failed.stream().allMatch(o -> o.status() == 503 || o.status() == 0),
                "failures during the restart say 503 \"retry later\" (or the connection was cut), never a 500 or a 4xx"
                        + " blaming the request: " + load.statusCounts());
    }

    // -------------------------------------------------------------------------------------------------- load

    /** A stream of submissions and the fault injected into it: how many had finished before, and when it ran. */
    record Faulted(SubmissionLoad load, int before, long faultStarted, long faultEnded) {}

    /**
     * Submits {@code count} fresh slots on {@link #THREADS} connections; once {@code after} have finished, runs the
     * fault (which returns when it is over); returns when every submission finished, its accepted ones counted.
     */
    Faulted streamWithFault(int count, int after, Runnable fault) {
        SubmissionLoad load = SubmissionLoad.start(coalition, nextSlot, count, THREADS);
        nextSlot += count;
        try {
            load.awaitFinished(after, Duration.ofMinutes(30));
            int before = load.finished();
            long started = System.nanoTime();
            fault.run();
            long ended = System.nanoTime();
            load.awaitAll(Duration.ofMinutes(30));
            load.acceptedPerRound().forEach((round, n) -> accepted.merge(round, n, Integer::sum));
            return new Faulted(load, before, started, ended);
        } finally {
            load.close();
        }
    }

    // -------------------------------------------------------------------------------------------------- checks

    /** Waits until each round's report counts what was accepted (or SETTLE passed); answers what they count. */
    Map<UUID, Integer> awaitReported(Map<UUID, Integer> expected) {
        return awaitReported(coalition, expected);
    }

    static Map<UUID, Integer> awaitReported(Coalition coalition, Map<UUID, Integer> expected) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<UUID, Integer> reported = new TreeMap<>();
        while (true) {
            for (UUID round : expected.keySet()) {
                if (!expected.get(round).equals(reported.get(round))) {
                    reported.put(round, Math.max(0, coalition.reportedResponses(round)));
                }
            }
            if (reported.equals(expected) || System.nanoTime() > deadline) {
                return reported;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    int lost(Map<UUID, Integer> reported) {
        return accepted.entrySet().stream().mapToInt(e -> Math.max(0, e.getValue() - reported.getOrDefault(e.getKey(), 0))).sum();
    }

    int duplicated(Map<UUID, Integer> reported) {
        return accepted.entrySet().stream().mapToInt(e -> Math.max(0, reported.getOrDefault(e.getKey(), 0) - e.getValue())).sum();
    }

    /** Items whose answer count differs from the respondents (every submission answers every item). */
    List<String> itemsCountedTwice(Iterable<UUID> rounds) {
        List<String> wrong = new ArrayList<>();
        for (UUID round : rounds) {
            JsonNode report = report(round);
            int responded = report.path("participation").path("responded").asInt();
            for (JsonNode item : report.path("items")) {
                if (!item.path("withheld").asBoolean() && item.path("responses").asInt() != responded) {
                    wrong.add("round " + round + " item " + item.path("itemKey").asText() + ": " + item.path("responses").asInt()
                            + " answers, " + responded + " respondents");
                }
            }
        }
        return wrong;
    }

    JsonNode report(UUID round) {
        return api.get(PulseService.REPORTING, coalition.coordinator(), "/rounds/" + round + "/report");
    }

    /** response-submitted events on the assessment topic for these rounds (a redelivery would count twice). */
    long submittedEvents(java.util.Collection<UUID> rounds) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        rounds.forEach(r -> ids.add(r.toString()));
        return topics.readAll(EventTopics.ASSESSMENT).stream().map(e -> parse(e.value()))
                .filter(e -> RESPONSE_SUBMITTED.equals(e.path("type").asText()) && ids.contains(e.path("data").path("roundId").asText()))
                .count();
    }

    List<EventTopics.Event> awaitDeadLetters(String topic, String marker, int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<EventTopics.Event> found;
        do {
            found = topics.readAll(topic).stream().filter(e -> e.value() != null && e.value().contains(marker)).toList();
            if (found.size() >= expected) {
                return found;
            }
            sleep(Duration.ofSeconds(1));
        } while (System.nanoTime() < deadline);
        return found;
    }

    /** A well-formed CloudEvent of a type nobody publishes, from the topic's own source. */
    static String unknownType(String topic, String marker) {
        String source = topic.equals(EventTopics.PARTNERSHIP) ? "partnership-service" : "assessment-service";
        return "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"/" + source + "\", "
                + "\"type\": \"org.example.drill.unknown-type.v1\", \"time\": \"2026-01-01T00:00:00Z\", "
                + "\"datacontenttype\": \"application/json\", \"dataschema\": \"https://partnershippulse.org/schemas/events/none.json\", "
                + "\"partitionkey\": \"" + marker + "\", \"data\": {\"marker\": \"" + marker + "\"}}";
    }

    /**
     * The coalition's partnership name as assessment-service shows it in the user's open rounds. The drill users are
     * reused from run to run, so their rounds of earlier coalitions (closing sooner, listed first) are paged past.
     */
    String partnershipNameInMyRounds(String user) {
        for (int page = 0; page < 100; page++) {
            JsonNode rounds = api.get(PulseService.ASSESSMENT, user, "/me/rounds?size=100&page=" + page);
            for (JsonNode r : rounds.path("items")) {
                if (coalition.partnershipId().toString().equals(r.path("partnershipId").asText())) {
                    return r.path("partnershipName").asText();
                }
            }
            if (page + 1 >= rounds.path("totalPages").asInt()) {
                break;
            }
        }
        return null;
    }

    /** Renames the coalition's partnership (a partnership.updated event on the partnership topic); the new name. */
    String renamePartnership(String marker) {
        String path = "/partnerships/" + coalition.partnershipId();
        PulseApi.Reply current = api.call("GET", PulseService.PARTNERSHIP, "admin", path, null, null);
        JsonNode p = PulseApi.ok(current, "GET " + path);
        String name = "drill coalition " + marker.substring(0, 8);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        for (String field : List.of("geographyType", "geographyName", "status", "structure", "leadOrganisationId")) {
            if (p.hasNonNull(field)) {
                body.put(field, p.get(field).asText());
            }
        }
        PulseApi.ok(api.call("PUT", PulseService.PARTNERSHIP, "admin", path, body, current.etag()), "PUT " + path);
        return name;
    }

    /** Status of the service's readiness probe, as Kubernetes asks it (0: no answer). */
    int readiness(PulseService s) {
        try {
            return api.exchange("GET", s, null, "/q/health/ready", null, Map.of(), Duration.ofSeconds(5)).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The round report's status and its read-model headers, as the coordinator gets them. */
    Map<String, String> readModelHeaders(UUID round) {
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        try {
            var r = api.exchange("GET", PulseService.REPORTING, coalition.coordinator(), "/rounds/" + round + "/report", null,
                    Map.of("Accept", "application/json"), Duration.ofSeconds(30));
            seen.put("status", String.valueOf(r.statusCode()));
            seen.put(STALE, r.headers().firstValue(STALE).orElse("(none)"));
            seen.put(AS_OF, r.headers().firstValue(AS_OF).orElse("(none)"));
        } catch (IOException e) {
            seen.put("status", "no answer: " + e);
        }
        return seen;
    }

    // -------------------------------------------------------------------------------------------------- output

    /** One line per drill, printed and appended to target/drills-summary.txt for scripts/drills.sh. */
    static void report(String drill, String injected, String counted, long lost, long duplicated, long t0) {
        REPORTED.add(drill);
        String line = String.format("DRILL %-16s | injected: %s | counted: %s | lost: %d | duplicated: %d | %d s",
                drill, injected, counted, lost, duplicated, seconds(t0));
        System.out.println(line);
        try {
            Path summary = Path.of(System.getProperty("pulse.drills.summary", "target/drills-summary.txt"));
            Files.createDirectories(summary.toAbsolutePath().getParent());
            Files.writeString(summary, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[drills] could not append to the summary: " + e);
        }
    }

    static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(Duration.ofSeconds(1));
        }
        return false;
    }

    static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode(); // a poison record: no type
        }
    }

    static String yes(boolean b) {
        return b ? "yes" : "NO";
    }

    static long seconds(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
