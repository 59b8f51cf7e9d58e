package org.partnershippulse.system.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule every answer to bad input must keep (README, "API conventions"): a 4xx, never a 2xx or 5xx;
 * {@code application/problem+json} with {@code status} and a {@code detail} or {@code title}; the field at fault
 * named in the violations; and nothing internal — no exception class names, no stack frames. It is short (at most
 * {@value #MAX_PROBLEM_BYTES} characters, however much was wrong) and carries {@code X-Content-Type-Options: nosniff}
 * and {@code Cache-Control: no-store} like every API answer.
 */
final class ProblemRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INTERNALS = List.of("Exception", "at org.", "at io.", "at java.", "\tat ",
            "jakarta.", "com.fasterxml");

    private ProblemRule() {
    }

    /** A problem is a short answer, however much was wrong (violations are capped, with a count of the rest). */
    static final int MAX_PROBLEM_BYTES = 16 * 1024;

    /** Why the answer breaks the rule, or empty when it keeps it. */
    static Optional<String> check(BadRequest request, int status, String contentType, String body,
                                  String contentTypeOptions, String cacheControl) {
        List<String> broken = new ArrayList<>();
        if (!"nosniff".equals(contentTypeOptions)) {
            broken.add("X-Content-Type-Options " + contentTypeOptions);
        }
        if (cacheControl == null || !cacheControl.contains("no-store")) {
            broken.add("Cache-Control " + cacheControl);
        }
        if (body.length() > MAX_PROBLEM_BYTES) {
            broken.add("a problem of " + body.length() + " characters");
        }
        if (status < 400 || status >= 500) {
            broken.add("status " + status);
        } else if (!allowed(request.fault()).contains(status)) {
            broken.add("status " + status + " (expected one of " + allowed(request.fault()) + ")");
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            broken.add("Content-Type " + contentType);
        }
        for (String internal : INTERNALS) {
            if (body.contains(internal)) {
                broken.add("reveals internals (\"" + internal.replace("\t", "\\t") + "\")");
            }
        }
        JsonNode problem = parse(body);
        if (problem == null || !problem.isObject()) {
            broken.add("body is not a JSON object");
        } else {
            if (problem.path("status").asInt() != status) {
                broken.add("problem status " + problem.path("status") + " differs from the HTTP status");
            }
            if (problem.path("detail").asText("").isBlank() && problem.path("title").asText("").isBlank()) {
                broken.add("no detail or title");
            }
            if (names(request) && status == 400 && !namesField(problem, request.field())) {
                broken.add("does not name " + request.field() + " (violations " + problem.path("violations") + ")");
            }
        }
        return broken.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", broken) + "; body: " + abbreviate(body));
    }

    private static Set<Integer> allowed(BadRequest.Fault fault) {
        return switch (fault) {
            case BODY_FIELD, QUERY_PARAMETER, BODY -> Set.of(400);
            case PATH_PARAMETER -> Set.of(400, 404);
            // 404: the resource to change does not exist yet (a response before its first save); 409: the
            // lifecycle step is refused before the version is compared (closing a draft round)
            case PRECONDITION -> Set.of(400, 404, 409, 412, 428);
            case SIZE -> Set.of(413);
            case MEDIA_TYPE -> Set.of(415);
        };
    }

    private static boolean names(BadRequest request) {
        return request.field() != null && request.fault() != BadRequest.Fault.PRECONDITION;
    }

    /**
     * A violation names the field, something inside it ({@code sharedValues[0]} for {@code sharedValues}) or
     * the part of the body that holds it ({@code answers.trust} for {@code answers.trust.value}: the answer whose
     * value is wrong). Map keys count in either notation, {@code answers.trust} or {@code answers[trust]}.
     */
    static boolean namesField(JsonNode problem, String field) {
        String expected = normalised(field);
        for (JsonNode violation : problem.path("violations")) {
            String named = normalised(violation.path("field").asText(""));
            if (named.isEmpty() || named.equals("body")) {
                continue;
            }
            if (named.equals(expected) || named.startsWith(expected + ".") || named.startsWith(expected + "[")
                    || expected.startsWith(named + ".") || expected.startsWith(named + "[")) {
                return true;
            }
        }
        return false;
    }

    /** {@code answers[trust].value} as {@code answers.trust.value}; array indexes stay. */
    private static String normalised(String field) {
        return field.replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace("\n", "\\n");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…" : oneLine;
    }
}
