package org.partnershippulse.system.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseEnvironment;
import org.partnershippulse.systemkit.PulseService;
import org.partnershippulse.systemkit.ServiceProcesses;

/**
 * Issue 12, attack 4: live streams must cost nothing idle. Against the packaged reporting-service (real Keycloak,
 * Kafka, PostgreSQL), dashboards open and abandon ten times as many live streams as the service has database
 * connections; reports must still answer 200 at once, the pool's active connections (/q/metrics) must return to
 * (near) zero, and the service must stop on SIGTERM within its shutdown timeout (quarkus.shutdown.timeout) although
 * streams are open, telling each of them SHUTDOWN.
 */
@ExtendWith(RunningSystem.class)
class LiveStreamsIT {

    private static final PulseService R = PulseService.REPORTING;
    /** Viewers of the round (one coordinator, the rest members); the per-caller cap is raised for the test. */
    private static final int VIEWERS = 4;

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void tenTimesThePoolInAbandonedStreamsLeavesReportsAnsweringAndShutdownPrompt() throws Exception {
        int pool = poolMaxSize(RunningSystem.env());
        Duration shutdownTimeout = shutdownTimeout(RunningSystem.env());
        int streams = 10 * pool;
        Coalition coalition = Coalition.assemble(api, "live", VIEWERS, 1);
        UUID round = coalition.roundIds().get(0);
        String reportPath = "/rounds/" + round + "/report";
        awaitReport(coalition.coordinator(), reportPath);

        ServiceProcesses services = RunningSystem.services();
        int perCaller = (streams + VIEWERS - 1) / VIEWERS;
        services.stop(R);
        services.environment(R, Map.of("PULSE_REPORTING_LIVE_MAX_PER_CALLER", Integer.toString(perCaller)));
        try {
            services.start(R);
            services.awaitReady(R);

            // 1. ten times the pool in open streams: each gets its first summary, none holds a connection
            List<Viewer> open = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                Viewer v = new Viewer(coalition.members().get(i % VIEWERS), round);
                assertEquals(200, v.status, "stream " + (i + 1) + " of " + streams + ": " + v.status);
                open.add(v);
            }
            long openMillis = (System.nanoTime() - t0) / 1_000_000;
            for (Viewer v : open) {
                assertTrue(v.awaitFirstSummary(30), "every stream starts with a summary");
            }
            Thread.sleep(2500); // a few polls with every stream open
            Metrics whileOpen = metrics();
            Timed reportWhileOpen = timedReport(coalition.coordinator(), reportPath);
            assertEquals(200, reportWhileOpen.status, "the report with " + streams + " streams open");
            assertEquals(streams, (int) whileOpen.liveStreams, "open streams the service counts");
            assertTrue(whileOpen.active <= 2, "active connections with " + streams + " idle streams: " + whileOpen.active);

            // 2. every dashboard goes away without a word
            open.forEach(Viewer::abandon);
            long freed = System.nanoTime();
            Metrics after = metrics();
            while (after.liveStreams > 0 && System.nanoTime() - freed < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(200);
                after = metrics();
            }
            long freedMillis = (System.nanoTime() - freed) / 1_000_000;
            Timed reportAfter = timedReport(coalition.coordinator(), reportPath);
            assertEquals(0, (int) after.liveStreams, "streams left after the clients went away");
            assertTrue(after.active <= 1, "active connections after the streams are gone: " + after.active);
            assertEquals(200, reportAfter.status, "the report after " + streams + " abandoned streams");
            assertEquals(200, status("/q/health/ready"), "ready after the streams are gone");

            // 3. SIGTERM with streams open: they end with SHUTDOWN, the service does not wait for them
            List<Viewer> lingering = new ArrayList<>();
            for (int i = 0; i < 2 * pool; i++) {
                lingering.add(new Viewer(coalition.members().get(i % VIEWERS), round));
            }
            for (Viewer v : lingering) {
                assertTrue(v.awaitFirstSummary(30));
            }
            long stopStart = System.nanoTime();
            services.stop(R);
            long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
            long toldShutdown = lingering.stream().filter(v -> v.endReason().contains("SHUTDOWN")).count();
            lingering.forEach(Viewer::abandon);

            System.out.printf("LIVE STREAMS | pool %d connections | %d streams opened in %d ms | while open: active %.0f, "
                            + "report %d in %.1f ms | abandoned: %.0f streams left after %d ms, active %.0f, report %d in %.1f ms"
                            + " | SIGTERM with %d streams open: stopped in %d ms (timeout %d s), %d told SHUTDOWN%n",
                    pool, streams, openMillis, whileOpen.active, reportWhileOpen.status, reportWhileOpen.millis,
                    after.liveStreams, freedMillis, after.active, reportAfter.status, reportAfter.millis,
                    lingering.size(), stopMillis, shutdownTimeout.toSeconds(), toldShutdown);
            assertTrue(stopMillis < shutdownTimeout.toMillis(), "stopped in " + stopMillis + " ms");
            assertEquals(lingering.size(), toldShutdown, "streams told SHUTDOWN");
        } finally {
            services.stop(R);
            services.environment(R, Map.of());
            services.start(R);
            services.awaitReady(R);
        }
    }

    /** The pool's maximum: DB_POOL_MAX as deployed, else service-kit's default. */
    private static int poolMaxSize(PulseEnvironment env) throws IOException {
        String configured = System.getenv("DB_POOL_MAX");
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        Path defaults = env.repoRoot().resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties");
        Matcher m = Pattern.compile("quarkus\\.datasource\\.jdbc\\.max-size=\\$\\{DB_POOL_MAX:(\\d+)}").matcher(Files.readString(defaults));
        if (!m.find()) {
            throw new IllegalStateException("no pool size in " + defaults);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The services' quarkus.shutdown.timeout default, as service-kit's configuration sets it (SHUTDOWN_TIMEOUT). */
    private static Duration shutdownTimeout(PulseEnvironment env) throws IOException {
        Path defaults = env.repoRoot().resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties");
        Matcher m = Pattern.compile("(?m)^quarkus\\.shutdown\\.timeout=\\$\\{SHUTDOWN_TIMEOUT:(\\d+)S}$").matcher(Files.readString(defaults));
        if (!m.find()) {
            throw new IllegalStateException("no quarkus.shutdown.timeout in " + defaults);
        }
        return Duration.ofSeconds(Long.parseLong(m.group(1)));
    }

    private void awaitReport(String user, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (api.call("GET", R, user, path, null, null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting never reported " + path);
            }
            Thread.sleep(500);
        }
    }

    private record Timed(int status, double millis) {
    }

    private Timed timedReport(String user, String path) {
        PulseApi.Reply r = api.call("GET", R, user, path, null, null);
        return new Timed(r.status(), r.nanos() / 1e6);
    }

    private record Metrics(double active, double liveStreams) {
    }

    /** The pool's active connections and the open live streams, from reporting's /q/metrics. */
    private Metrics metrics() throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create(api.env().baseUri(R) + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Metrics(gauge(text, "agroal_active_count"), gauge(text, "pulse_live_streams"));
    }

    private static double gauge(String metrics, String name) {
        return Arrays.stream(metrics.split("\n")).filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.env().baseUri(R) + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One dashboard: reads the stream on a thread of its own, remembers the events' names and the end's data. */
    private final class Viewer {

        final int status;
        private final HttpResponse<Stream<String>> response;
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstSummary = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile String endData = "";

        Viewer(String user, UUID round) throws IOException {
            response = api.stream(R, user, "/rounds/" + round + "/live");
            status = response.statusCode();
            Thread reader = new Thread(this::read, "live-viewer");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String name = null;
            try (Stream<String> lines = response.body()) {
                for (var it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                        events.add(name);
                        if (name.equals("summary")) {
                            firstSummary.countDown();
                        }
                    } else if (line.startsWith("data:") && "end".equals(name)) {
                        endData = line.substring(5).trim();
                    }
                }
            } catch (RuntimeException e) {
                // closed by abandon() or by the service
            } finally {
                ended.countDown();
            }
        }

        boolean awaitFirstSummary(int seconds) throws InterruptedException {
            return firstSummary.await(seconds, TimeUnit.SECONDS);
        }

        /** The end event's data, once the stream ended (waits a moment for that). */
        String endReason() {
            try {
                ended.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return endData;
        }

        /** The client goes away: the connection is closed, nothing is said. */
        void abandon() {
            try {
                response.body().close();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }
}
