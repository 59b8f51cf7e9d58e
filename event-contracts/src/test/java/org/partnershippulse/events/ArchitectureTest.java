package org.partnershippulse.events;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract's publishers stay apart: no package of one reaches into another's and back. */
class ArchitectureTest {

    @Test
    void noPackageCycles() {
        slices().matching("org.partnershippulse.events.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.partnershippulse.events"));
    }
}
