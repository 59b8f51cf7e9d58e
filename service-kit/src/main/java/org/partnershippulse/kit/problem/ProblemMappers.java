package org.partnershippulse.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become responses. Every error leaves as {@code application/problem+json};
 * nothing internal (class names, SQL, stack traces) reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(Problem.of(e.type(), e.getMessage(), path(uri), e.violations()));
        // Every 503 says when to come back (the documents declare Retry-After on every 503)
        java.time.Duration retryAfter = e.retryAfter() == null && e.type() == ProblemType.UNAVAILABLE
                ? java.time.Duration.ofSeconds(5) : e.retryAfter();
        if (retryAfter != null) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolations(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue);
        if (returnValue) {
            return internal(e, uri);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return respond(Problem.of(ProblemType.VALIDATION, Problem.summary(violations), path(uri), violations));
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return invalidField(field, "unknown field", uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        } else {
            message = "must be " + describe(target);
        }
        return invalidField(field, message, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        boolean truncated = e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
        if (field.isEmpty() || truncated) {
            return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body must be a JSON object of the documented shape",
                    path(uri), List.of()));
        }
        return invalidField(field, "must be " + describe(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "is not valid";
        return invalidField(field.isEmpty() ? "body" : field, reason, uri);
    }

    @ServerExceptionMapper
    public Response controlCharacters(org.partnershippulse.kit.web.ControlCharacters.InvalidText e, UriInfo uri) {
        String field = jsonPath(e);
        return invalidField(field.isEmpty() ? "body" : field, e.reason(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !jsonPath(mapping).isEmpty()) {
            return invalidField(jsonPath(mapping), "is not valid", uri);
        }
        return respond(Problem.of(ProblemType.MALFORMED_BODY, "The body is not well-formed JSON", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        // A bare 400 from the framework means it could not read the request (e.g. truncated JSON).
        ProblemType type = status == 400 ? ProblemType.MALFORMED_BODY : ProblemType.forStatus(status);
        Response response = respond(Problem.of(type, detailFor(type, uri), path(uri), List.of()));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    /** Anything else: look through the causes for what we know (a commit can wrap them), else a 500. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(Problem.of(ProblemType.STALE_VERSION,
                        "The resource was changed by another request; fetch it again and retry", path(uri), List.of()));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return respond(UniqueConstraints.problem(c.getConstraintName(), path(uri)));
            }
            if (t instanceof ConstraintViolationException c) {
                return constraintViolations(c, uri);
            }
        }
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
            Response response = respond(Problem.of(ProblemType.UNAVAILABLE,
                    "The database is briefly unavailable; nothing was changed, retry in a few seconds", path(uri), List.of()));
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(Problem.of(ProblemType.INTERNAL, "Unexpected error; reference " + errorId, path(uri), List.of()));
    }

    private Response unauthenticated(UriInfo uri) {
        Response response = respond(Problem.of(ProblemType.UNAUTHORIZED,
                "A valid bearer token is required", path(uri), List.of()));
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response invalidField(String field, String message, UriInfo uri) {
        List<Problem.Violation> violations = List.of(new Problem.Violation(field, message));
        return respond(Problem.of(ProblemType.VALIDATION, Problem.summary(violations), path(uri), violations));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(ProblemType type, UriInfo uri) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is found at " + path(uri);
            case METHOD_NOT_ALLOWED -> "This method is not supported on " + path(uri);
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            case NOT_ACCEPTABLE -> "This resource is available as application/json";
            case MALFORMED_BODY -> "The request could not be read: send well-formed JSON of the documented shape";
            default -> type.title();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field a client knows: the JSON property or query parameter, without the Java method and parameter names
     * that Bean Validation puts in front ({@code create.request.name} becomes {@code name}).
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            boolean parameterWithDetail = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1;
            if (parameterWithDetail) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getKey() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getKey() + "]");
            }
            if (!name.isEmpty() && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (YYYY-MM-DD)" : "timestamp");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
