package org.partnershippulse.kit.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.problem.ProblemType;

class VersionsTest {

    @Test
    void matchingStrongOrWeakTagOrStarPasses() {
        assertDoesNotThrow(() -> Versions.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("*", 3));
    }

    @Test
    void staleTagIs412AndMissingTagIs428() {
        assertEquals(ProblemType.STALE_VERSION,
                assertThrows(ProblemException.class, () -> Versions.requireMatch("\"2\"", 3)).type());
        assertEquals(ProblemType.PRECONDITION_REQUIRED,
                assertThrows(ProblemException.class, () -> Versions.requireMatch(null, 3)).type());
    }

    @Test
    void badQueryValuesNameTheParameter() {
        assertEquals("status", assertThrows(ProblemException.class,
                () -> Params.enumValue(ProblemType.class, "NOPE", "status")).violations().get(0).field());
        assertEquals("active", assertThrows(ProblemException.class, () -> Params.bool("yes", "active")).violations().get(0).field());
        assertEquals("leftOn", assertThrows(ProblemException.class, () -> Params.date("1/2/2026", "leftOn")).violations().get(0).field());
    }
}
