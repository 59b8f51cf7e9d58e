package org.partnershippulse.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void thousandsOfViolationsAnswerTheFirstFiftyAndACountOfTheRest() throws Exception {
        List<Problem.Violation> many = IntStream.range(0, 19_000)
                .mapToObj(i -> new Problem.Violation("answers.unknown" + i, "is not an item of this instrument")).toList();
        ProblemException e = ProblemException.invalid(many);
        Problem problem = Problem.of(e.type(), e.getMessage(), "/rounds/x/response", e.violations());

        assertEquals(50, problem.violations().size());
        assertEquals("answers.unknown0", problem.violations().get(0).field());
        assertEquals(18_950, problem.violationsOmitted());
        assertTrue(problem.detail().endsWith("; and 18950 more"), problem.detail());
        String json = new ObjectMapper().writeValueAsString(problem);
        assertTrue(json.length() < 8_000, "answer of " + json.length() + " characters");
        assertTrue(json.contains("\"violationsOmitted\":18950"), json);
    }

    @Test
    void aFewViolationsAreAllListedWithoutACount() throws Exception {
        Problem problem = Problem.of(ProblemType.VALIDATION, "name: must not be blank", "/organisations",
                List.of(new Problem.Violation("name", "must not be blank")));
        assertEquals(1, problem.violations().size());
        assertNull(problem.violationsOmitted());
        assertTrue(!new ObjectMapper().writeValueAsString(problem).contains("violationsOmitted"));
    }

    @Test
    void aHugeFieldNameIsShortened() {
        String key = "answers." + "k".repeat(100_000);
        Problem problem = Problem.of(ProblemType.VALIDATION, "x", "/", List.of(new Problem.Violation(key, "is not an item")));
        assertEquals(Problem.MAX_FIELD_LENGTH + 1, problem.violations().get(0).field().length());
        assertTrue(problem.violations().get(0).field().startsWith("answers.kkk"));
    }

    @Test
    void everyUnavailableAnswerSaysWhenToComeBack() {
        // the OpenAPI documents promise Retry-After on every 503, also where the thrower gave no delay
        jakarta.ws.rs.core.Response stopping = new ProblemMappers().problem(
                new ProblemException(ProblemType.UNAVAILABLE, "The service is stopping: reconnect in a moment"), null);
        assertEquals(503, stopping.getStatus());
        assertEquals("5", stopping.getHeaderString("Retry-After"));
        jakarta.ws.rs.core.Response conflict = new ProblemMappers().problem(ProblemException.conflict("closed"), null);
        assertNull(conflict.getHeaderString("Retry-After"));
    }
}
