package org.partnershippulse.system.badinput;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.badinput.ApiDocument.Operation;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.ContractConformance;
import org.partnershippulse.systemkit.PulseService;

/**
 * Bad input, everywhere: for every operation of the committed OpenAPI documents that takes a body or parameters,
 * requests generated from its schema that must all be refused with a 4xx problem naming the field at fault
 * ({@link BadRequests}, {@link ProblemRule}), sent with real Keycloak tokens to the packaged services, against
 * real resources ({@link RealResources}). No database may change meanwhile ({@link DatabaseSnapshot}).
 * Prints {@code bad input: N requests tried, M failed the rule} per service and in total, and fails once with
 * every broken answer. Every answer, the set-up's included, is also checked against the committed OpenAPI documents
 * ({@link ContractConformance}: declared status, media type and schema), printed as {@code conformance: ...}.
 */
@ExtendWith(RunningSystem.class)
class BadInputIT {

    private final ContractConformance contracts = ContractConformance.of(RunningSystem.env());
    private final Api api = new Api(contracts);

    @Test
    void everyBadRequestIsRefusedWithAProblemAndWritesNothing() {
        Map<PulseService, ApiDocument> documents = new EnumMap<>(PulseService.class);
        for (PulseService service : PulseService.values()) {
            documents.put(service, ApiDocument.read(RunningSystem.env().repoRoot()
                    .resolve("contracts/openapi/" + service.serviceName() + ".json")));
        }
        RealResources resources = new RealResources(api, documents);
        resources.create();

        Map<PulseService, List<BadRequest>> requests = new EnumMap<>(PulseService.class);
        for (PulseService service : PulseService.values()) {
            List<BadRequest> generated = new ArrayList<>();
            for (Operation operation : documents.get(service).operations()) {
                if (operation.takesInput()) {
                    generated.addAll(BadRequests.of(operation, resources.validRequest(service, operation)));
                }
            }
            requests.put(service, generated);
        }

        Map<PulseService, DatabaseSnapshot> before = snapshots();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (PulseService service : PulseService.values()) {
            int failed = 0;
            for (BadRequest request : requests.get(service)) {
                Optional<String> broken = answerBreaksTheRule(service, request);
                if (broken.isPresent()) {
                    failed++;
                    failures.add(service.serviceName() + " " + request + ": " + broken.get());
                }
            }
            tried += requests.get(service).size();
            System.out.printf("bad input on %s: %d requests tried, %d failed the rule%n", service.serviceName(),
                    requests.get(service).size(), failed);
        }
        System.out.printf("bad input: %d requests tried, %d failed the rule%n", tried, failures.size());
        failures.forEach(f -> System.out.println("  " + f));

        Map<PulseService, DatabaseSnapshot> after = snapshots();
        List<String> written = new ArrayList<>();
        for (PulseService service : PulseService.values()) {
            written.addAll(before.get(service).differences(after.get(service)));
        }
        written.forEach(w -> System.out.println("  written: " + w));

        System.out.println(contracts.figure());
        contracts.report().forEach(line -> System.out.println("  " + line));

        int all = tried;
        assertAll(
                () -> assertTrue(all > 1000, "the documents should give well over a thousand bad requests, not " + all),
                () -> assertEquals(List.of(), failures, failures.size() + " of " + all + " bad requests were not refused as the rule says"),
                () -> assertEquals(List.of(), written, "bad requests changed the databases"),
                contracts::assertConforms);
    }

    private Optional<String> answerBreaksTheRule(PulseService service, BadRequest request) {
        try {
            Api.Answer answer = api.send(service, request.user(), request.method(), request.path(), request.query(),
                    request.headers(), request.contentType(), request.body());
            return ProblemRule.check(request, answer.status(), answer.contentType(), answer.body(),
                    answer.header("X-Content-Type-Options"), answer.header("Cache-Control"));
        } catch (IOException e) {
            return Optional.of("no answer: " + e);
        }
    }

    private static Map<PulseService, DatabaseSnapshot> snapshots() {
        Map<PulseService, DatabaseSnapshot> snapshots = new EnumMap<>(PulseService.class);
        for (PulseService service : PulseService.values()) {
            snapshots.put(service, DatabaseSnapshot.settled(RunningSystem.env(), service, Duration.ofSeconds(60)));
        }
        return snapshots;
    }
}
