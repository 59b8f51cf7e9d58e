package org.partnershippulse.systemkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON client of the three services' public APIs, as a realm user with a real Keycloak token. Each call
 * answers a {@link Reply} with the status, the ETag and the time it took, so load drivers can count and time
 * without exceptions; {@link #ok} turns a non-2xx into an exception for set-up steps.
 */
public final class PulseApi {

    public record Reply(int status, String etag, JsonNode body, String rawBody, long nanos) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PulseEnvironment env;
    private final Keycloak keycloak;
    private final HttpClient http;
    /** How many instances each service's requests are spread over ({@link #spread}); 1 when absent. */
    private final Map<PulseService, Integer> instances = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

    public PulseApi(PulseEnvironment env, Keycloak keycloak) {
        this.env = env;
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    /**
     * Spreads this client's requests to a service round-robin over its instances 0 … n−1 (the scale-out drill), as a
     * Kubernetes Service or load balancer would; a request whose connection an instance refuses (it is down) goes to
     * the next instance, since it never reached one. n = 1 goes back to the usual instance alone.
     */
    public void spread(PulseService service, int n) {
        instances.put(service, Math.max(1, n));
    }

    public PulseEnvironment env() {
        return env;
    }

    /** One request; {@code user} null = anonymous, {@code body} null = none. Never throws for an HTTP status. */
    public Reply call(String method, PulseService service, String user, String path, Object body, String ifMatch) {
        return call(method, service, user, path, body, ifMatch, Duration.ofSeconds(30));
    }

    /** As above, for a request allowed to take longer than 30 s (an operator's rebuild). */
    public Reply call(String method, PulseService service, String user, String path, Object body, String ifMatch,
                      Duration timeout) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        String text = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            text = body instanceof String s ? s : write(body);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = exchange(method, service, user, path, text, headers, timeout);
            long nanos = System.nanoTime() - t0;
            JsonNode json = MissingNode.getInstance();
            String raw = r.body();
            if (raw != null && !raw.isEmpty() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(raw);
            }
            return new Reply(r.statusCode(), r.headers().firstValue("ETag").orElse(null), json, raw, nanos);
        } catch (IOException e) {
            // connection refused/reset: a status the caller can count (0 = no HTTP answer at all)
            return new Reply(0, null, MissingNode.getInstance(), e.toString(), System.nanoTime() - t0);
        }
    }

    /**
     * One request with exactly the body and headers given, answered whole (status, every header, the raw body):
     * for checks of headers and of bodies no JSON client would send. {@code user} null = anonymous.
     */
    public HttpResponse<String> exchange(String method, PulseService service, String user, String path, String body,
                                         Map<String, String> headers, Duration timeout) throws IOException {
        int n = instances.getOrDefault(service, 1);
        int first = Math.floorMod(turn.getAndIncrement(), n);
        for (int i = 0; ; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(env.baseUri(service, (first + i) % n) + path)).timeout(timeout);
            headers.forEach(b::header);
            if (user != null) {
                b.header("Authorization", "Bearer " + keycloak.token(user));
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException refused) {
                if (i + 1 >= n) {
                    throw refused;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A server-sent event stream, read line by line as it arrives; close the stream to end the request. */
    public HttpResponse<java.util.stream.Stream<String>> stream(PulseService service, String user, String path) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(env.baseUri(service) + path))
                .header("Accept", "text/event-stream");
        if (user != null) {
            b.header("Authorization", "Bearer " + keycloak.token(user));
        }
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A set-up call that must succeed: fails with the answer's body otherwise. */
    public JsonNode ok(String method, PulseService service, String user, String path, Object body) {
        return ok(call(method, service, user, path, body, null), method + " " + path + " as " + user);
    }

    public JsonNode get(PulseService service, String user, String path) {
        return ok("GET", service, user, path, null);
    }

    public static JsonNode ok(Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.rawBody());
        }
        return reply.body();
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
