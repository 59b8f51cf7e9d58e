package org.partnershippulse.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.events.reporting.ReportingEventType;
import org.partnershippulse.kit.events.EventType;

/**
 * Records and schemas cannot drift: every event type has its schema in contracts/events/, and its payload record
 * serialises to exactly the schema's data properties, each with a JSON type the schema allows, every required one a
 * property of the record.
 */
class ContractSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final Path SCHEMAS = Path.of("..", "contracts", "events");

    record Typed(EventType type, Class<?> data) {
    }

    static List<Typed> types() {
        List<Typed> all = new ArrayList<>();
        for (PartnershipEventType t : PartnershipEventType.values()) {
            all.add(new Typed(t, t.dataType()));
        }
        for (AssessmentEventType t : AssessmentEventType.values()) {
            all.add(new Typed(t, t.dataType()));
        }
        for (PublicEventType t : PublicEventType.values()) {
            all.add(new Typed(t, t.dataType()));
        }
        for (ReportingEventType t : ReportingEventType.values()) {
            all.add(new Typed(t, t.dataType()));
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyTypeHasASchemaMatchingItsRecord() {
        return types().stream().map(t -> DynamicTest.dynamicTest(t.type().type(), () -> check(t)));
    }

    @Test
    void everySchemaHasItsType() throws IOException {
        Set<String> known = new TreeSet<>(types().stream().map(t -> t.type().type()).toList());
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<String> orphans = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("org.partnershippulse."))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(n -> !known.contains(n)).toList();
            assertEquals(List.of(), orphans, "schemas without an event type in event-contracts");
        }
    }

    private static void check(Typed t) throws IOException {
        Path file = SCHEMAS.resolve(t.type().type() + ".json");
        assertTrue(Files.isRegularFile(file), "no schema " + file);
        JsonNode data = dataSchema(MAPPER.readTree(file.toFile()));
        if (data == null) {
            fail(file + " has no data properties");
        }
        Map<String, JsonNode> schemaProperties = new TreeMap<>();
        data.path("properties").fields().forEachRemaining(e -> schemaProperties.put(e.getKey(), e.getValue()));
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(t.data()));
        Map<String, Class<?>> recordProperties = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            recordProperties.put(p.getName(), p.getRawPrimaryType());
        }
        assertEquals(schemaProperties.keySet(), recordProperties.keySet(),
                t.data().getSimpleName() + " properties differ from " + file.getFileName());
        for (JsonNode required : data.path("required")) {
            assertTrue(recordProperties.containsKey(required.asText()), "required " + required.asText() + " missing");
        }
        recordProperties.forEach((name, javaType) -> {
            Set<String> allowed = jsonTypes(schemaProperties.get(name));
            String produced = jsonType(javaType);
            assertTrue(allowed.isEmpty() || allowed.contains(produced) || produced.equals("integer") && allowed.contains("number"),
                    t.data().getSimpleName() + "." + name + " is " + produced + ", schema allows " + allowed);
        });
    }

    /** The properties of {@code data}: beside the CloudEvent envelope, in the schema's own properties. */
    private static JsonNode dataSchema(JsonNode schema) {
        JsonNode direct = schema.path("properties").path("data");
        return direct.has("properties") ? direct : null;
    }

    private static Set<String> jsonTypes(JsonNode property) {
        Set<String> types = new TreeSet<>();
        JsonNode type = property.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        }
        type.forEach(t -> types.add(t.asText()));
        if (types.isEmpty() && property.has("enum")) {
            property.path("enum").forEach(v -> types.add(v.isNull() ? "null" : v.isNumber() ? "number" : "string"));
        }
        types.remove("null");
        return types;
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type == UUID.class || type == Instant.class || type == LocalDate.class || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
