package org.partnershippulse.reporting.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A dashboard reading a round's live stream over real HTTP/1.1, on a thread of its own. */
final class SseViewer implements AutoCloseable {

    record Event(String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new IllegalStateException(data, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseViewer(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-viewer");
            reader.setDaemon(true);
            reader.start();
        } else {
            ended.countDown();
        }
    }

    static SseViewer open(String token, UUID round) throws Exception {
        return new SseViewer(HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/rounds/" + round + "/live"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    /** The body of a refused stream (a problem). */
    String body() {
        return String.join("\n", response.body().toList());
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> named(String name) {
        return events().stream().filter(e -> e.name().equals(name)).toList();
    }

    /** Waits for the {@code n}th event of that name (1-based). */
    Event await(String name, int n, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            List<Event> of = named(name);
            if (of.size() >= n) {
                return of.get(n - 1);
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Whether the service ended the stream within that time. */
    boolean awaitEnd(int seconds) throws InterruptedException {
        return ended.await(seconds, TimeUnit.SECONDS);
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, data.toString()));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        } finally {
            ended.countDown();
        }
    }

    /** The client goes away: the connection is closed without reading further. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
