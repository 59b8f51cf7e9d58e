package org.partnershippulse.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the API: a change to the code's API fails this check until the document in
 * {@code contracts/openapi/} is updated and reviewed. Each service extends it in a {@code @QuarkusTest}.
 */
public abstract class OpenApiContractCheck {

    /**
     * Generated clients name their functions after operationIds, so a missing or shared one breaks frontends.
     * -Dpulse.contracts.operation-ids-required=false turns it off while a new resource is being written.
     */
    static final boolean OPERATION_IDS_REQUIRED = Boolean.parseBoolean(
            System.getProperty("pulse.contracts.operation-ids-required", "true"));

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    protected abstract String service();

    @Test
    void runningApiMatchesCommittedDocument() {
        assertNull(Contracts.drift(Contracts.openApi(service()), document()));
    }

    /**
     * Every operation outside /q/ has an operationId, unique in its document and across the services' committed
     * documents (one TypeScript client may bundle all three).
     */
    @Test
    void everyOperationHasItsOwnOperationId() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> others = Files.list(Contracts.openApi(service()).getParent())) {
            for (Path other : others.filter(p -> p.toString().endsWith(".json")
                    && !p.getFileName().toString().equals(service() + ".json")).sorted().toList()) {
                operations(new ObjectMapper().readTree(other.toFile()), (where, id) -> {
                    if (id != null) {
                        owners.putIfAbsent(id, other.getFileName() + " " + where);
                    }
                });
            }
        }
        List<String> missing = new ArrayList<>();
        operations(new ObjectMapper().readTree(document()), (where, id) -> {
            if (id == null) {
                missing.add(where);
            } else if (owners.containsKey(id)) {
                problems.add("operationId " + id + " of " + where + " is also " + owners.get(id));
            } else {
                owners.put(id, service() + " " + where);
            }
        });
        if (!missing.isEmpty()) {
            String message = missing.size() + " operations of " + service() + " have no operationId: " + missing;
            if (OPERATION_IDS_REQUIRED) {
                problems.add(message);
            } else {
                System.out.println("WARNING (pulse.contracts.operation-ids-required=false): " + message);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String document() {
        return given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
    }

    private static void operations(JsonNode document, java.util.function.BiConsumer<String, String> each) {
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/q/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        JsonNode id = op.getValue().get("operationId");
                        each.accept(op.getKey().toUpperCase() + " " + path.getKey(), id == null ? null : id.asText());
                    }
                });
            }
        });
    }
}
