package org.partnershippulse.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.ProblemMappersAccess;

class ControlCharactersTest {

    record Note(String text) {
    }

    record Body(String name, List<String> tags, Map<String, Note> answers, List<Note> notes) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void textWithLineBreaksAndTabsIsRead() throws Exception {
        Body body = mapper.readValue("{\"name\":\"Ventura\",\"tags\":[\"a\\tb\"],\"answers\":{\"q1\":{\"text\":\"line one\\r\\nline two\"}}}",
                Body.class);
        assertEquals("line one\r\nline two", body.answers().get("q1").text());
        assertEquals(List.of("a\tb"), body.tags());
    }

    @Test
    void nulAndOtherControlsAreRefusedNamingTheField() {
        assertEquals("name: must not contain control characters (U+0000 at position 3)", refused("{\"name\":\"Ven\\u0000tura\"}"));
        assertEquals("tags[1]: must not contain control characters (U+001B at position 0)", refused("{\"tags\":[\"ok\",\"\\u001b[31m\"]}"));
        assertEquals("answers.q1.text: must not contain control characters (U+0007 at position 1)",
                refused("{\"answers\":{\"q1\":{\"text\":\"a\\u0007\"}}}"));
        assertEquals("notes[0].text: must not contain control characters (U+0000 at position 0)",
                refused("{\"notes\":[{\"text\":\"\\u0000\"}]}"));
    }

    @Test
    void keysMayHoldNoControlsAtAll() {
        assertEquals("answers: keys must not contain control characters (U+0000 at position 2)",
                refused("{\"answers\":{\"q1\\u0000\":{\"text\":\"fine\"}}}"));
        assertEquals("answers: keys must not contain control characters (U+000A at position 2)",
                refused("{\"answers\":{\"q1\\n\":{\"text\":\"fine\"}}}"));
    }

    @Test
    void parametersMayHoldNoControlsAtAll() {
        assertEquals(Optional.empty(), ControlCharacters.problem("Ventura Ünïcode ✓", false));
        assertEquals(Optional.of("must not contain control characters (U+0009 at position 1)"), ControlCharacters.problem("a\tb", false));
        assertEquals(Optional.empty(), ControlCharacters.problem("a\tb", true));
        assertEquals(Optional.of("must not contain control characters (U+001F at position 0)"), ControlCharacters.problem("\u001f", true));
    }

    private String refused(String json) {
        ControlCharacters.InvalidText e = assertThrows(ControlCharacters.InvalidText.class, () -> mapper.readValue(json, Body.class),
                json + " must be refused");
        return ProblemMappersAccess.jsonPath(e) + ": " + e.reason();
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
