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
        @Schema(description = "For validation errors: each offending field and why") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "Violation")
    public record Violation(@Schema(example = "name") String field, @Schema(example = "must not be blank") String message) {
    }

    /** "field: message; field: message", the detail of a validation problem. */
    public static String summary(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new Problem(type.type(), type.title(), type.status(), detail, instance, violations);
    }
}
