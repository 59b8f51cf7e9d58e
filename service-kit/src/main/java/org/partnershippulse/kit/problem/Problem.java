package org.partnershippulse.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, as every error of every service is answered. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "https://partnershippulse.org/problems/validation")
        URI type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(description = "The request path", example = "/partnerships") String instance,
        @Schema(description = "For validation errors: each offending field and why (at most " + Problem.MAX_VIOLATIONS + ")")
        List<Violation> violations,
        @Schema(description = "How many further violations were found but not listed", example = "18950")
        Integer violationsOmitted) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A body with thousands of bad keys gets a small answer: the first violations and a count of the rest. */
    public static final int MAX_VIOLATIONS = 50;

    /** Field names echo the client's keys; a key of any length must not make the answer large. */
    static final int MAX_FIELD_LENGTH = 200;

    @Schema(name = "Violation")
    public record Violation(@Schema(example = "name") String field, @Schema(example = "must not be blank") String message) {
    }

    /** "field: message; field: message", the detail of a validation problem, of the listed violations only. */
    public static String summary(List<Violation> violations) {
        String listed = capped(violations).stream().map(v -> v.field() + ": " + v.message())
                .collect(java.util.stream.Collectors.joining("; "));
        int omitted = violations.size() - Math.min(violations.size(), MAX_VIOLATIONS);
        return omitted == 0 ? listed : listed + "; and " + omitted + " more";
    }

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations) {
        List<Violation> all = violations == null ? List.of() : violations;
        int omitted = all.size() - Math.min(all.size(), MAX_VIOLATIONS);
        return new Problem(type.type(), type.title(), type.status(), detail, instance, capped(all), omitted == 0 ? null : omitted);
    }

    private static List<Violation> capped(List<Violation> violations) {
        return violations.stream().limit(MAX_VIOLATIONS)
                .map(v -> v.field() != null && v.field().length() > MAX_FIELD_LENGTH
                        ? new Violation(v.field().substring(0, MAX_FIELD_LENGTH) + "…", v.message())
                        : v)
                .toList();
    }
}
