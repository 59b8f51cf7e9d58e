package org.partnershippulse.system.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippulse.systemkit.PulseService;

/**
 * The access matrix covers exactly the operations of the committed OpenAPI documents: an endpoint added without a
 * row, or a row left behind by a removed endpoint, fails here (a plain unit test: no running system needed).
 */
class AccessMatrixCoverageTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The repository root: the failsafe/surefire property when set, else the module's parent directory. */
    static Path repoRoot() {
        return Path.of(System.getProperty("pulse.repo.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void everyOperationOfEveryOpenApiDocumentHasARowAndEveryRowAnOperation() throws IOException {
        AccessMatrix matrix = AccessMatrix.read(repoRoot());
        List<String> problems = new ArrayList<>();
        for (PulseService service : PulseService.values()) {
            Set<String> documented = operations(service);
            Set<String> tabled = matrix.rows().stream().filter(r -> r.service() == service)
                    .map(AccessMatrix.Row::operation).collect(Collectors.toCollection(TreeSet::new));
            documented.stream().filter(op -> !tabled.contains(op))
                    .forEach(op -> problems.add(service.serviceName() + " " + op + ": in the OpenAPI document, no row in " + AccessMatrix.FILE));
            tabled.stream().filter(op -> !documented.contains(op))
                    .forEach(op -> problems.add(service.serviceName() + " " + op + ": a row in " + AccessMatrix.FILE + ", not in contracts/openapi/" + service.serviceName() + ".json"));
        }
        assertTrue(problems.isEmpty(), problems.size() + " operation(s) differ between the access matrix and the OpenAPI documents:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void rowsAreUniqueByOperationAndCase() {
        List<String> keys = AccessMatrix.read(repoRoot()).rows().stream().map(AccessMatrix.Row::key).toList();
        Map<String, Long> counts = keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), repeated, "rows of one operation need distinct cases");
    }

    static Set<String> operations(PulseService service) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(repoRoot().resolve("contracts/openapi/" + service.serviceName() + ".json").toFile())
                .path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }
}
