package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.ContractConformance;
import org.partnershippulse.systemkit.PulseService;

/** Plain HTTP to the running services with real Keycloak tokens: exactly the bytes and headers we choose. */
final class Api {

    /** An answer: status, Content-Type, ETag, body and all headers. */
    record Answer(int status, String contentType, String etag, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ContractConformance contracts;

    /** @param contracts sees every answer (the set-up's included) to check it against the committed contracts */
    Api(ContractConformance contracts) {
        this.contracts = contracts;
    }

    Answer send(PulseService service, String user, String method, String path, Map<String, String> query,
                Map<String, String> headers, String contentType, byte[] body) throws IOException {
        String uri = RunningSystem.env().baseUri(service) + path + (query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + RunningSystem.keycloak().token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            contracts.check(method, response.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A call of the set-up, which must succeed. */
    Answer call(PulseService service, String user, String method, String path, Map<String, String> headers, JsonNode body) {
        try {
            Answer answer = send(service, user, method, path, Map.of(), headers, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsBytes(body));
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " as " + user + " answered " + answer.status()
                        + ": " + answer.body() + (body == null ? "" : "\nbody sent: " + body));
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    /** The status of a GET, for waiting until something arrived. */
    int status(PulseService service, String user, String path) {
        try {
            return send(service, user, "GET", path, Map.of(), Map.of(), null, null).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
