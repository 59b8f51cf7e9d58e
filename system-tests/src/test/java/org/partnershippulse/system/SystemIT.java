package org.partnershippulse.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end: the three packaged services run as child processes against the real PostgreSQL, Kafka broker
 * and Keycloak (realm keycloak/partnership-pulse-realm.json), with tokens from Keycloak's password grant.
 *
 * <p>Run by {@code scripts/test.sh} ({@code ./mvnw -B verify -Psystem-tests}), which starts the
 * infrastructure first. Environment: {@code PULSE_KEYCLOAK_URL} (http://127.0.0.1:8180) and
 * {@code PULSE_KAFKA_BOOTSTRAP} (127.0.0.1:9092). The services use their default ports 8081-8083: the test
 * command owns the machine. Service logs: {@code system-tests/target/service-logs/<service>.log}.
 */
class SystemIT {

    static final String REALM = "partnership-pulse";
    static final String ADMIN_ID = "a0000000-0000-4000-8000-000000000001";
    static final String OKAFOR_ID = "a0000000-0000-4000-8000-000000000004";
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final String PROBLEM_JSON = "application/problem+json";

    record Service(String name, int port, String database) {}

    static final List<Service> SERVICES = List.of(
            new Service("partnership-service", 8081, "pulse_partnership"),
            new Service("assessment-service", 8082, "pulse_assessment"),
            new Service("reporting-service", 8083, "pulse_reporting"));

    static final String KEYCLOAK_URL = stripSlash(env("PULSE_KEYCLOAK_URL", "http://127.0.0.1:8180"));
    static final String KAFKA_BOOTSTRAP = env("PULSE_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    static final String ISSUER = KEYCLOAK_URL + "/realms/" + REALM;
    static final Path ROOT = Path.of(System.getProperty("pulse.repo.root", "..")).toAbsolutePath().normalize();
    static final Path LOG_DIR = Path.of(System.getProperty("pulse.log.dir", "target/service-logs")).toAbsolutePath();

    static final Map<String, Process> PROCESSES = new LinkedHashMap<>();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static volatile boolean failed;

    /** Prints the tail of every service log when a test fails. */
    @RegisterExtension
    static final TestWatcher PRINT_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    // ------------------------------------------------------------------------------------------- lifecycle

    @BeforeAll
    static void startServices() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        List<String> missing = new ArrayList<>();
        for (Service s : SERVICES) {
            if (!Files.isRegularFile(jar(s))) {
                missing.add(jar(s).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Packaged service jar(s) missing: " + missing
                    + ". Build them first: run scripts/test.sh, or ./mvnw -B verify -Psystem-tests from the repository root"
                    + " (the services are packaged before this module), or ./mvnw -B -DskipTests package.");
        }
        requireReachable("PostgreSQL", "127.0.0.1", 5432);
        requireReachable("Kafka (PULSE_KAFKA_BOOTSTRAP)", KAFKA_BOOTSTRAP.split(",")[0].split(":")[0],
                Integer.parseInt(KAFKA_BOOTSTRAP.split(",")[0].split(":")[1]));
        requireHttp200("Keycloak realm (PULSE_KEYCLOAK_URL)", ISSUER + "/.well-known/openid-configuration");
        for (Service s : SERVICES) {
            if (portOpen("127.0.0.1", s.port())) {
                throw new IllegalStateException("Port " + s.port() + " (" + s.name() + ") is already in use."
                        + " Is scripts/run.sh running? Stop it first.");
            }
        }
        Files.createDirectories(LOG_DIR);
        Runtime.getRuntime().addShutdownHook(new Thread(SystemIT::destroyAll));
        try {
            for (Service s : SERVICES) {
                PROCESSES.put(s.name(), start(s));
            }
            for (Service s : SERVICES) {
                awaitReady(s);
            }
        } catch (Throwable t) {
            failed = true; // @AfterAll (which JUnit runs after a failed @BeforeAll too) prints the log tails
            destroyAll();
            throw t;
        }
    }

    @AfterAll
    static void stopServices() {
        if (failed) {
            printLogTails();
        }
        destroyAll();
    }

    // --------------------------------------------------------------------------------------------- tests

    @Test
    void keycloakIssuesTheTokensTheServicesExpect() {
        String issuer = given().get(ISSUER + "/.well-known/openid-configuration").then().statusCode(200)
                .extract().path("issuer");
        JsonPath admin = claims(token("admin"));
        assertEquals(ADMIN_ID, admin.getString("sub"));
        assertEquals(issuer, admin.getString("iss"));
        assertEquals("admin", admin.getString("preferred_username"));
        assertEquals("admin@example.org", admin.getString("email"));
        assertEquals("Avery Admin", admin.getString("name"));
        assertTrue(audience(admin).contains("pulse-api"), "aud must contain pulse-api: " + audience(admin));
        assertTrue(admin.getList("realm_access.roles").contains("platform-admin"));

        JsonPath okafor = claims(token("okafor"));
        assertEquals(OKAFOR_ID, okafor.getString("sub"));
        assertTrue(audience(okafor).contains("pulse-api"));
        assertFalse(okafor.getList("realm_access.roles").contains("platform-admin"));
    }

    @ParameterizedTest(name = "health, metrics and OpenAPI on :{0}")
    @ValueSource(ints = {8081, 8082, 8083})
    void managementEndpointsAnswerWithoutToken(int port) {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi")) {
            service(port).accept("*/*").get(path).then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "GET /me on :{0}")
    @ValueSource(ints = {8081, 8082, 8083})
    void meReturnsTheCaller(int port) {
        service(port).auth().oauth2(token("admin"))
                .get("/me")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("subject", equalTo(ADMIN_ID));
        service(port).auth().oauth2(token("okafor"))
                .get("/me")
                .then().statusCode(200)
                .body("subject", equalTo(OKAFOR_ID));
    }

    @ParameterizedTest(name = "GET /me without a token on :{0}")
    @ValueSource(ints = {8081, 8082, 8083})
    void meWithoutTokenIs401Problem(int port) {
        service(port)
                .get("/me")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM_JSON));
    }

    @ParameterizedTest(name = "GET /me with a tampered signature on :{0}")
    @ValueSource(ints = {8081, 8082, 8083})
    void tamperedTokenIs401(int port) {
        String tampered = tamperLastChar(token("admin"));
        assertNotEquals(token("admin"), tampered);
        service(port).auth().oauth2(tampered)
                .get("/me")
                .then().statusCode(401);
    }

    @Test
    void diagnosticPingTravelsFromAssessmentToReportingThroughKafka() {
        service(8082).auth().oauth2(token("okafor"))
                .contentType(ContentType.JSON).body("{}")
                .post("/diagnostics/ping")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM_JSON));

        String id = service(8082).auth().oauth2(token("admin"))
                .contentType(ContentType.JSON).body("{}")
                .post("/diagnostics/ping")
                .then().statusCode(202)
                .contentType(ContentType.JSON)
                .extract().path("id");
        assertDoesNotThrow(() -> UUID.fromString(id), "id must be a UUID: " + id);

        await("ping " + id + " visible on reporting-service")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> service(8083).auth().oauth2(token("admin"))
                        .get("/diagnostics/pings/{id}", id)
                        .statusCode() == 200);
    }

    // ------------------------------------------------------------------------------------------- helpers

    static RequestSpecification service(int port) {
        return given().baseUri("http://127.0.0.1").port(port).accept(ContentType.JSON);
    }

    /** A fresh token per user, from the password grant on the public client pulse-frontend (cached). */
    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "pulse-frontend")
                .formParam("username", u)
                .formParam("password", u)
                .post(ISSUER + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    static JsonPath claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static List<String> audience(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    /**
     * Changes the last character of the signature. For a 256-byte RS256 signature the last base64url
     * character carries only 2 significant bits (the other 4 are padding that lenient decoders ignore), so
     * the replacement is chosen 16 positions further in the alphabet: that flips a significant bit.
     */
    static String tamperLastChar(String jwt) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = jwt.charAt(jwt.length() - 1);
        char replacement = alphabet.charAt((alphabet.indexOf(last) + 16) % 64);
        return jwt.substring(0, jwt.length() - 1) + replacement;
    }

    static Path jar(Service s) {
        return ROOT.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static Path log(Service s) {
        return LOG_DIR.resolve(s.name() + ".log");
    }

    static Process start(Service s) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar(s).toString())
                .directory(ROOT.resolve(s.name()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(s).toFile());
        Map<String, String> env = pb.environment();
        env.put("HTTP_PORT", Integer.toString(s.port()));
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + s.database());
        env.put("DB_USERNAME", s.database());
        env.put("DB_PASSWORD", s.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA_BOOTSTRAP);
        env.put("OIDC_AUTH_SERVER_URL", ISSUER);
        env.put("OIDC_AUDIENCE", "pulse-api");
        env.put("LOG_JSON", "false");
        Process p = pb.start();
        System.out.printf("[system-tests] started %s on :%d (pid %d, log %s)%n", s.name(), s.port(), p.pid(), log(s));
        return p;
    }

    static void awaitReady(Service s) throws InterruptedException {
        Process p = PROCESSES.get(s.name());
        long started = p.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = started + READY_TIMEOUT.toMillis();
        URI ready = URI.create("http://127.0.0.1:" + s.port() + "/q/health/ready");
        int status = -1;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.name() + " exited with code " + p.exitValue()
                        + " before it became ready; see " + log(s));
            }
            try {
                status = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    System.out.printf("[system-tests] %s ready after %.1f s%n", s.name(),
                            (System.currentTimeMillis() - started) / 1000.0);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.name() + " not ready within " + READY_TIMEOUT.toSeconds()
                + " s (last /q/health/ready status " + status + "); see " + log(s));
    }

    static synchronized void destroyAll() {
        PROCESSES.values().forEach(Process::destroy);
        for (var e : PROCESSES.entrySet()) {
            Process p = e.getValue();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    System.out.println("[system-tests] " + e.getKey() + " did not stop in 20 s: killing it");
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        PROCESSES.clear();
    }

    static void printLogTails() {
        for (Service s : SERVICES) {
            Path log = log(s);
            System.out.println("----- last 80 lines of " + log + " -----");
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of("(no log)");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            } catch (IOException | RuntimeException e) {
                System.out.println("(could not read: " + e + ")");
            }
            System.out.println("----- end of " + log + " -----");
        }
    }

    static void requireReachable(String what, String host, int port) {
        if (!portOpen(host, port)) {
            throw new IllegalStateException(what + " is not reachable on " + host + ":" + port
                    + ". Start the infrastructure with scripts/test.sh (or scripts/run.sh).");
        }
    }

    static void requireHttp200(String what, String url) throws InterruptedException {
        try {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            throw new IllegalStateException(what + ": " + url + " answered " + status
                    + ". Is the realm imported (keycloak/partnership-pulse-realm.json)?");
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + url
                    + ". Start the infrastructure with scripts/test.sh (or scripts/run.sh).", e);
        }
    }

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
