package org.partnershippulse.reporting.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.config.ReportingConfig;

/**
 * The minimum number of contributing partnerships is never below 5: Quarkus validates the configuration mapping's
 * constraints at start-up and refuses to start otherwise. This checks the constraint the start-up applies.
 */
class BenchmarkConfigTest {

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private Set<ConstraintViolation<ReportingConfig.Benchmark>> violations(int minimum) throws Exception {
        ReportingConfig.Benchmark config = new ReportingConfig.Benchmark() {
            @Override
            public int minimumPartnerships() {
                return minimum;
            }
        };
        Method method = ReportingConfig.Benchmark.class.getMethod("minimumPartnerships");
        return validator.forExecutables().validateReturnValue(config, method, minimum);
    }

    @Test
    void fewerThanFivePartnershipsIsRefused() throws Exception {
        assertEquals(1, violations(4).size());
        assertEquals(1, violations(0).size());
        assertEquals(0, violations(5).size());
        assertEquals(0, violations(12).size());
    }
}
