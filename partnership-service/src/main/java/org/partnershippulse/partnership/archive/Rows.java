package org.partnershippulse.partnership.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row in column order: {@code Rows.of(columns, v1, v2, …)}. */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> of(List<String> columns, Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        return row;
    }
}
