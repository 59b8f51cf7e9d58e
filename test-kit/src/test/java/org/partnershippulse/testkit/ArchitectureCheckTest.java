package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The cycle rule every service's ArchitectureTest runs, on fixture packages (cyclefixture: ingest ↔ diagnostics). */
class ArchitectureCheckTest {

    private static final String ROOT = "org.partnershippulse.testkit.cyclefixture";

    private final JavaClasses fixture = new ClassFileImporter().importPackages(ROOT);

    @Test
    void aFieldTypedFromAPackageThatUsesYoursIsACycle() {
        EvaluationResult result = ArchitectureCheck.packageCycles(ROOT).evaluate(fixture);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails()).replaceAll("\\s+", " ");
        assertTrue(report.contains("Slice diagnostics -> Slice ingest -> Slice diagnostics")
                || report.contains("Slice ingest -> Slice diagnostics -> Slice ingest"), report);
    }

    @Test
    void packagesThatDependOneWayPass() {
        JavaClasses oneWay = fixture.that(DescribedPredicate.describe("outside diagnostics",
                c -> !c.getPackageName().endsWith(".diagnostics")));
        assertFalse(ArchitectureCheck.packageCycles(ROOT).evaluate(oneWay).hasViolation());
    }
}
