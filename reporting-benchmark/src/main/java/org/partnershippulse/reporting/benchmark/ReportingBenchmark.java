package org.partnershippulse.reporting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.jwt.build.Jwt;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partnershippulse.testkit.EmbeddedKafkaBroker;
import org.partnershippulse.testkit.TestEvents;

/**
 * Measures reporting-service end to end: an embedded broker, the packaged service started as a child process
 * (reporting-service/target/quarkus-app/quarkus-run.jar) against a PostgreSQL database, events produced to the
 * topics, reports read over HTTP with a platform administrator's token (signed by a key made for the run and
 * published by a minimal OIDC discovery + JWKS endpoint the benchmark serves itself).
 *
 * <p>Per size N: N responses to a fresh round of the real PAI instrument (34 items) produced at once, and the time
 * until the report counts all of them (events consumed per second); then event-to-report latency (one response
 * produced, the report polled until it counts it) and round-report latency (GET /rounds/{id}/report), p50 and p99.
 *
 * <p>Arguments: sizes (default 10,1000,100000). System properties: pulse.bench.db-url
 * (default jdbc:postgresql://127.0.0.1:5432/pulse_reporting_bench — its schema is cleaned!), pulse.bench.db-user,
 * pulse.bench.db-password (pulse_reporting), pulse.bench.port (18083), pulse.bench.samples (50).
 */
