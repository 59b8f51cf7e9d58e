package org.partnershippulse.kit.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI shape of a {@link Page} of one item type, for documentation only: a named subclass (e.g.
 * {@code RoundPage}) gives each page a schema name that says what it pages, where the generic record would be
 * named after its type argument's Java class. Keep the properties as {@code Page} has them.
 */
public abstract class PageSchema<T> {

    @Schema(description = "The items of this page")
    public List<T> items;

    @Schema(description = "Page number, from 0", example = "0")
    public int page;

    @Schema(description = "Requested page size", example = "20")
    public int size;

    @Schema(description = "Items in the whole collection, with the filters applied", example = "42")
    public long totalItems;

    @Schema(description = "Number of pages", example = "3")
    public int totalPages;
}
