package org.partnershippulse.system.badinput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request that differs from a valid one in exactly one thing, and what a correct answer looks like.
 *
 * @param what        the one thing that is wrong, for the report
 * @param user        whose token is sent
 * @param path        the path with its parameters filled in
 * @param query       query parameters (already valid ones plus the bad one)
 * @param headers     headers besides Authorization and Content-Type
 * @param contentType null for no body
 * @param body        the body's bytes, or null
 * @param fault       where the fault is, deciding which answers are right
 * @param field       the field, parameter or header at fault, when {@code fault} names one
 */
record BadRequest(String operation, String what, String user, String method, String path, Map<String, String> query,
                  Map<String, String> headers, String contentType, byte[] body, Fault fault, String field) {

    /** Where the fault is; each allows its own statuses. */
    enum Fault {
        /** A body property: 400 whose violations name it. */
        BODY_FIELD,
        /** A query parameter: 400 whose violations name it. */
        QUERY_PARAMETER,
        /** A path parameter that cannot be an id: 400 naming it, or 404 (nothing is at such a path). */
        PATH_PARAMETER,
        /** The If-Match header: 400, 412 (cannot match) or 428 (missing). */
        PRECONDITION,
        /** The body as a whole (not JSON, wrong shape): 400. */
        BODY,
        /** Above the size limit: 413. */
        SIZE,
        /** Not a JSON media type: 415. */
        MEDIA_TYPE
    }

    BadRequest {
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    @Override
    public String toString() {
        return operation + " [" + what + "]";
    }
}
