package org.partnershippulse.reporting.comparison;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;

/** What moved between two rounds of one instrument, items and sections matched by key across versions. */
@Schema(name = "Comparison")
public record Comparison(
        @Schema(example = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77") UUID partnershipId,
        @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
        @Schema(description = "The earlier round (query parameter from)") Side from,
        @Schema(description = "The later round (query parameter to)") Side to,
        @Schema(description = "Per section, in the order of the to round, then sections only the from round has") List<Change> sections,
        @Schema(description = "Per rated item, in the same order") List<Change> items) {

    @Schema(name = "ComparisonRound")
    public record Side(
            @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
            @Schema(example = "Spring review") String title,
            @Schema(example = "2") int instrumentVersion,
            Instant openedAt,
            @Schema(nullable = true, description = "Null while the round is open") Instant closedAt,
            @Schema(nullable = true, description = "The release the round's values come from; null before its first release") ReleaseRef release,
            @Schema(example = "24") int invited,
            @Schema(example = "18") int responded,
            @Schema(nullable = true, description = "responded / invited; null when nobody was invited", example = "0.75") Double rate,
            @Schema(description = "Fewer responded than the minimum: no values for this round") boolean resultsWithheld) {
    }

    @Schema(name = "ComparisonChange")
    public record Change(
            @Schema(example = "trust-team-building") String key,
            @Schema(nullable = true, description = "The item's section (null for sections)", example = "trust") String sectionKey,
            @Schema(description = "Text in the to round, else the from round", example = "Investment in team building activities.") String text,
            @Schema(nullable = true, description = "Null when the from round has no such key") Values from,
            @Schema(nullable = true, description = "Null when the to round has no such key") Values to,
            @Schema(nullable = true, description = "to.mean − from.mean; null unless both have a mean", example = "0.5") Double meanChange,
            @Schema(nullable = true, description = "to.topShare − from.topShare; null unless both have one", example = "0.25") Double topShareChange) {
    }

    @Schema(name = "ComparisonValues")
    public record Values(
            @Schema(description = "Answers (items) or answers to the section's rated items", example = "18") long responses,
            @Schema(description = "Fewer than the minimum answered: no values") boolean withheld,
            @Schema(nullable = true, description = "Mean option score; null when withheld or not scored", example = "2.5") Double mean,
            @Schema(nullable = true, description = "Share of the option with the highest score; null when withheld or not scored", example = "0.5") Double topShare) {
    }
}
