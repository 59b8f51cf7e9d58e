package org.partnershippulse.systemkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.partnershippulse.systemkit.OpenApiContract.Mismatch;

/**
 * Checks every answer a suite sees against the committed contracts ({@code contracts/openapi/<service>.json}), the
 * service known from the port it was sent to, and collects the differences of the whole suite: {@link #figure()}
 * prints the suite's figure line, {@link #assertConforms()} fails once with every difference, grouped by operation,
 * status and kind. Thread-safe.
 */
public final class ContractConformance {

    private final Map<PulseService, OpenApiContract> contracts;
    private final Map<Integer, PulseService> ports = new LinkedHashMap<>();
    private final AtomicInteger checked = new AtomicInteger();
    private final List<Found> found = new ArrayList<>();

    /** One difference and the concrete request that showed it. */
    private record Found(PulseService service, String request, Mismatch mismatch) {
    }

    ContractConformance(Map<PulseService, OpenApiContract> contracts, Map<Integer, PulseService> ports) {
        this.contracts = contracts;
        this.ports.putAll(ports);
    }

    /** The three committed contracts of the repository, the services at the environment's ports. */
    public static ContractConformance of(PulseEnvironment env) {
        Map<PulseService, OpenApiContract> contracts = new EnumMap<>(PulseService.class);
        Map<Integer, PulseService> ports = new LinkedHashMap<>();
        for (PulseService service : PulseService.values()) {
            Path file = env.repoRoot().resolve("contracts/openapi/" + service.serviceName() + ".json");
            try {
                contracts.put(service, OpenApiContract.parse(service.serviceName(), Files.readString(file)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            ports.put(URI.create(env.baseUri(service)).getPort(), service);
        }
        return new ContractConformance(contracts, ports);
    }

    /**
     * Checks one answer to {@code method uri}; {@code contentType} null = no header, {@code body} null or empty = no
     * body. An answer from a port that is no service's (Keycloak) is not checked.
     */
    public void check(String method, URI uri, int status, String contentType, String body) {
        PulseService service = ports.get(uri.getPort());
        if (service == null) {
            return;
        }
        String path = uri.getRawPath();
        checked.incrementAndGet();
        List<Mismatch> mismatches = contracts.get(service).check(method, path, status, contentType, body);
        if (!mismatches.isEmpty()) {
            synchronized (found) {
                mismatches.forEach(m -> found.add(new Found(service, method + " " + path, m)));
            }
        }
    }

    public int checked() {
        return checked.get();
    }

    public int mismatches() {
        synchronized (found) {
            return found.size();
        }
    }

    /** The suite's figure line, e.g. {@code conformance: 1681 responses checked against contracts, 0 mismatches}. */
    public String figure() {
        return "conformance: " + checked() + " responses checked against contracts, " + mismatches() + " mismatches";
    }

    /**
     * The differences grouped by service, operation, status and kind, in that order: how many answers showed
     * it, one request that did, and the first schema errors.
     */
    public List<String> report() {
        Map<String, List<Found>> groups = new LinkedHashMap<>();
        synchronized (found) {
            for (Found f : found) {
                Mismatch m = f.mismatch();
                groups.computeIfAbsent(f.service().serviceName() + " " + m.operation() + " -> " + m.status() + " " + m.kind(),
                        k -> new ArrayList<>()).add(f);
            }
        }
        List<String> lines = new ArrayList<>();
        groups.entrySet().stream()
                .sorted((a, b) -> a.getKey().compareTo(b.getKey()))
                .forEach(group -> {
                    Found first = group.getValue().get(0);
                    Mismatch m = first.mismatch();
                    StringBuilder line = new StringBuilder(group.getKey()).append(" x").append(group.getValue().size());
                    if (!m.detail().isEmpty()) {
                        line.append(": ").append(m.detail());
                    }
                    line.append("; e.g. ").append(first.request());
                    m.errors().stream().limit(3).forEach(e -> line.append("\n      ").append(e));
                    if (m.errors().size() > 3) {
                        line.append("\n      … ").append(m.errors().size() - 3).append(" more schema errors");
                    }
                    lines.add(line.toString());
                });
        return lines;
    }

    /** Fails with every difference, grouped, when any answer did not match its contract. */
    public void assertConforms() {
        List<String> report = report();
        if (!report.isEmpty()) {
            throw new AssertionError(mismatches() + " of " + checked() + " responses differ from contracts/openapi ("
                    + report.size() + " kinds):\n  " + String.join("\n  ", report));
        }
    }
}
