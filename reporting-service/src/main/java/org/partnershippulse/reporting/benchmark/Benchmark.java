package org.partnershippulse.reporting.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;

/** Where a round's released means stand among the contributing partnerships' (contracts/privacy.md §5). */
@Schema(name = "Benchmark", description = "Where this round's section and item means stand among the partnerships that "
        + "contribute to the benchmark of its instrument version: their quartiles and this round's percentile. Never "
        + "another partnership's name, mean, minimum, maximum or how many contribute. Empty unless the partnership "
        + "contributes this round's released results and enough partnerships contribute.")
public record Benchmark(
        @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
        @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
        @Schema(example = "1") int instrumentVersion,
        @Schema(description = "False when nothing is shown (sections and items are then empty)") boolean available,
        @Schema(description = "When a benchmark shows and when it changes", example = "Shown when your partnership "
                + "contributes this round's released results and at least 5 partnerships contribute to this instrument "
                + "version; a figure changes only when at least 5 partnerships' results changed.") String explanation,
        @Schema(description = "Per section, in instrument order") List<Figure> sections,
        @Schema(description = "Per item, in instrument order") List<Figure> items) {

    @Schema(name = "BenchmarkFigure", description = "One mean of this round among the contributing partnerships' means")
    public record Figure(
            @Schema(description = "The section's or item's key", example = "trust") String key,
            @Schema(nullable = true, description = "The item's section; null for a section", example = "trust") String sectionKey,
            @Schema(example = "Trust") String title,
            @Schema(description = "This round's mean, as its release shows it", example = "2.4") double mean,
            @Schema(description = "First quartile of the contributing partnerships' means", example = "1.9") double q1,
            @Schema(example = "2.2") double median,
            @Schema(description = "Third quartile", example = "2.6") double q3,
            @Schema(description = "Percentage of contributing partnerships' means below this one (equal ones count half), 0–100",
                    example = "71") int percentile,
            @Schema(description = "When these figures were computed (they change only in whole snapshots)") Instant since) {
    }

    @Schema(name = "BenchmarkCoverage", description = "How many partnerships contribute to one instrument version's "
            + "benchmark, for platform administrators; never their figures")
    public record Coverage(
            @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
            @Schema(example = "1") int instrumentVersion,
            @Schema(description = "Partnerships whose released results count now", example = "7") int contributingPartnerships,
            @Schema(description = "The platform's minimum", example = "5") int minimumPartnerships,
            @Schema(description = "contributingPartnerships is at least the minimum") boolean aboveMinimum) {
    }

    @Schema(name = "BenchmarkCoveragePage", description = "One page of benchmarks' coverage")
    public static final class CoveragePage extends PageSchema<Coverage> {
    }
}
