package org.partnershippulse.assessment.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relationship round's answers about one other member organisation, given for the respondent's organisation. */
@Schema(name = "PartnerRating", description = "Your organisation's view of one other member organisation")
public record PartnerRating(
        @Schema(description = "The rated member organisation (organisation id from partnership-service)") UUID organisationId,
        @Schema(nullable = true, description = "true: you cannot judge this organisation and skip it (no answers); default false")
        Boolean skipped,
        @Schema(nullable = true, description = "Item key to answer, as for other rounds; empty when skipped",
                example = "{\"relationship-level\": {\"value\": \"COOPERATION\"}, \"trust-reliability\": {\"value\": \"A_FAIR_AMOUNT\"}}")
        Map<String, @Valid @NotNull Answer> answers) {

    public PartnerRating {
        skipped = Boolean.TRUE.equals(skipped);
        answers = answers == null ? Map.of() : answers;
    }

    public boolean isSkipped() {
        return Boolean.TRUE.equals(skipped);
    }
}
