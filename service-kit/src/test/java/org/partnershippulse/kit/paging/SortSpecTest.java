package org.partnershippulse.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.ProblemException;

class SortSpecTest {

    private static final Map<String, String> ALLOWED = Map.of("name", "name", "createdAt", "createdAt");

    @Test
    void parsesFieldsAndDirectionsAndAddsTheIdTieBreaker() {
        Sort sort = SortSpec.parse("-createdAt,name", ALLOWED, Sort.by("name"));
        List<Sort.Column> columns = sort.getColumns();
        assertEquals(List.of("createdAt", "name", "id"), columns.stream().map(Sort.Column::getName).toList());
        assertEquals(Sort.Direction.Descending, columns.get(0).getDirection());
        assertEquals(Sort.Direction.Ascending, columns.get(1).getDirection());
    }

    @Test
    void blankSortUsesTheDefault() {
        Sort fallback = Sort.by("name");
        assertSame(fallback, SortSpec.parse(" ", ALLOWED, fallback));
    }

    @Test
    void unknownFieldIsABadRequestNamingSort() {
        ProblemException e = assertThrows(ProblemException.class, () -> SortSpec.parse("password", ALLOWED, Sort.by("name")));
        assertEquals("sort", e.violations().get(0).field());
        assertEquals(400, e.type().status());
    }
}
