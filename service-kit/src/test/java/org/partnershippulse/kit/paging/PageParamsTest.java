package org.partnershippulse.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void wholeNumbersWithinTheLimitsAreValid() {
        PageParams params = new PageParams(3, 100, "-createdAt,name");
        assertEquals(Set.of(), invalid(params));
        assertEquals(3, params.page());
        assertEquals(100, params.size());
    }

    @Test
    void pageAndSizeThatAreNotWholeNumbersOrOutOfRangeAreInvalid() {
        assertEquals(Set.of("page"), invalid(params("not-a-number", "20")));
        assertEquals(Set.of("page"), invalid(params("-1", "20")));
        assertEquals(Set.of("page"), invalid(params("99999999999", "20")));
        assertEquals(Set.of("size"), invalid(params("0", "1.5")));
        assertEquals(Set.of("size"), invalid(params("0", "0")));
        assertEquals(Set.of("size"), invalid(params("0", "101")));
    }

    @Test
    void aPageStartingBeyondTheMaximumOffsetIsInvalidOnPage() {
        // page=21474837&size=100 overflowed the int offset into a 500
        assertEquals(Set.of("page"), invalid(params("21474837", "100")));
        assertEquals(Set.of("page"), invalid(params("101", "100")));
        assertEquals(Set.of("page"), invalid(params("10001", "1")));
        assertEquals(Set.of(), invalid(params("100", "100")));
        assertEquals(Set.of(), invalid(params("10000", "1")));
    }

    @Test
    void theOffsetRuleLeavesMalformedNumbersToTheFieldRules() {
        assertEquals(Set.of("size"), invalid(params("999999999", "abc")));
    }

    private static PageParams params(String page, String size) {
        PageParams params = new PageParams();
        params.page = page;
        params.size = size;
        return params;
    }

    private Set<String> invalid(PageParams params) {
        Set<String> fields = new TreeSet<>();
        for (ConstraintViolation<PageParams> v : validator.validate(params)) {
            fields.add(v.getPropertyPath().toString());
        }
        return fields;
    }
}
