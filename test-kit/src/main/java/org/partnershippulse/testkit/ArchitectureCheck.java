package org.partnershippulse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps: resources are thin (they never touch entities: they call a service and return
 * API records), no service code reaches into the test kit, and no package cycles: the packages of a service (and
 * everything below them) depend on each other in one direction only. Each service extends it with its root package.
 */
public abstract class ArchitectureCheck {

    protected abstract String rootPackage();

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage());
    }

    @Test
    void resourcesNeverTouchEntities() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .because("resources call a service and map to API records; entities never reach the wire")
                .check(classes());
    }

    @Test
    void productionCodeNeverUsesTestSupport() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.partnershippulse.testkit..").check(classes());
    }

    /**
     * Plain, not frozen: any cycle fails. (Freezing the old cycles also let new ones through: given separate cycles,
     * ArchUnit 1.5's cycle finder may report only some of them, depending on the order it visits the packages, so a
     * new cycle beside old ones could go unreported. It always reports one when there is any: with none tolerated,
     * every new cycle fails.)
     */
    @Test
    void noPackageCycles() {
        packageCycles(rootPackage()).check(classes());
    }

    /** No cycle between the packages right below the root (each with its sub-packages). */
    static ArchRule packageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .because("a package that needs another must not be needed by it: each can change, and be read, on its own");
    }
}
