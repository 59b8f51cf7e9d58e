package org.partnershippulse.reporting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.KafkaAccess;
import org.partnershippulse.systemkit.Keycloak;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;

/**
 * Measures reporting-service in a running system (scripts/lib.sh's, addressed by the PULSE_* variables): Kafka at
 * 127.0.0.1:$PULSE_KAFKA_PORT, reporting-service at $PULSE_PORT_BASE+2, its database pulse_reporting$PULSE_DB_SUFFIX,
 * tokens of the platform administrator {@code admin} from the real Keycloak.
 *
 * <p><b>Reads</b>: per size N, a fresh partnership and round of the PAI instrument get N responses on the real topic;
 * once the report counts them, GET /rounds/{id}/report is timed, and so is one aggregate SQL query computing the same
 * figures from the raw answers ({@link RawAnswers}), p50/p99 with HdrHistogram. <b>Rebuild</b>: the topics are filled
 * up to the number of events asked for (rounds of up to 10,000 responses), then POST /admin/rebuild is timed until
 * it answers (the rebuild is one transaction: when it answers, the read models are complete), and a round's report
 * is checked to count all its responses.
 */
public final class ReportingBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int RESPONSES_PER_REBUILD_ROUND = 10_000;
    /** reporting-service's consumer group (both topics). */
    static final String CONSUMER_GROUP = "reporting-service";

    record Options(List<Integer> sizes, long rebuildEvents, int samples, Duration sampleTime, Duration timeout,
                   Path json, boolean reads, boolean rebuild) {

        static Options parse(String[] args) {
            List<Integer> sizes = List.of(10, 1_000, 100_000);
            int max = Integer.MAX_VALUE;
            long rebuildEvents = 1_000_000;
            int samples = 200;
            Duration sampleTime = Duration.ofSeconds(60);
            Duration timeout = Duration.ofMinutes(30);
            Path json = null;
            boolean reads = true;
            boolean rebuild = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(s -> Integer.parseInt(s.trim())).toList();
                    case "--max-responses" -> max = Integer.parseInt(args[++i]);
                    case "--rebuild-events" -> rebuildEvents = Long.parseLong(args[++i]);
                    case "--samples" -> samples = Integer.parseInt(args[++i]);
                    case "--sample-seconds" -> sampleTime = Duration.ofSeconds(Long.parseLong(args[++i]));
                    case "--timeout-minutes" -> timeout = Duration.ofMinutes(Long.parseLong(args[++i]));
                    case "--json" -> json = Path.of(args[++i]);
                    case "--no-reads" -> reads = false;
                    case "--no-rebuild" -> rebuild = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --sizes 10,1000,100000 "
                            + "--max-responses N --rebuild-events N --samples N --sample-seconds S --timeout-minutes M "
                            + "--json PATH --no-reads --no-rebuild");
                }
            }
            int limit = max;
            return new Options(sizes.stream().filter(n -> n <= limit).toList(), rebuildEvents, samples, sampleTime,
                    timeout, json, reads, rebuild);
        }
    }

    record Reads(int responses, double reportP50Ms, double reportP99Ms, double sqlP50Ms, double sqlP99Ms) {
        double ratioToSql() {
            return sqlP50Ms / reportP50Ms;
        }
    }

    private final Options options;
    private final PulseEnvironment env;
    private final Keycloak keycloak;
    private final String base;
    private final SyntheticEvents events;
    private final KafkaProducer<String, String> producer;
    private final EventTopics topics;
    private final long deadline;

    ReportingBenchmark(Options options) throws Exception {
        this.options = options;
        env = PulseEnvironment.fromEnvironment();
        keycloak = new Keycloak(env);
        base = env.baseUri(PulseService.REPORTING);
        events = new SyntheticEvents(env.repoRoot());
        // Throughput over latency: large compressed batches; acks=all as the services' producers.
        Properties config = KafkaAccess.clientProperties(KafkaAccess.ADMIN);
        config.putAll(Map.of("acks", "all",
                "linger.ms", "20", "batch.size", String.valueOf(1 << 20), "compression.type", "lz4",
                "buffer.memory", String.valueOf(256L << 20), "max.request.size", String.valueOf(8 << 20)));
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        deadline = System.nanoTime() + options.timeout().toNanos();
        topics = new EventTopics(env, KafkaAccess.ADMIN);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ReportingBenchmark bench = new ReportingBenchmark(options);
        ObjectNode out = JSON.createObjectNode();
        try {
            if (options.reads()) {
                List<Reads> reads = bench.reads();
                ArrayNode rows = out.putArray("reads");
                for (Reads r : reads) {
                    rows.addObject().put("responses", r.responses()).put("reportP50Ms", r.reportP50Ms())
                            .put("reportP99Ms", r.reportP99Ms()).put("sqlP50Ms", r.sqlP50Ms()).put("sqlP99Ms", r.sqlP99Ms())
                            .put("ratioToSql", round(r.ratioToSql()));
                }
                if (reads.size() >= 2) {
                    out.put("readsFlatRatio", round(reads.get(reads.size() - 1).reportP99Ms() / reads.get(0).reportP99Ms()));
                }
                System.out.println();
                System.out.println("| responses | report p50 ms | p99 ms | aggregate SQL p50 ms | p99 ms | SQL p50 / report p50 |");
                System.out.println("|---:|---:|---:|---:|---:|---:|");
                reads.forEach(r -> System.out.printf("| %,d | %.2f | %.2f | %.2f | %.2f | %.1f× |%n", r.responses(),
                        r.reportP50Ms(), r.reportP99Ms(), r.sqlP50Ms(), r.sqlP99Ms(), r.ratioToSql()));
                if (out.has("readsFlatRatio")) {
                    System.out.printf("report p99 at %,d / at %,d responses: %.2f%n", reads.get(reads.size() - 1).responses(),
                            reads.get(0).responses(), out.get("readsFlatRatio").asDouble());
                }
            }
            if (options.rebuild()) {
                out.set("rebuild", bench.rebuild());
                System.out.printf("rebuild: %s%n", out.get("rebuild"));
            }
        } finally {
            bench.producer.close(Duration.ofSeconds(30));
        }
        if (options.json() != null) {
            Files.writeString(options.json(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            System.out.println("figures written to " + options.json());
        }
        System.exit(0);
    }

    List<Reads> reads() throws Exception {
        List<Reads> rows = new ArrayList<>();
        try (RawAnswers raw = new RawAnswers(DriverManager.getConnection(env.jdbcUrl(PulseService.REPORTING),
                env("PULSE_BENCH_DB_USER", "pulse_reporting"), env("PULSE_BENCH_DB_PASSWORD", "pulse_reporting")))) {
            raw.clear();
            for (int n : options.sizes()) {
                rows.add(reads(n, raw));
            }
        }
        return rows;
    }

    private Reads reads(int n, RawAnswers raw) throws Exception {
        UUID partnership = UUID.randomUUID();
        UUID round = UUID.randomUUID();
        send(SyntheticEvents.PARTNERSHIP_TOPIC, partnership, events.partnershipCreated(partnership, "Reads " + n));
        send(SyntheticEvents.ASSESSMENT_TOPIC, partnership, events.roundOpened(partnership, round, n));
        Random random = new Random(n);
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            UUID response = UUID.randomUUID();
            String sector = SyntheticEvents.SECTORS.get(random.nextInt(SyntheticEvents.SECTORS.size()));
            int[] choices = events.randomChoices(random);
            send(SyntheticEvents.ASSESSMENT_TOPIC, partnership, events.responseSubmitted(partnership, round, response, sector, choices));
            for (int item = 0; item < choices.length; item++) {
                raw.add(round, response, sector, SyntheticEvents.ROLE, events.items().get(item), choices[item]);
            }
        }
        producer.flush();
        raw.flush();
        JsonNode report = awaitResponded(round, n);
        System.out.printf("%,d responses produced and counted in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
        checkSameFigures(report, raw.aggregate(round));

        Histogram reportLatency = time(() -> get("/rounds/" + round + "/report"));
        Histogram sqlLatency = time(() -> raw.aggregate(round));
        Reads r = new Reads(n, ms(reportLatency, 50), ms(reportLatency, 99), ms(sqlLatency, 50), ms(sqlLatency, 99));
        System.out.printf("%,d responses: report p50 %.2f ms p99 %.2f ms (%d samples); aggregate SQL p50 %.2f ms p99 %.2f ms (%d samples)%n",
                n, r.reportP50Ms(), r.reportP99Ms(), reportLatency.getTotalCount(), r.sqlP50Ms(), r.sqlP99Ms(),
                sqlLatency.getTotalCount());
        return r;
    }

    /** The report's distribution per item must equal the aggregate query's: both then measure the same figures. */
    private static void checkSameFigures(JsonNode report, Map<String, Long> sql) {
        Map<String, Long> fromReport = new HashMap<>();
        for (JsonNode item : report.path("items")) {
            for (JsonNode option : item.path("distribution")) {
                if (option.path("count").asLong() > 0) {
                    fromReport.put(item.path("itemKey").asText() + "=" + option.path("value").asText(), option.path("count").asLong());
                }
            }
        }
        if (!fromReport.equals(sql)) {
            throw new IllegalStateException("the report and the aggregate query disagree: " + fromReport + " vs " + sql);
        }
    }

    /**
     * Warm-up (up to 20 calls, at most a quarter of the sample time, at least one), then up to options.samples()
     * timings or options.sampleTime(), whichever comes first (at least 3: a slow query is still timed, boundedly).
     */
    private Histogram time(Callable<?> call) throws Exception {
        long warmUntil = System.nanoTime() + options.sampleTime().toNanos() / 4;
        for (int i = 0; i < Math.min(20, options.samples()) && (i == 0 || System.nanoTime() < warmUntil); i++) {
            call.call();
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long until = System.nanoTime() + options.sampleTime().toNanos();
        while (h.getTotalCount() < options.samples() && (h.getTotalCount() < 3 || System.nanoTime() < until)) {
            long t = System.nanoTime();
            call.call();
            h.recordValue((System.nanoTime() - t) / 1_000);
        }
        return h;
    }

    ObjectNode rebuild() throws Exception {
        long already = eventsOnTopics();
        long missing = Math.max(0, options.rebuildEvents() - already);
        System.out.printf("rebuild: %,d events on the topics, producing %,d more%n", already, missing);
        long started = System.nanoTime();
        Random random = new Random(42);
        UUID lastRound = null;
        long lastRoundResponses = 0;
        while (missing > 0) {
            UUID partnership = UUID.randomUUID();
            UUID round = UUID.randomUUID();
            send(SyntheticEvents.PARTNERSHIP_TOPIC, partnership, events.partnershipCreated(partnership, "Rebuild"));
            send(SyntheticEvents.ASSESSMENT_TOPIC, partnership, events.roundOpened(partnership, round, RESPONSES_PER_REBUILD_ROUND));
            missing -= 2;
            long responses = Math.max(0, Math.min(RESPONSES_PER_REBUILD_ROUND, missing));
            for (long i = 0; i < responses; i++) {
                send(SyntheticEvents.ASSESSMENT_TOPIC, partnership, events.responseSubmitted(partnership, round, UUID.randomUUID(),
                        SyntheticEvents.SECTORS.get(random.nextInt(SyntheticEvents.SECTORS.size())), events.randomChoices(random)));
            }
            missing -= responses;
            if (responses > 0) {
                lastRound = round;
                lastRoundResponses = responses;
            }
            checkDeadline();
        }
        producer.flush();
        System.out.printf("rebuild: produced in %.1f s; %,d events on the topics%n", (System.nanoTime() - started) / 1e9, eventsOnTopics());
        // the live consumers first apply what was produced: the rebuild is timed alone, not racing them
        long consumed = System.nanoTime();
        awaitConsumed();
        System.out.printf("rebuild: live consumption caught up in %.1f s%n", (System.nanoTime() - consumed) / 1e9);

        long t = System.nanoTime();
        HttpResponse<String> answer = post("/admin/rebuild");
        double seconds = (System.nanoTime() - t) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST /admin/rebuild answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode result = JSON.readTree(answer.body());
        if (lastRound != null) {
            // the rebuilt read models, as a release of them shows them (the round had none: it was never closed)
            awaitResponded(lastRound, (int) lastRoundResponses);
        }
        long read = result.path("eventsRead").asLong();
        System.out.printf("rebuild: %,d events read, %,d applied, %,d poison, in %.1f s (service: %,d ms)%n", read,
                result.path("eventsApplied").asLong(), result.path("poisonSkipped").asLong(), seconds,
                result.path("durationMillis").asLong());
        return JSON.createObjectNode().put("events", read).put("seconds", round(seconds))
                .put("eventsPerSecond", Math.round(read / seconds));
    }

    private long eventsOnTopics() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(KafkaAccess.clientProperties(KafkaAccess.ADMIN),
                new StringDeserializer(), new StringDeserializer())) {
            long total = 0;
            for (String topic : List.of(SyntheticEvents.PARTNERSHIP_TOPIC, SyntheticEvents.ASSESSMENT_TOPIC)) {
                List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
                for (Map.Entry<TopicPartition, Long> end : c.endOffsets(partitions).entrySet()) {
                    total += end.getValue() - begin.get(end.getKey());
                }
            }
            return total;
        }
    }

    private void send(String topic, UUID partnership, String event) {
        producer.send(new ProducerRecord<>(topic, partnership.toString(), event));
    }

    /**
     * The round's report once it counts n responses. Results change only in releases (contracts/privacy.md §4), so
     * the benchmark waits until reporting-service's consumers have committed every event produced (the group's lag
     * on both topics is zero: what the read models' freshness is computed from), then cuts an interim release as
     * the platform administrator, as a coordinator would, and reads the report of that release. Cutting before then
     * could release part of the responses and leave a tail too small to be released (the release rule).
     */
    private JsonNode awaitResponded(UUID round, int n) throws Exception {
        awaitConsumed();
        HttpResponse<String> cut = post("/rounds/" + round + "/releases");
        // 409 "nothing changed": an earlier cut already holds every response (the report says so below)
        if (cut.statusCode() != 201 && cut.statusCode() != 409) {
            throw new IllegalStateException("POST /rounds/" + round + "/releases answered " + cut.statusCode() + ": " + cut.body());
        }
        JsonNode report = get("/rounds/" + round + "/report");
        int responded = report == null ? -1 : report.path("participation").path("responded").asInt(-1);
        if (responded != n) {
            throw new IllegalStateException("round " + round + ": the report counts " + responded + " responses instead of "
                    + n + " (release: " + cut.statusCode() + " " + cut.body() + ")");
        }
        return report;
    }

    /** Waits until reporting-service's consumer group has committed every record of both topics. */
    private void awaitConsumed() throws Exception {
        while (topics.lag(CONSUMER_GROUP, List.of(SyntheticEvents.PARTNERSHIP_TOPIC, SyntheticEvents.ASSESSMENT_TOPIC)) > 0) {
            checkDeadline();
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(options.timeout())
                .header("Authorization", "Bearer " + keycloak.token("admin")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void checkDeadline() {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the benchmark ran longer than --timeout-minutes " + options.timeout().toMinutes());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + keycloak.token("admin")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static double ms(Histogram h, double percentile) {
        return round(h.getValueAtPercentile(percentile) / 1_000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
