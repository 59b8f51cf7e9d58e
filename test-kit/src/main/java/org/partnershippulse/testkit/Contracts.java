package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed contracts under {@code contracts/}: each service's OpenAPI document, the event schemas and the
 * AsyncAPI document. A drift check compares the running code with the file; run the build with
 * {@code -Dpulse.contracts.update=true} to rewrite the file instead, then review the diff.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Contracts() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("contracts")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("contracts");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No contracts/ directory above " + Path.of("").toAbsolutePath());
    }

    public static Path openApi(String service) {
        return root().resolve("openapi").resolve(service + ".json");
    }

    public static Path eventSchema(String type) {
        return root().resolve("events").resolve(type + ".json");
    }

    public static boolean updating() {
        return Boolean.getBoolean("pulse.contracts.update");
    }

    /**
     * @return null when the actual document equals the committed one (or was just rewritten), else a message that
     *         says how to review and accept the change
     */
    public static String drift(Path committed, String actualJson) {
        try {
            JsonNode actual = JSON.readTree(actualJson);
            if (updating()) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, JSON.writeValueAsString(actual) + "\n");
                return null;
            }
            if (!Files.exists(committed)) {
                return committed + " is missing; run the build with -Dpulse.contracts.update=true and commit it";
            }
            JsonNode expected = JSON.readTree(committed.toFile());
            if (expected.equals(actual)) {
                return null;
            }
            Path actualFile = committed.resolveSibling(committed.getFileName() + ".actual");
            Files.writeString(actualFile, JSON.writeValueAsString(actual) + "\n");
            return "The API differs from " + committed + " (the running one is in " + actualFile.getFileName()
                    + "): review with diff, then rerun with -Dpulse.contracts.update=true and commit the file";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
