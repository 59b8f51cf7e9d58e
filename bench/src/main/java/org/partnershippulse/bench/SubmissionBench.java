package org.partnershippulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;

/**
 * Benchmarks 1 (ingest) and 2 (freshness) of bench/run against the running system addressed by the PULSE_*
 * variables, and the services' resident memory after the ingest. Writes its figures as JSON (--json FILE);
 * bench/run merges them with the other measurements into the table.
 *
 * <pre>
 * java -cp ... org.partnershippulse.bench.SubmissionBench --json out.json [--levels 1,8,32,64] [--count 3000]
 *     [--seconds 20] [--warmup-count 200] [--warmup-seconds 5] [--members 200] [--rate 200]
 *     [--freshness-seconds 60] [--skip-freshness] [--two-requests]
 * </pre>
 */
public final class SubmissionBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        List<Integer> levels = Arrays.stream(opts.getOrDefault("levels", "1,8,32,64").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int count = intOpt(opts, "count", 3000);
        Duration seconds = Duration.ofSeconds(intOpt(opts, "seconds", 20));
        int warmupCount = intOpt(opts, "warmup-count", 200);
        Duration warmupSeconds = Duration.ofSeconds(intOpt(opts, "warmup-seconds", 5));
        int rate = intOpt(opts, "rate", 200);
        int freshnessSeconds = opts.containsKey("skip-freshness") ? 0 : intOpt(opts, "freshness-seconds", 60);
        int members = Math.max(intOpt(opts, "members", 200), levels.stream().max(Integer::compare).orElse(1));
        Path out = Path.of(opts.getOrDefault("json", "submission-bench.json"));

        PulseEnvironment env = PulseEnvironment.fromEnvironment();
        PulseApi api = new PulseApi(env, new Keycloak(env));
        int needed = levels.size() * (count + warmupCount) + 2 * rate * freshnessSeconds + 3 * members;
        int rounds = (needed + members - 1) / members;
        long t0 = System.nanoTime();
        log("assembling a coalition of %d members with %d open PAI rounds (%d submissions available)", members, rounds, members * rounds);
        Coalition coalition = Coalition.assemble(api, "bench", members, rounds);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;
        log("coalition %s ready in %.1f s", coalition.partnershipId(), setupSeconds);
        Slots slots = new Slots(coalition.slots(), members);

        ObjectNode root = JSON.createObjectNode();
        root.put("partnershipId", coalition.partnershipId().toString());
        root.put("members", members);
        root.put("rounds", rounds);
        root.put("setupSeconds", round(setupSeconds, 1));

        // --two-requests: the draft flow (save, then submit), as the bench measured before the one-request submission
        boolean twoRequests = opts.containsKey("two-requests");
        root.put("ingestFlow", twoRequests ? "save-then-submit" : "one-request");
        ClosedLoopIngest ingest = new ClosedLoopIngest(coalition, slots, twoRequests);
        ArrayNode ingestJson = root.putObject("ingest").putArray("levels");
        for (int concurrency : levels) {
            fetchTokens(api, coalition);
            ClosedLoopIngest.Level level = ingest.run(concurrency, warmupCount, warmupSeconds, count, seconds);
            ObjectNode l = ingestJson.addObject();
            l.put("concurrency", concurrency);
            l.put("submissions", level.submissions());
            l.put("seconds", round(level.seconds(), 2));
            l.put("perSecond", round(level.perSecond(), 1));
            percentiles(l, level.latency());
            l.put("errors", level.errors());
            ObjectNode byStatus = l.putObject("errorsByStatus");
            level.errorsByStatus().forEach((status, n) -> byStatus.put(String.valueOf(status), n));
            if (level.firstError() != null) {
                l.put("firstError", level.firstError());
            }
            log("ingest at %d: %d submissions in %.1f s = %.1f/s, p50 %.1f ms, p99 %.1f ms, %d errors %s",
                    concurrency, level.submissions(), level.seconds(), level.perSecond(),
                    ms(level.latency().getValueAtPercentile(50)), ms(level.latency().getValueAtPercentile(99)),
                    level.errors(), level.errorsByStatus());
        }
        root.set("rssAfterIngestMb", residentMemory(env));

        root.put("reportingCaughtUpAfterIngestSeconds", caughtUp(coalition, ingest.acceptedByRound()));

        if (freshnessSeconds > 0) {
            OpenLoopFreshness freshness = new OpenLoopFreshness(coalition, slots, ingest.acceptedByRound());
            root.set("freshness", freshness(api, coalition, slots, freshness, rate, freshnessSeconds));
            root.put("reportingCaughtUpAfterFreshnessSeconds", caughtUp(coalition, ingest.acceptedByRound()));
            // The same at half the best closed-loop rate: what a submission waits for when the system keeps up
            // (the offered 200/s may be beyond this machine, and then the figure above measures the backlog).
            double best = 0;
            for (var level : ingestJson) {
                best = Math.max(best, level.path("perSecond").asDouble());
            }
            int sustainable = (int) Math.max(1, Math.min(rate, Math.floor(best / 2)));
            root.set("freshnessAtHalfCapacity", freshness(api, coalition, slots, freshness, sustainable, freshnessSeconds));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), root);
        log("wrote %s", out);
        System.exit(0); // the JDK HttpClient's selector threads would otherwise keep the JVM a while
    }

    /** One open-loop freshness run from the first fresh round, after reporting has counted what came before. */
    private static ObjectNode freshness(PulseApi api, Coalition coalition, Slots slots, OpenLoopFreshness freshness,
                                        int rate, int seconds) {
        slots.skipToFreshRound();
        fetchTokens(api, coalition);
        OpenLoopFreshness.Result f = freshness.run(rate, Duration.ofSeconds(seconds), 64, Duration.ofSeconds(60), Duration.ofMillis(20));
        ObjectNode fj = JSON.createObjectNode();
        fj.put("targetPerSecond", f.targetRate());
        fj.put("achievedPerSecond", round(f.achievedRate(), 1));
        fj.put("seconds", seconds);
        fj.put("due", f.due());
        fj.put("notSentWithin30sOfSchedule", f.notSent());
        fj.put("accepted", f.accepted());
        fj.put("errors", f.errors());
        fj.put("visible", f.visible());
        fj.put("notVisibleWithin60s", f.notVisible());
        percentiles(fj.putObject("submitToVisibleMs"), f.freshness());
        percentiles(fj.putObject("dueToAcceptedMs"), f.submitFromDue());
        fj.put("meanPollMs", round(f.meanPollMs(), 1));
        fj.put("polls", f.polls());
        log("freshness at %d/s (achieved %.1f/s): p50 %.0f ms, p99 %.0f ms; %d of %d accepted seen, %d errors, %d of %d not sent (driver > 30 s behind)",
                rate, f.achievedRate(), ms(f.freshness().getValueAtPercentile(50)),
                ms(f.freshness().getValueAtPercentile(99)), f.visible(), f.accepted(), f.errors(), f.notSent(), f.due());
        return fj;
    }

    /** Every member's token before the clock starts (cached by Keycloak for most of its 10-minute life). */
    private static void fetchTokens(PulseApi api, Coalition coalition) {
        coalition.members().parallelStream().forEach(u -> api.keycloak().token(u));
    }

    /** Seconds until reporting counted every submission accepted so far (at most 180), null if it did not. */
    private static Double caughtUp(Coalition coalition, Map<UUID, AtomicInteger> accepted) {
        double drained = awaitReported(coalition, accepted, Duration.ofSeconds(180));
        log("reporting counted every accepted submission %s", drained < 0 ? "NOT within 180 s" : String.format("after %.1f s more", drained));
        return drained < 0 ? null : round(drained, 1);
    }

    /** Waits until each round's report counts every submission accepted in it; seconds it took, or -1. */
    private static double awaitReported(Coalition coalition, Map<UUID, AtomicInteger> accepted, Duration limit) {
        long start = System.nanoTime();
        Map<UUID, Integer> left = new HashMap<>();
        accepted.forEach((round, n) -> left.put(round, n.get()));
        while (!left.isEmpty()) {
            for (UUID round : new ArrayList<>(left.keySet())) {
                if (coalition.reportedResponses(round) >= left.get(round)) {
                    left.remove(round);
                }
            }
            if (System.nanoTime() - start > limit.toNanos()) {
                return -1;
            }
            OpenLoopFreshness.sleepUntil(System.nanoTime() + 100_000_000L);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** VmRSS of each service started by scripts/lib.sh or bench/run (pid files in PULSE_RUN_DIR), in MB. */
    static ObjectNode residentMemory(PulseEnvironment env) {
        ObjectNode rss = JSON.createObjectNode();
        for (PulseService s : PulseService.values()) {
            try {
                String pid = Files.readAllLines(env.runDir().resolve(s.serviceName() + ".pid")).get(0).trim();
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss.put(s.serviceName(), Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0));
                    }
                }
            } catch (IOException | RuntimeException e) {
                rss.putNull(s.serviceName()); // not started through a pid file: not measured
            }
        }
        return rss;
    }

    private static void percentiles(ObjectNode node, Histogram h) {
        node.put("count", h.getTotalCount());
        node.put("p50Ms", round(ms(h.getValueAtPercentile(50)), 2));
        node.put("p95Ms", round(ms(h.getValueAtPercentile(95)), 2));
        node.put("p99Ms", round(ms(h.getValueAtPercentile(99)), 2));
        node.put("maxMs", round(ms(h.getMaxValue()), 2));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static int intOpt(Map<String, String> opts, String name, int fallback) {
        String v = opts.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opts.put(name, flag ? "true" : args[++i]);
        }
        return opts;
    }

    private static void log(String format, Object... args) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
