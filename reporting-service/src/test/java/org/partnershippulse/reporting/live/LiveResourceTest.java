package org.partnershippulse.reporting.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/** A dashboard's view of an open round over server-sent events, read by a real HTTP client from the stream. */
@QuarkusTest
class LiveResourceTest {

    static final String T1 = "trust-understanding-partners";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());
    static final ObjectMapper JSON = new ObjectMapper();

    record Event(String name, String data) {
    }

    @Test
    void aSummaryArrivesWithEachReleaseNotWithEachResponseAndHeartbeatsInBetween() throws Exception {
        Partnership p = Partnership.create("Live", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round).then().statusCode(200));

        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/rounds/" + round + "/live"))
                .header("Authorization", "Bearer " + TestTokens.of(p.coordinator()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        CompletableFuture.runAsync(() -> read(response.body(), events));
        try {
            JsonNode first = next(events, "summary");
            assertEquals(0, first.path("participation").path("responded").asInt());
            assertTrue(first.path("release").isNull(), "nothing released yet");

            // Each response alone changes no result: the stream pushes nothing but heartbeats.
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE")));
            Releases.awaitApplied(round, 2, 2);
            assertNotNull(poll(events, "heartbeat", 10), "a heartbeat while nothing is released");
            assertNull(poll(events, "summary", 3), "no summary for a response");

            Releases.cut(round, 2);
            JsonNode two = next(events, "summary");
            assertEquals(1, two.path("release").path("number").asInt());
            assertEquals(2, two.path("participation").path("responded").asInt());
            assertFalse(two.path("resultsWithheld").asBoolean());
            JsonNode item = null;
            for (JsonNode i : two.path("items")) {
                if (T1.equals(i.path("itemKey").asText())) {
                    item = i;
                }
            }
            assertNotNull(item);
            assertEquals(2, item.path("responses").asInt());
            assertEquals(2.5, item.path("mean").asDouble(), 1e-9);

            assertNotNull(poll(events, "heartbeat", 10), "a heartbeat while nothing changes");
        } finally {
            response.body().close();
        }
    }

    @Test
    void outsidersAreToldTheRoundDoesNotExist() {
        Partnership p = Partnership.create("Live private", null);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).accept("text/event-stream")
                .when().get("/rounds/{id}/live", round).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.OUTSIDER)).accept("text/event-stream")
                .when().get("/rounds/nope/live").then().statusCode(400);
    }

    private static void read(Stream<String> lines, BlockingQueue<Event> events) {
        String[] name = { null };
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && name[0] != null) {
                    events.add(new Event(name[0], data.toString()));
                    name[0] = null;
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    private static JsonNode next(BlockingQueue<Event> events, String name) throws Exception {
        Event e = poll(events, name, 30);
        assertNotNull(e, "no " + name + " event");
        return JSON.readTree(e.data());
    }

    private static Event poll(BlockingQueue<Event> events, String name, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Event e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
