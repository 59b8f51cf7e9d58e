package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershippulse.testkit.SchemaCompatibility.Report;

/**
 * The check CI runs: the committed event schemas ({@code contracts/events/}) against the last release's
 * ({@code contracts/released/<version>/events/}). A change a subscriber of that release would notice fails here; the
 * way out is a new type ({@code ….v2}) published beside the old one (README, "Event compatibility").
 */
class EventSchemaCompatibilityTest {

    @Test
    void theCommittedSchemasAreCompatibleWithTheLastRelease() {
        Path released = SchemaCompatibility.lastRelease(Contracts.root().resolve("released"));
        Report report = SchemaCompatibility.compare(released, Contracts.root().resolve("events"));
        report.lines().forEach(System.out::println);

        assertTrue(report.compared().contains(SchemaCompatibility.ENVELOPE), "the envelope is compared too");
        assertTrue(report.compared().size() >= 16, "release 1.0.0 has 16 schemas: " + report.compared());
        assertEquals(List.of(), report.breaking().stream().map(Object::toString).toList(),
                "incompatible with release " + report.release() + "; see the lines above");
    }
}
