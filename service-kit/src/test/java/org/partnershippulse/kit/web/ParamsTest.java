package org.partnershippulse.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.problem.ProblemException;

class ParamsTest {

    @Test
    void aRequiredUuidIsParsedOrRefusedNamingTheParameter() {
        UUID id = UUID.randomUUID();
        assertEquals(id, Params.requiredUuid(" " + id + " ", "roundId"));
        assertEquals(new Problem.Violation("roundId", "is required"), violation(() -> Params.requiredUuid(" ", "roundId")));
        assertEquals(new Problem.Violation("from", "must be a UUID"), violation(() -> Params.requiredUuid("abc", "from")));
    }

    private static Problem.Violation violation(Runnable call) {
        return assertThrows(ProblemException.class, call::run).violations().get(0);
    }
}
