package org.partnershippulse.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging and sorting parameters every collection accepts: {@code page} (from 0), {@code size} (1..100,
 * default 20) and {@code sort}, a comma-separated list of fields, each optionally prefixed with {@code -} for
 * descending order (e.g. {@code sort=-createdAt,name}).
 */
public class PageParams {

    public static final int MAX_SIZE = 100;

    // page and size are read as text: JAX-RS answers an int parameter that does not convert with 404, and a
    // bad page number is bad input (400 naming the parameter). Nine digits at most, so that it fits an int.
    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more")
    @Parameter(description = "Page number, from 0", schema = @Schema(defaultValue = "0", minimum = "0"))
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 100")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_SIZE, message = "must be between 1 and 100")
    @Parameter(description = "Items per page (1 to 100)", schema = @Schema(defaultValue = "20", minimum = "1", maximum = "100"))
    public String size;

    @QueryParam("sort")
    @Pattern(regexp = "^$|^-?[a-zA-Z]+(,-?[a-zA-Z]+)*$", message = "must be a comma-separated list of fields, each optionally prefixed with -")
    @Parameter(description = "Sort fields, comma-separated; prefix a field with - for descending order", example = "-createdAt,name")
    public String sort;

    public PageParams() {
    }

    public PageParams(int page, int size, String sort) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
        this.sort = sort;
    }

    /** The page number, once validated. */
    public int page() {
        return Integer.parseInt(page);
    }

    /** The page size, once validated. */
    public int size() {
        return Integer.parseInt(size);
    }
}
