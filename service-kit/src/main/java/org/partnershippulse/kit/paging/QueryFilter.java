package org.partnershippulse.kit.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a Panache/HQL where-clause from optional filters: a condition is added only when its value is given. */
public final class QueryFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    public QueryFilter always(String condition) {
        conditions.add(condition);
        return this;
    }

    public QueryFilter with(String condition, String param, Object value) {
        params.put(param, value);
        conditions.add(condition);
        return this;
    }

    /** A further parameter of a condition added with {@link #with}. */
    public QueryFilter param(String param, Object value) {
        params.put(param, value);
        return this;
    }

    public QueryFilter when(Object value, String condition, String param) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            with(condition, param, value);
        }
        return this;
    }

    /**
     * A condition on a collection parameter, e.g. {@code id in :mine}; with an empty collection nothing matches
     * (rather than relying on how the database treats an empty IN list).
     */
    public QueryFilter within(String condition, String param, java.util.Collection<?> values) {
        return values.isEmpty() ? always("1 = 0") : with(condition, param, values);
    }

    /** Case-insensitive "contains" on a text column. */
    public QueryFilter search(String text, String column) {
        if (text != null && !text.isBlank()) {
            with("lower(" + column + ") like :search", "search", "%" + text.trim().toLowerCase() + "%");
        }
        return this;
    }

    public String query() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return params;
    }
}
