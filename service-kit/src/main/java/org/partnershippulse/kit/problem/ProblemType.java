package org.partnershippulse.kit.problem;

import java.net.URI;

/**
 * Every kind of error the services answer with. The {@link #type()} URI is stable: clients may switch on it.
 * The URIs are identifiers, documented in the README; they need not resolve.
 */
public enum ProblemType {
    VALIDATION("validation", "Request is not valid", 400),
    MALFORMED_BODY("malformed-body", "Request body is not readable", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    DUPLICATE("duplicate", "Already exists", 409),
    STALE_VERSION("stale-version", "Resource was changed by someone else", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    UNAVAILABLE("unavailable", "Service temporarily unavailable", 503);

    public static final String BASE = "https://partnershippulse.org/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
