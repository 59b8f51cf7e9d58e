package org.partnershippulse.kit.problem;

import java.time.Duration;
import java.util.List;

/** Thrown by domain and resource code to answer with a problem; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** When the client may try again (sent as {@code Retry-After} in seconds); null = no such hint. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    /** Several invalid fields at once. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(ProblemType.VALIDATION, Problem.summary(violations), violations);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException duplicate(String field, String message) {
        return new ProblemException(ProblemType.DUPLICATE, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** A limit on what the caller may hold at once (e.g. open streams): try again after {@code retryAfter}. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), retryAfter);
    }
}
