package org.partnershippulse.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.ProblemType;

class StrictJsonTest {

    record Body(String name, Integer count, Boolean active, ProblemType type, Instant at) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void theDocumentedTypesAreRead() throws Exception {
        Body body = mapper.readValue("{\"name\":\"Ventura\",\"count\":3,\"active\":true,\"type\":\"CONFLICT\","
                + "\"at\":\"2027-03-01T08:00:00Z\"}", Body.class);
        assertEquals(new Body("Ventura", 3, true, ProblemType.CONFLICT, Instant.parse("2027-03-01T08:00:00Z")), body);
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        assertEquals("name", refused("{\"name\":123}"));
        assertEquals("name", refused("{\"name\":true}"));
        assertEquals("name", refused("{\"name\":1.5}"));
        assertEquals("count", refused("{\"count\":\"3\"}"));
        assertEquals("count", refused("{\"count\":1.5}"));
        assertEquals("active", refused("{\"active\":1}"));
        assertEquals("active", refused("{\"active\":\"true\"}"));
        assertEquals("type", refused("{\"type\":2}"));
        assertEquals("at", refused("{\"at\":123}"));
        assertEquals("at", refused("{\"at\":true}"));
    }

    private String refused(String json) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, Body.class),
                json + " must be refused");
        return e.getPath().get(0).getFieldName();
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
