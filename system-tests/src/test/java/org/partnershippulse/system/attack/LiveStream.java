package org.partnershippulse.system.attack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * A viewer of a round's live stream: reads its server-sent events on a thread of its own and remembers each
 * event's name and data, and whether the service ended the stream.
 */
final class LiveStream implements AutoCloseable {

    record Event(String name, String data) {
    }

    final int status;
    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile boolean ended;
    private final Thread reader;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.status = response.statusCode();
        this.reader = new Thread(this::read, "live-stream-viewer");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(PulseApi api, String user, String roundId) throws IOException {
        return new LiveStream(api.stream(PulseService.REPORTING, user, "/rounds/" + roundId + "/live"));
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed under us: the stream has ended either way
        } finally {
            ended = true;
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Events named {@code summary} received since index {@code from}. */
    List<Event> summariesSince(int from) {
        List<Event> all = events();
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(e -> e.name().equals("summary")).toList();
    }

    boolean ended() {
        return ended;
    }

    /** Waits up to {@code millis} for the service to end the stream. */
    boolean awaitEnd(long millis) {
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        reader.interrupt();
    }
}
