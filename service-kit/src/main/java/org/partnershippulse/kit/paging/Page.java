package org.partnershippulse.kit.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with what a client needs to page through it. */
@Schema(description = "One page of a collection")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Requested page size", example = "20") int size,
        @Schema(description = "Items in the whole collection, with the filters applied", example = "42") long totalItems,
        @Schema(description = "Number of pages", example = "3") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageParams params, long totalItems) {
        int totalPages = (int) ((totalItems + params.size() - 1) / params.size());
        return new Page<>(items, params.page(), params.size(), totalItems, totalPages);
    }

    /** Runs a Panache query for one page and maps its entities to API records. */
    public static <E, R> Page<R> of(io.quarkus.hibernate.orm.panache.PanacheQuery<E> query, PageParams params, Function<E, R> mapper) {
        List<R> items = query.page(params.page(), params.size()).list().stream().map(mapper).toList();
        return of(items, params, query.count());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
