package org.partnershippulse.assessment.web;

/** Descriptions shared by the OpenAPI annotations of the resources. */
public final class ProblemResponses {

    public static final String PROBLEM = "application/problem+json";
    public static final String INVALID = "The request is not valid; violations name each field";
    public static final String NOT_FOUND = "Not found, or not visible to the caller";
    public static final String FORBIDDEN = "The caller's role does not allow this";
    public static final String CONFLICT = "Not possible in the resource's current state";
    public static final String PRECONDITION_REQUIRED = "If-Match is missing";
    public static final String STALE = "If-Match does not match the current ETag";

    private ProblemResponses() {
    }
}
