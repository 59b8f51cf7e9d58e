package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every example of a message in contracts/asyncapi.yaml is a whole CloudEvent of that message's type that our
 * producers could send (strict validation). Spectral cannot check it: the payloads are JSON Schema 2020-12, which
 * its AsyncAPI rules do not read.
 */
class AsyncApiExamplesTest {

    @Test
    void everyMessageExampleIsAValidEventOfItsType() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Contracts.root().resolve("asyncapi.yaml").toFile());
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (var it = doc.path("components").path("messages").fields(); it.hasNext();) {
            var message = it.next();
            String type = message.getValue().path("name").asText();
            for (JsonNode example : message.getValue().path("examples")) {
                checked++;
                JsonNode payload = example.path("payload");
                String label = message.getKey() + " example '" + example.path("name").asText() + "'";
                if (!type.equals(payload.path("type").asText())) {
                    problems.add(label + ": type is '" + payload.path("type").asText() + "', the message is " + type);
                }
                EventSchemas.errors(json.writeValueAsString(payload)).forEach(e -> problems.add(label + ": " + e));
            }
        }
        System.out.println("asyncapi examples: " + checked + " checked, " + problems.size() + " problems");
        assertEquals(List.of(), problems);
    }
}
