package org.partnershippulse.reporting.trend;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;

/** How a partnership's results moved across the rounds of one instrument, items matched by key across versions. */
@Schema(name = "Trend")
public record Trend(
        @Schema(example = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77") UUID partnershipId,
        @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
        @Schema(description = "The rounds, oldest first") List<TrendRound> rounds,
        @Schema(description = "Per section: its mean score in each round") List<Series> sections,
        @Schema(description = "Per ordinal item: its mean in each round") List<Series> items) {

    @Schema(name = "TrendRound")
    public record TrendRound(
            @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
            @Schema(example = "Spring 2025") String title,
            @Schema(example = "2") int instrumentVersion,
            Instant openedAt,
            @Schema(nullable = true, description = "Null while the round is open") Instant closedAt,
            @Schema(nullable = true, description = "The release the round's values come from; null before its first release") ReleaseRef release,
            @Schema(example = "18") int responded,
            @Schema(nullable = true, description = "responded / invited; null when nobody was invited", example = "0.75") Double rate,
            @Schema(description = "Fewer responded than the minimum: no results for this round") boolean resultsWithheld) {
    }

    @Schema(name = "TrendSeries")
    public record Series(
            @Schema(example = "trust") String key,
            @Schema(description = "Text in the latest round that has it", example = "Trust") String text,
            @Schema(description = "One point per round, in the order of rounds; value null where the round lacks the "
                    + "key or withheld it") List<Point> points,
            @Schema(nullable = true, description = "Last value minus first value, over the rounds that have one; null when fewer than two have one", example = "0.4") Double change) {
    }

    @Schema(name = "TrendPoint")
    public record Point(@Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
                        @Schema(nullable = true, description = "Null where the round lacks the key or withheld it", example = "2.25") Double value) {
    }
}
