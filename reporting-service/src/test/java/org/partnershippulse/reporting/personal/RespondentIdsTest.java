package org.partnershippulse.reporting.personal;

import org.partnershippulse.kit.security.RespondentIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RespondentIdsTest {

    static final UUID ROUND = UUID.fromString("3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10");

    @Test
    void matchesTheReferenceValueAssessmentServiceMustProduce() {
        // Computed independently: Python hmac.new(b"test-respondent-key", b"<round>:alice-subject", sha256), bytes 0..15,
        // version nibble 8, variant 10.
        assertEquals(UUID.fromString("3cc15d2e-4eb5-8230-8aa4-afa2c02e4ae5"),
                RespondentIds.of("test-respondent-key", "alice-subject", ROUND));
    }

    @Test
    void differsPerRoundPersonAndKey() {
        UUID id = RespondentIds.of("k", "alice", ROUND);
        assertNotEquals(id, RespondentIds.of("k", "alice", UUID.randomUUID()));
        assertNotEquals(id, RespondentIds.of("k", "bob", ROUND));
        assertNotEquals(id, RespondentIds.of("other", "alice", ROUND));
        assertEquals(8, id.version());
        assertEquals(2, id.variant());
    }
}
