package org.partnershippulse.assessment.response;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer: the value on the item's scale (an option's value, a number, or free text) and an optional note. */
@Schema(name = "Answer")
public record Answer(
        @Size(max = 5000) @Schema(nullable = true, description = "An option value, a number, or the text of a free-text item; null or blank: unanswered",
                example = "NEEDS_IMMEDIATE_ATTENTION") String value,
        @Size(max = 2000) @Schema(nullable = true, description = "Only for items that take a note", example = "We have not met since spring.") String note) {

    @JsonIgnore
    public boolean isAnswered() {
        return value != null && !value.isBlank();
    }
}
