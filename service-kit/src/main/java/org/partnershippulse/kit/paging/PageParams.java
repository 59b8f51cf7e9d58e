package org.partnershippulse.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging and sorting parameters every collection accepts: {@code page} (from 0), {@code size} (1..100,
 * default 20) and {@code sort}, a comma-separated list of fields, each optionally prefixed with {@code -} for
 * descending order (e.g. {@code sort=-createdAt,name}). A page may start at most {@link #MAX_OFFSET} items in
 * ({@code page * size}): deeper pages are a 400 naming {@code page}, never an int overflow in the query's offset.
 */
@PageParams.WithinMaxOffset
public class PageParams {

    public static final int MAX_SIZE = 100;

    /** The furthest item a page may start at; deeper reading should filter or sort instead. */
    public static final int MAX_OFFSET = 10_000;

    // page and size are read as text: JAX-RS answers an int parameter that does not convert with 404, and a
    // bad page number is bad input (400 naming the parameter). Nine digits at most, so that it fits an int.
    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more")
    // Documented as the integer it is (read as text only to answer a bad one with a 400); page * size <= MAX_OFFSET
    // with size >= 1 bounds the page itself by MAX_OFFSET.
    @Parameter(description = "Page number, from 0; page * size may be at most " + MAX_OFFSET,
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0", minimum = "0", maximum = "" + MAX_OFFSET))
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 100")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_SIZE, message = "must be between 1 and 100")
    @Parameter(description = "Items per page (1 to " + MAX_SIZE + ")",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "20", minimum = "1", maximum = "" + MAX_SIZE))
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

    /** Checks {@code page * size <= MAX_OFFSET}, reported on {@code page}; malformed numbers are the fields' own rules. */
    @jakarta.validation.Constraint(validatedBy = OffsetValidator.class)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    public @interface WithinMaxOffset {
        String message() default "page * size must be at most " + MAX_OFFSET + "; filter or sort to reach further items";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }

    public static class OffsetValidator implements jakarta.validation.ConstraintValidator<WithinMaxOffset, PageParams> {

        @Override
        public boolean isValid(PageParams params, jakarta.validation.ConstraintValidatorContext context) {
            if (params == null || params.page == null || params.size == null
                    || !params.page.matches("\\d{1,9}") || !params.size.matches("\\d{1,9}")) {
                return true;
            }
            if ((long) params.page() * params.size() <= MAX_OFFSET) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("page").addConstraintViolation();
            return false;
        }
    }
}