public final class ReportingBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "org.partnershippulse.";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length == 0 ? "10,1000,100000" : args[0]).split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        int samples = Integer.getInteger("pulse.bench.samples", 50);
        Path root = root();
        Path jar = root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: ./mvnw -B -q install -o -pl reporting-service -DskipTests");
        }
        JsonNode instrument = JSON.readTree(root.resolve(
                "assessment-service/src/main/resources/instruments/bcr-partnership-assessment-inventory.json").toFile());

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String issuer = serveOidc((RSAPublicKey) keys.getPublic());
        String token = Jwt.subject("bench-admin").issuer(issuer).audience(Set.of("pulse-api"))
                .claim("realm_access", Map.of("roles", List.of("platform-admin"))).expiresIn(Duration.ofHours(6))
                .jws().keyId("bench").sign(keys.getPrivate());
        int port = Integer.getInteger("pulse.bench.port", 18083);
        Process service = start(jar, broker.bootstrapServers(), port, issuer);
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
        String base = "http://127.0.0.1:" + port;
        awaitReady(base);

        List<String> rows = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all", "linger.ms", "10", "batch.size", "262144", "compression.type", "lz4"),
                new StringSerializer(), new StringSerializer())) {
            Bench bench = new Bench(producer, base, token, instrument);
            for (int n : sizes) {
                rows.add(bench.run(n, samples));
            }
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        System.out.println();
        System.out.println("| responses | events consumed/s | event→report p50 ms | p99 ms | round report p50 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    record Bench(KafkaProducer<String, String> producer, String base, String token, JsonNode instrument) {

        String run(int n, int samples) throws Exception {
            UUID partnership = UUID.randomUUID();
            UUID round = UUID.randomUUID();
            String key = partnership.toString();
            ObjectNode p = JSON.createObjectNode().put("partnershipId", key).put("name", "Bench " + n).put("status", "ACTIVE")
                    .put("geographyType", "COUNTY").put("geographyName", "Bench").put("structure", "LEADERSHIP_TABLE")
                    .put("version", 0);
            producer.send(new ProducerRecord<>("pulse.partnership.v1", key, event("/partnership-service", "partnership.created.v1", key, p)));
            ObjectNode r = JSON.createObjectNode().put("roundId", round.toString()).put("partnershipId", key).put("title", "Bench")
                    .put("instrumentKey", instrument.path("key").asText()).put("instrumentVersion", 1);
            r.set("instrument", instrument);
            r.put("confidentiality", "CONFIDENTIAL").put("minimumGroupSize", 5).putArray("allowedBreakdowns").add("SECTOR").add("ROLE");
            r.put("invitedCount", n + samples).put("respondedCount", 0).put("openedAt", Instant.now().toString());
            r.putObject("invitedBySector");
            r.putObject("invitedByRole");
            producer.send(new ProducerRecord<>("pulse.assessment.v1", key, event("/assessment-service", "round.opened.v1", key, r)));
            producer.flush();
            while (get("/rounds/" + round + "/report") == null) {
                Thread.sleep(50);
            }

            Random random = new Random(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("pulse.assessment.v1", key, response(key, round, random)));
            }
            producer.flush();
            while (responded(round) < n) {
                Thread.sleep(20);
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);

            List<Double> eventToReport = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                int before = n + i;
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>("pulse.assessment.v1", key, response(key, round, random)));
                producer.flush();
                while (responded(round) <= before) {
                    Thread.onSpinWait();
                }
                eventToReport.add((System.nanoTime() - t) / 1e6);
            }
            List<Double> report = new ArrayList<>();
            for (int i = 0; i < Math.max(samples * 2, 100); i++) {
                long t = System.nanoTime();
                get("/rounds/" + round + "/report");
                report.add((System.nanoTime() - t) / 1e6);
            }
            String row = String.format("| %,d | %,.0f | %.1f | %.1f | %.1f | %.1f |", n, perSecond, pct(eventToReport, 50),
                    pct(eventToReport, 99), pct(report, 50), pct(report, 99));
            System.out.println(row);
            return row;
        }

        String response(String key, UUID round, Random random) {
            ObjectNode d = JSON.createObjectNode().put("roundId", round.toString()).put("partnershipId", key)
                    .put("instrumentKey", instrument.path("key").asText()).put("instrumentVersion", 1)
                    .put("responseId", UUID.randomUUID().toString()).put("revision", 1)
                    .put("respondentId", UUID.randomUUID().toString()).put("sector", List.of("EDUCATION", "HEALTH", "FAITH", "BUSINESS").get(random.nextInt(4)));
            d.putArray("roles").add("MEMBER");
            d.put("language", "en");
            ArrayNode answers = d.putArray("answers");
            for (JsonNode section : instrument.path("sections")) {
                for (JsonNode item : section.path("items")) {
                    JsonNode scale = scale(item.path("scale").asText());
                    if (scale != null && scale.path("options").size() > 0) {
                        JsonNode options = scale.path("options");
                        answers.addObject().put("itemKey", item.path("key").asText())
                                .put("value", options.get(random.nextInt(options.size())).path("value").asText());
                    }
                }
            }
            d.putArray("reflections");
            d.put("submittedAt", Instant.now().toString());
            return event("/assessment-service", "assessment.response-submitted.v1", key, d);
        }

        JsonNode scale(String key) {
            for (JsonNode s : instrument.path("scales")) {
                if (key.equals(s.path("key").asText())) {
                    return s;
                }
            }
            return null;
        }

        int responded(UUID round) throws Exception {
            JsonNode report = get("/rounds/" + round + "/report");
            return report == null ? -1 : report.path("participation").path("responded").asInt();
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        }
    }

    static String event(String source, String type, String key, ObjectNode data) {
        return TestEvents.cloudEvent(UUID.randomUUID(), source, PREFIX + type, key, data.toString());
    }

    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A minimal OIDC provider for the run: discovery document and the run's signing key as JWKS. */
    static String serveOidc(RSAPublicKey key) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bench";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwks = JSON.writeValueAsString(Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "bench", "use", "sig",
                "alg", "RS256", "n", b64.encodeToString(unsigned(key.getModulus())), "e",
                b64.encodeToString(unsigned(key.getPublicExponent()))))));
        String discovery = JSON.writeValueAsString(Map.of("issuer", issuer, "jwks_uri", issuer + "/jwks"));
        server.createContext("/realms/bench/.well-known/openid-configuration", x -> reply(x, discovery));
        server.createContext("/realms/bench/jwks", x -> reply(x, jwks));
        server.start();
        return issuer;
    }

    static void reply(HttpExchange x, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static Process start(Path jar, String bootstrap, int port, String issuer) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "reporting-benchmark-service.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("DB_URL", System.getProperty("pulse.bench.db-url", "jdbc:postgresql://127.0.0.1:5432/pulse_reporting_bench"));
        env.put("DB_USERNAME", System.getProperty("pulse.bench.db-user", "pulse_reporting"));
        env.put("DB_PASSWORD", System.getProperty("pulse.bench.db-password", "pulse_reporting"));
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("OIDC_AUTH_SERVER_URL", issuer);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        return pb.start();
    }

    static void awaitReady(String base) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("reporting-service did not become ready; see reporting-benchmark-service.log in the temp dir");
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("reporting-service/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }
}
