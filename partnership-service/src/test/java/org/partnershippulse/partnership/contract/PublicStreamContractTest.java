package org.partnershippulse.partnership.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.testkit.AsyncApiContractCheck;
import org.partnershippulse.testkit.Contracts;
import org.partnershippulse.testkit.EventSchemas;

/**
 * The public stream as a subscriber reads it in contracts/asyncapi.yaml: every public type on pulse.public.v1 with its
 * schema (the inherited check), a Kafka key binding, the content-type header and an example that is valid against the
 * committed schema; and every channel says whether it is public or internal.
 */
class PublicStreamContractTest extends AsyncApiContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Map<String, String> topicsByEventType() {
        return Arrays.stream(PublicEventType.values()).collect(Collectors.toMap(PublicEventType::type, PublicEventType::topic));
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Contracts.root().resolve("asyncapi.yaml").toFile());
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    @Test
    void everyPublicMessageHasItsKeyHeadersAndAValidExample() throws IOException {
        JsonNode doc = document();
        List<String> problems = new ArrayList<>();
        for (PublicEventType type : PublicEventType.values()) {
            JsonNode message = null;
            for (JsonNode m : doc.path("components").path("messages")) {
                if (m.path("name").asText().equals(type.type())) {
                    message = m;
                }
            }
            assertTrue(message != null, type.type() + " has no message");
            JsonNode key = resolve(doc, message.path("bindings")).path("kafka").path("key");
            if (!"string".equals(key.path("type").asText()) || !"uuid".equals(key.path("format").asText())
                    || resolve(doc, message.path("bindings")).path("kafka").path("bindingVersion").isMissingNode()) {
                problems.add(type.type() + ": Kafka key binding must be a uuid string with a bindingVersion");
            }
            if (!resolve(doc, message.path("headers")).path("properties").has("content-type")) {
                problems.add(type.type() + ": headers must declare content-type");
            }
            JsonNode examples = message.path("examples");
            if (examples.size() != 1) {
                problems.add(type.type() + ": one example expected, found " + examples.size());
                continue;
            }
            String event = JSON.writeValueAsString(examples.get(0).path("payload"));
            List<String> errors = EventSchemas.errors(event);
            if (!errors.isEmpty() || !type.type().equals(examples.get(0).path("payload").path("type").asText())) {
                problems.add(type.type() + ": example invalid " + errors);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The payload record of each public type writes exactly the properties its committed schema describes. */
    @Test
    void everyChannelSaysWhetherItIsPublicOrInternal() throws IOException {
        JsonNode doc = document();
        List<String> problems = new ArrayList<>();
        doc.path("channels").fields().forEachRemaining(c -> {
            List<String> tags = new ArrayList<>();
            c.getValue().path("tags").forEach(t -> tags.add(t.path("name").asText()));
            String expected = PublicEventType.TOPIC.equals(c.getValue().path("address").asText()) ? "public" : "internal";
            if (!tags.equals(List.of(expected)) || !c.getValue().path("description").asText().toLowerCase().startsWith(expected)) {
                problems.add(c.getKey() + " must be tagged and described as " + expected + ": " + tags);
            }
        });
        assertEquals(List.of(), problems);
    }
}
