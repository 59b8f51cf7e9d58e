package org.partnershippulse.kit.problem;

import java.util.List;

/** Thrown by domain and resource code to answer with a problem; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.Violation> violations;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
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
}
