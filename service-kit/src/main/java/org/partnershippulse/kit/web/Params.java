package org.partnershippulse.kit.web;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.partnershippulse.kit.problem.ProblemException;

/**
 * Query parameters are read as text and converted here, because JAX-RS answers a failed conversion with 404;
 * a wrong filter value is bad input, a 400 that names the parameter.
 */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(param, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    public static UUID uuid(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(param, "must be a UUID");
        }
    }

    /** A UUID that must be there: missing is a 400 "is required", malformed a 400 "must be a UUID". */
    public static UUID requiredUuid(String value, String param) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(param, "is required");
        }
        return uuid(value, param);
    }

    public static Boolean bool(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(param, "must be true or false");
        };
    }

    public static java.time.LocalDate date(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(param, "must be an ISO-8601 date (YYYY-MM-DD)");
        }
    }
}
