package org.partnershippulse.kit.paging;

import io.quarkus.panache.common.Sort;
import java.util.Map;
import org.partnershippulse.kit.problem.ProblemException;

/**
 * Turns the {@code sort} parameter into a Panache {@link Sort}, allowing only the fields a collection documents.
 * Unknown fields are a 400 naming {@code sort}, never a database error.
 */
public final class SortSpec {

    private SortSpec() {
    }

    /**
     * @param sort          the request's sort parameter (may be blank)
     * @param allowed       API field name to entity property
     * @param defaultSort   used when the request gives none
     */
    public static Sort parse(String sort, Map<String, String> allowed, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        Sort result = null;
        for (String raw : sort.split(",")) {
            String field = raw.trim();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            String property = allowed.get(field);
            if (property == null) {
                throw ProblemException.invalid("sort", "unknown sort field '" + field + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(property, direction) : result.and(property, direction);
        }
        // A stable tie-breaker so that pages never overlap or skip rows.
        return result.and("id");
    }
}
