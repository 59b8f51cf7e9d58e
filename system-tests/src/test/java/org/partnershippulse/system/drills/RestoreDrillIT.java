package org.partnershippulse.system.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.Infrastructure;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ReportSnapshot;
import org.partnershippulse.systemkit.ServiceProcesses;
import org.partnershippulse.systemkit.SubmissionLoad;

/**
 * DRILL restore, the deploy guide's backup and restore procedure followed literally: a first stream of submissions is
 * reported (releases cut); while a second stream runs, the reports are read and the three databases backed up with
 * {@code pg_dump -Fc}; the stream goes on to its end; then every service is killed ({@code kill -9}: the databases
 * count as lost), the backups are restored into new databases ({@code pg_restore}), the services start on them,
 * assessment-service's consumer group is rewound (its inbox skips what the backup had applied) and reporting-service
 * rebuilds its read models from the topics. Checks: every report equals the one read at the backup (releases come
 * back from the backup, read models from the topics); every submission accepted before or after the backup is counted
 * once when the coordinator next asks for a release; events the restored outboxes publish again (rows pending at the
 * backup) are skipped by id; submissions after the restore are reported.
 *
 * <p>What it also shows, and the guide says: assessment-service's own data goes back to the backup, so submissions
 * accepted after it are no longer in its database although reports count them (their events were published before
 * the failure); an event committed after the backup but not yet published when the databases are lost would be lost.
 *
 * <p>Size: {@code -Dpulse.drills.restore.submissions=300} (half reported before the backup, half after),
 * {@code -Dpulse.drills.restore.after=50} (after the restore).
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrillIT {

    static final int SUBMISSIONS = Integer.getInteger("pulse.drills.restore.submissions", 300);
    static final int AFTER = Integer.getInteger("pulse.drills.restore.after", 50);
    static final int MEMBERS = 50;
    static final int THREADS = 8;
    static final String RESPONSE_SUBMITTED = AssessmentEventType.RESPONSE_SUBMITTED.type();
    static final List<String> CONSUMED = List.of(EventTopics.PARTNERSHIP, EventTopics.ASSESSMENT);

    @RegisterExtension
    static final TestWatcher UNFINISHED = FaultDrillsIT.unfinished(context -> "restore");

    PulseApi api;
    PulseEnvironment env;
    Coalition coalition;
    EventTopics topics;
    Infrastructure infrastructure;
    ServiceProcesses services;

    @BeforeAll
    void assemble() {
        env = RunningSystem.env();
        api = new PulseApi(env, RunningSystem.keycloak());
        topics = new EventTopics(env);
        infrastructure = RunningSystem.infrastructure();
        services = RunningSystem.services();
        int rounds = (SUBMISSIONS + AFTER + MEMBERS - 1) / MEMBERS;
        long t0 = System.nanoTime();
        coalition = Coalition.assemble(api, "restore", MEMBERS, rounds);
        System.out.printf("[drills] coalition of %d members with %d open rounds assembled in %d s%n",
                MEMBERS, rounds, FaultDrillsIT.seconds(t0));
    }

    @Test
    void restore() throws Exception {
        long t0 = System.nanoTime();
        DrillLedger ledger = new DrillLedger(coalition);
        int first = SUBMISSIONS / 2;
        // 1. a first stream, reported: the reports at the backup carry releases
        try (SubmissionLoad reported = SubmissionLoad.start(coalition, 0, first, THREADS)) {
            reported.awaitAll(Duration.ofMinutes(30));
            ledger.add(reported);
        }
        ledger.awaitReported();

        // 2. a second stream; half-way through, read the reports and back up the three databases; it goes on
        SubmissionLoad load = SubmissionLoad.start(coalition, first, SUBMISSIONS - first, THREADS);
        ReportSnapshot atBackup;
        int beforeBackup;
        int afterDumps;
        long dumpSeconds;
        Path backups = env.runDir().resolve("backups");
        Files.createDirectories(backups);
        try {
            load.awaitFinished((SUBMISSIONS - first) / 2, Duration.ofMinutes(30));
            // dumps first, while the stream runs; the reports show releases only, which the stream does not change,
            // so reading them after the dumps still reads them as backed up
            beforeBackup = load.finished();
            long d0 = System.nanoTime();
            for (PulseService s : PulseService.values()) {
                infrastructure.dumpDatabase(s, backup(backups, s));
            }
            dumpSeconds = FaultDrillsIT.seconds(d0);
            afterDumps = load.finished();
            atBackup = ReportSnapshot.of(coalition);
            load.awaitAll(Duration.ofMinutes(30));
        } finally {
            load.close();
        }
        ledger.add(load);
        Set<String> rounds = new HashSet<>();
        coalition.roundIds().forEach(r -> rounds.add(r.toString()));
        // everything the writers committed is on the topics and consumed before the failure (see the class comment)
        boolean published = FaultDrillsIT.await(() -> responseIds(rounds).size() >= ledger.total()
                && topics.lag("reporting-service", CONSUMED) == 0);
        TopicCount beforeFailure = count();

        // 3. the failure: every service gone at once, its database counted as lost
        long r0 = System.nanoTime();
        for (PulseService s : PulseService.values()) {
            services.kill(s);
        }
        // 4. the restore: new databases from the backups, the services on them
        for (PulseService s : PulseService.values()) {
            String restored = env.database(s) + "_restored";
            infrastructure.restoreDatabase(backup(backups, s), s, restored);
            services.environment(s, DrillLedger.with(Map.of("DB_URL", env.jdbcUrl(restored))));
        }
        // assessment-service's copy of the partnerships missed what was published after the backup: read the
        // partnership topic again (its restored inbox skips what the backup had already applied)
        // (the killed instance stays a member of the group until its session times out: until then the reset is refused)
        boolean rewound = FaultDrillsIT.await(() -> {
            try {
                topics.resetToEarliest("assessment-service", List.of(EventTopics.PARTNERSHIP));
                return true;
            } catch (IllegalStateException groupNotEmptyYet) {
                return false;
            }
        });
        for (PulseService s : PulseService.values()) {
            services.start(s);
        }
        for (PulseService s : PulseService.values()) {
            services.awaitReady(s);
        }
        JsonNode rebuild = PulseApi.ok(api.call("POST", PulseService.REPORTING, "admin", "/admin/rebuild", null, null,
                Duration.ofMinutes(20)), "POST /admin/rebuild");
        long restoreSeconds = FaultDrillsIT.seconds(r0);
        ReportSnapshot afterRestore = ReportSnapshot.of(coalition);
        List<String> differences = atBackup.differences(afterRestore);

        // 5. assessment's own data is that of the backup: which accepted submissions does it still have?
        int rolledBack = 0;
        for (SubmissionLoad.Outcome o : load.outcomes(SubmissionLoad.Outcome::accepted)) {
            if (!ledger.submitted(o.slot())) {
                rolledBack++;
            }
        }

        // 6. the restored system goes on: new submissions, then every accepted one counted once
        int afterStatus2xx;
        try (SubmissionLoad after = SubmissionLoad.start(coalition, SUBMISSIONS, AFTER, THREADS)) {
            after.awaitAll(Duration.ofMinutes(30));
            ledger.add(after);
            afterStatus2xx = after.accepted();
        }
        Map<UUID, Integer> reported = ledger.awaitReported();
        FaultDrillsIT.await(() -> topics.lag("reporting-service", CONSUMED) == 0);
        TopicCount afterAll = count();
        long republished = (afterAll.records() - beforeFailure.records()) - (afterAll.ids() - beforeFailure.ids());

        FaultDrillsIT.report("restore", "pg_dump -Fc of the 3 databases after " + beforeBackup + " of " + (SUBMISSIONS - first)
                        + " submissions of a stream (" + afterDumps + " when the dumps ended; " + first + " reported before), stream finished, kill -9 of every service,"
                        + " pg_restore into new databases, restart + rebuild (" + restoreSeconds + " s)",
                load.accepted() + " accepted " + load.statusCounts() + " (published before the failure "
                        + FaultDrillsIT.yes(published) + "); " + atBackup.documents() + " reports at the backup compared"
                        + " after the restore: " + differences.size() + " differ; rebuild read " + rebuild.path("eventsRead").asLong()
                        + " events; " + republished + " events published again by the restored outboxes; assessment"
                        + " rolled back to the backup: " + rolledBack + " accepted after it no longer there (reports count"
                        + " them); after the restore " + afterStatus2xx + "/" + AFTER + " accepted; " + ledger.total()
                        + " accepted in all; dumps " + dumpSeconds + " s",
                ledger.lost(reported), ledger.duplicated(reported), t0);
        differences.forEach(d -> System.out.println("[drills]   differs: " + d));
        assertTrue(published, "every accepted submission was published and consumed before the failure");
        assertTrue(rewound, "assessment-service's consumer group rewound");
        assertEquals(List.of(), differences, "every report equals the one read at the backup");
        assertEquals(AFTER, afterStatus2xx, "the restored system accepts submissions");
        assertEquals(0, ledger.lost(reported), "every accepted submission is reported: " + reported);
        assertEquals(0, ledger.duplicated(reported), "none counted twice: " + reported);
    }

    static Path backup(Path dir, PulseService s) {
        return dir.resolve(s.serviceName() + ".dump");
    }

    /** Distinct response ids of response-submitted events of these rounds on the assessment topic. */
    Set<String> responseIds(Set<String> rounds) {
        Set<String> ids = new HashSet<>();
        for (EventTopics.Event e : topics.readAll(EventTopics.ASSESSMENT)) {
            JsonNode event = FaultDrillsIT.parse(e.value());
            if (RESPONSE_SUBMITTED.equals(event.path("type").asText()) && rounds.contains(event.path("data").path("roundId").asText())) {
                ids.add(event.path("data").path("responseId").asText());
            }
        }
        return ids;
    }

    /** Records and distinct event ids on the two consumed topics. */
    record TopicCount(long records, long ids) {}

    TopicCount count() {
        long records = 0;
        Set<String> ids = new HashSet<>();
        for (String topic : CONSUMED) {
            for (EventTopics.Event e : topics.readAll(topic)) {
                records++;
                ids.add(FaultDrillsIT.parse(e.value()).path("id").asText());
            }
        }
        return new TopicCount(records, ids.size());
    }
}
