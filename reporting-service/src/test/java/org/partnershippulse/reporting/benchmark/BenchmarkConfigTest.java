package org.partnershippulse.reporting.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.config.ReportingConfig;

/**
 * The minimum number of contributing partnerships is never below 5: Quarkus validates the configuration mapping's
 * constraints at start-up and refuses to start otherwise. This checks the constraint the start-up applies (no
 * implementation of the mapping here: Quarkus would take it for a bean).
 */
class BenchmarkConfigTest {

    @Test
    void fewerThanFivePartnershipsIsRefusedAtStartUp() {
        List<ConstraintDescriptor<?>> constraints = List.copyOf(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()
                .getConstraintsForClass(ReportingConfig.Benchmark.class)
                .getConstraintsForMethod("minimumPartnerships").getReturnValueDescriptor().getConstraintDescriptors());
        assertEquals(1, constraints.size());
        assertEquals(Min.class, constraints.get(0).getAnnotation().annotationType());
        assertEquals(5L, ((Min) constraints.get(0).getAnnotation()).value());
    }
}
