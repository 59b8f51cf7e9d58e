package org.partnershippulse.assessment.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.partnershippulse.kit.problem.ProblemException;

/** Query parameters that name an enum constant: an unknown one is a 400 naming the parameter, never a 404. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
        }
    }
}
