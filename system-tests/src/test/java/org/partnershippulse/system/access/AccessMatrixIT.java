package org.partnershippulse.system.access;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.access.AccessMatrix.Caller;
import org.partnershippulse.system.access.AccessMatrix.Outcome;
import org.partnershippulse.system.access.AccessMatrix.Row;
import org.partnershippulse.system.access.AccessRequests.Call;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.ContractConformance;

/**
 * Runs the committed access matrix ({@code contracts/access-matrix.md}) against the running services: every row
 * for every caller, with real Keycloak tokens, on fixtures built through the public API. Collects every cell that
 * differs and fails once, listing them all. Every answer, the fixtures' included, is also checked against the
 * committed OpenAPI documents ({@link ContractConformance}: declared status, media type and schema).
 */
@ExtendWith(RunningSystem.class)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, String body) {
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        AccessMatrix matrix = AccessMatrix.read(AccessMatrixCoverageTest.repoRoot());
        ContractConformance contracts = ContractConformance.of(RunningSystem.env());
        AccessRequests requests = new AccessRequests(AccessFixtures.build(contracts));
        List<String> differences = new ArrayList<>();
        int cells = 0;
        for (Row row : matrix.rows()) {
            Optional<Supplier<Call>> request = requests.of(row);
            if (request.isEmpty()) {
                differences.add(row.key() + ": AccessRequests has no request for this row");
                continue;
            }
            for (Caller caller : Caller.RUN_ORDER) {
                cells++;
                Outcome expected = row.expected().get(caller);
                String cell = row.key() + " as " + caller.label;
                try {
                    Call call = request.get().get();
                    Answer answer = send(row, call, caller, contracts);
                    if (!expected.matches(answer.status())) {
                        differences.add(cell + ": expected " + expected.cell + ", got " + answer.status() + " " + brief(answer.body()));
                    } else if (expected == Outcome.SUCCESS) {
                        String problem = call.check().problem(caller, answer.body());
                        if (problem != null) {
                            differences.add(cell + ": " + expected.cell + " as expected, but " + problem);
                        }
                    }
                } catch (RuntimeException e) {
                    differences.add(cell + ": " + e.getMessage());
                }
            }
        }
        Set<String> tabled = matrix.rows().stream().map(Row::key).collect(Collectors.toSet());
        requests.rowKeys().stream().filter(key -> !tabled.contains(key)).sorted()
                .forEach(key -> differences.add(key + ": AccessRequests has a request for a row the matrix does not have"));
        System.out.printf("access matrix: %d rows x %d callers = %d cells checked, %d differences%n",
                matrix.rows().size(), Caller.values().length, cells, differences.size());
        System.out.println(contracts.figure());
        contracts.report().forEach(line -> System.out.println("  " + line));
        int checkedCells = cells;
        assertAll(
                () -> assertTrue(differences.isEmpty(), differences.size() + " of " + checkedCells + " cells differ from "
                        + AccessMatrix.FILE + ":\n  " + String.join("\n  ", differences)),
                contracts::assertConforms);
    }

    private static Answer send(Row row, Call call, Caller caller, ContractConformance contracts) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSystem.env().baseUri(row.service()) + call.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", call.accept());
        if (caller.user != null) {
            request.header("Authorization", "Bearer " + RunningSystem.keycloak().token(caller.user));
        }
        if (call.ifMatch() != null) {
            request.header("If-Match", call.ifMatch());
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
            request.method(row.method(), HttpRequest.BodyPublishers.ofString(json(call.body())));
        } else {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                // a live stream that was allowed never ends: its status says enough
                boolean stream = response.statusCode() == 200 && call.accept().equals("text/event-stream");
                Answer answer = new Answer(response.statusCode(), stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
                contracts.check(row.method(), response.uri(), answer.status(),
                        response.headers().firstValue("Content-Type").orElse(null), answer.body());
                return answer;
            }
        } catch (IOException e) {
            throw new IllegalStateException(row.method() + " " + call.path() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String brief(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
