package org.partnershippulse.kit.web;

import jakarta.ws.rs.core.EntityTag;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: every resource carries a version, sent as a strong {@code ETag}; an update
 * must send it back in {@code If-Match}. Missing is 428, different is 412.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send the resource's ETag in If-Match to update it");
        }
        String expected = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.STALE_VERSION,
                "The resource is at version " + currentVersion + "; fetch it again and reapply your change");
    }
}
