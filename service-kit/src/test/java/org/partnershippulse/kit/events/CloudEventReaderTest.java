package org.partnershippulse.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading a rebuild uses ({@link CloudEventReader#readBound}) gives what reading the event and then binding
 * its data gives, and declares the same records poison for the same reasons.
 */
class CloudEventReaderTest {

    record Answer(String itemKey, String value) {
    }

    record Submitted(String responseId, int revision, Instant submittedAt, List<Answer> answers) {
    }

    private final CloudEventReader reader = reader();
    private final Function<String, Class<?>> types = t -> t.equals("org.example.submitted.v1") ? Submitted.class : null;

    private static CloudEventReader reader() {
        CloudEventReader r = new CloudEventReader();
        r.mapper = new ObjectMapper().findAndRegisterModules();
        return r;
    }

    private static final String DATA = """
            {"responseId":"r-1","revision":2,"submittedAt":"2026-12-03T10:15:30Z","extra":true,
             "answers":[{"itemKey":"trust","value":"CURRENTLY_EXISTS"},{"itemKey":"tab","value":"a\\tb"}]}""";

    private static String event(String type, String data) {
        return """
                {"specversion":"1.0","id":"6f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10","source":"/assessment-service",
                 "type":"%s","subject":"s","time":"2026-12-03T10:15:31Z","partitionkey":"p","traceparent":"00-ab-cd-01",
                 "ext":{"nested":[1,2]},"data":%s}""".formatted(type, data);
    }

    @Test
    void bindsTheDataInOnePassToWhatReadingThenBindingGives() {
        String value = event("org.example.submitted.v1", DATA);
        CloudEvent twoPass = reader.read(value);
        CloudEventReader.Bound bound = reader.readBound(value, types);

        assertEquals(reader.data(twoPass, Submitted.class), bound.data());
        assertEquals(new CloudEvent(twoPass.specversion(), twoPass.id(), twoPass.source(), twoPass.type(), twoPass.subject(),
                twoPass.time(), null, null, twoPass.partitionkey(), twoPass.traceparent(), null, null), bound.event());
    }

    @Test
    void dataBeforeTypeOrOfATypeWithoutRecordIsReadAsBefore() {
        String dataFirst = "{\"data\":" + DATA + ",\"specversion\":\"1.0\",\"id\":\"6f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10\","
                + "\"source\":\"/a\",\"type\":\"org.example.submitted.v1\"}";
        assertEquals(reader.data(reader.read(dataFirst), Submitted.class), reader.readBound(dataFirst, types).data());
        CloudEventReader.Bound ignored = reader.readBound(event("org.example.ignored.v1", DATA), types);
        assertNull(ignored.data());
        assertEquals("org.example.ignored.v1", ignored.event().type());
    }

    @Test
    void poisonForTheSameReasons() {
        for (String value : List.of("", "[1]", "{\"specversion\":\"1.0\"", event("org.example.submitted.v1", "[1]"),
                event("org.example.ignored.v1", "\"text\""),
                event("org.example.submitted.v1", "{\"revision\":\"not a number\"}"),
                event("org.example.submitted.v1", DATA).replace("\"1.0\"", "\"0.3\""),
                event("org.example.submitted.v1", DATA).replace("6f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10", "not-a-uuid"),
                event("org.example.submitted.v1", DATA).replace("\"source\":\"/assessment-service\",", ""))) {
            PoisonEventException oneStep = assertThrows(PoisonEventException.class, () -> reader.readBound(value, types), value);
            PoisonEventException twoSteps = assertThrows(PoisonEventException.class, () -> {
                CloudEvent e = reader.read(value);
                Class<?> type = types.apply(e.type());
                if (type != null) {
                    reader.data(e, type);
                }
            }, value);
            // the reason's first words are the same; Jackson's own detail may differ between tree and text
            assertEquals(twoSteps.getMessage().split(":")[0], oneStep.getMessage().split(":")[0], value);
        }
    }
}
