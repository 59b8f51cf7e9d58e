package org.partnershippulse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape every service keeps: resources are thin (they never touch entities: they call a service and return
 * API records), and no service code reaches into the test kit. Each service extends it with its root package.
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
}
