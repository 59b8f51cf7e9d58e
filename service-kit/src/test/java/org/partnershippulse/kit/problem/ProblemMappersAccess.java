package org.partnershippulse.kit.problem;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Lets tests in other packages name a field as the problem answer does. */
public final class ProblemMappersAccess {

    private ProblemMappersAccess() {
    }

    public static String jsonPath(JsonMappingException e) {
        return ProblemMappers.jsonPath(e);
    }
}
