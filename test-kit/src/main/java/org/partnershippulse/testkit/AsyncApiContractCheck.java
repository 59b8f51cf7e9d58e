package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event type a service publishes is documented in contracts/asyncapi.yaml: a message named by its
 * CloudEvents type, on the channel of its topic, whose payload is the committed JSON Schema of that type.
 * A plain JUnit check: extend it with the service's event types.
 */
public abstract class AsyncApiContractCheck {

    /** Each event type of the service: its CloudEvents type and its topic. */
    protected abstract Map<String, String> topicsByEventType();

    @Test
    void everyPublishedEventTypeIsDocumentedWithItsSchema() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Contracts.root().resolve("asyncapi.yaml").toFile());
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        Map<String, String> messageByName = new HashMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(m -> messageByName.put(m.getValue().path("name").asText(), m.getKey()));

        topicsByEventType().forEach((type, topic) -> {
            String message = messageByName.get(type);
            assertTrue(message != null, type + " has no message in contracts/asyncapi.yaml");
            String schemaRef = doc.path("components").path("messages").path(message).path("payload").path("schema").path("$ref").asText();
            assertEquals("./events/" + type + ".json", schemaRef, type + " payload must reference its schema");
            assertTrue(Files.exists(Contracts.root().resolve(Path.of(schemaRef))), schemaRef + " is missing");
            List<String> channels = channelsCarrying(doc, message);
            assertTrue(channels.contains(topic), type + " must be listed on the channel of topic " + topic + ", found " + channels);
        });
    }

    private static List<String> channelsCarrying(JsonNode doc, String message) {
        List<String> addresses = new java.util.ArrayList<>();
        doc.path("channels").fields().forEachRemaining(c -> {
            if (c.getValue().path("messages").has(message)) {
                addresses.add(c.getValue().path("address").asText());
            }
        });
        return addresses;
    }
}
