package org.partnershippulse.assessment.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response's request and response records, and the data of the response-submitted event. */
public final class ResponseApi {

    private ResponseApi() {
    }

    @Schema(name = "ResponseDraft", description = "The caller's answers so far: partial answers are fine until submission")
    public record SaveRequest(
            @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code")
            @Schema(description = "The language the respondent reads the instrument in; default en", example = "es") String language,
            @NotNull @Schema(description = "Item key to answer; an item left out or with a blank value is unanswered",
                    example = "{\"trust-partnership-norms\": {\"value\": \"NEEDS_WORK_IN_FUTURE\"}}")
            Map<String, @Valid @NotNull Answer> answers,
            @Size(max = 500) @Schema(nullable = true, description = "Relationship rounds only (answers then stays empty): "
                    + "one rating per other member organisation; the list replaces the saved one")
            List<@Valid @NotNull PartnerRating> ratings) {
    }

    @Schema(name = "Response", description = "The caller's own response to a round")
    public record ResponseView(
            UUID id,
            UUID roundId,
            @Schema(description = "DRAFT until first submitted, then SUBMITTED") RoundResponse.Status status,
            @Schema(example = "en") String language,
            @Schema(description = "The working answers (may differ from the last submission, see unsubmittedChanges)")
            Map<String, Answer> answers,
            @Schema(nullable = true, description = "Relationship rounds: the working ratings of the other member organisations; null for other rounds")
            List<PartnerRating> ratings,
            @Schema(description = "Number of submissions: 0 for a draft, 1 after the first submission", example = "1") int revision,
            @Schema(nullable = true, description = "Null before the first submission") Instant lastSubmittedAt,
            @Schema(description = "Answers changed since the last submission; submit again to revise") boolean unsubmittedChanges,
            List<RevisionRef> revisions,
            @Schema(nullable = true, description = "The respondent's own results from the last submission; null before the first") Feedback.Results results,
            @Schema(description = "Concurrency token, also the ETag; send it in If-Match to change the response", example = "2") long version) {
    }

    @Schema(name = "ResponseRevisionRef")
    public record RevisionRef(@Schema(example = "1") int revision, Instant submittedAt) {
    }
}
