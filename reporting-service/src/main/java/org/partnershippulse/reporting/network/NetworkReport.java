package org.partnershippulse.reporting.network;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;

/**
 * The network of a relationship round as its latest release froze it. Ties are shown only as the aggregate of their
 * organisation pair (contracts/privacy.md, "Relationship rounds"): no figure is one side's rating apart from the other's.
 */
@Schema(name = "NetworkReport", description = "Organisations, ties and network figures of a relationship round's latest release")
public record NetworkReport(
        UUID roundId, UUID partnershipId, String title,
        @Schema(nullable = true) ReleaseRef release,
        @Schema(description = "Member organisations that rated or were rated, by sector then name") List<Organisation> organisations,
        @Schema(description = "Pairs where at least one side reports a relationship above NONE") List<Tie> ties,
        @Schema(description = "Ties over possible pairs, 0 to 1", example = "0.42") double density,
        @Schema(nullable = true, description = "Freeman degree centralisation, 0 (even) to 1 (a star); null below 3 organisations", example = "0.35")
        Double degreeCentralisation,
        @Schema(nullable = true, description = "Of the ties both sides rated, the share where both report the same level; null when none", example = "0.6")
        Double reciprocity,
        @Schema(description = "Ties both sides rated", example = "10") int ratedFromBothSides,
        @Schema(description = "Of those, ties both report at the same level", example = "6") int reciprocated,
        @Schema(nullable = true, description = "Mean value score (1–4) of the ratings that report a relationship", example = "2.8") Double averageValue,
        @Schema(nullable = true, description = "Mean trust score (1–4) of the ratings that report a relationship", example = "3.1") Double averageTrust,
        @Schema(description = "Mean value and trust of the ratings between organisations of two sectors (or one)") List<SectorPair> sectorPairs,
        @Schema(description = "Ties one side reports and the other rated NONE") List<Unreciprocated> unreciprocated,
        @Schema(nullable = true, description = "Change since the partnership's previous relationship round with a release; null when none") Change change) {

    @Schema(name = "NetworkOrganisation")
    public record Organisation(UUID organisationId, String name, @Schema(example = "HEALTH") String sector,
                               @Schema(description = "Ties of the organisation", example = "4") int degree,
                               @Schema(description = "Shortest paths between two other organisations through it", example = "3.5") double betweenness,
                               @Schema(description = "Betweenness over (n−1)(n−2)/2, 0 to 1", example = "0.12") double normalisedBetweenness) {
    }

    @Schema(name = "NetworkTie", description = "A tie as the aggregate of its pair: means over the sides that rated it")
    public record Tie(UUID organisationA, UUID organisationB,
                      @Schema(description = "How many of the two rated the pair (1 or 2)", example = "2") int ratedBy,
                      @Schema(description = "Mean relationship level, 0 (none) to 4 (integration)", example = "2.5") double level,
                      @Schema(nullable = true, example = "3.0") Double value,
                      @Schema(nullable = true, example = "2.5") Double trust) {
    }

    @Schema(name = "NetworkSectorPair")
    public record SectorPair(String sectorA, String sectorB, @Schema(description = "Ratings averaged", example = "6") int ratings,
                             @Schema(nullable = true) Double averageValue, @Schema(nullable = true) Double averageTrust) {
    }

    @Schema(name = "NetworkUnreciprocatedTie", description = "A tie one organisation reports and the other does not")
    public record Unreciprocated(UUID reportedBy, UUID notReportedBy) {
    }

    @Schema(name = "NetworkChange", description = "This release's figures minus those of the previous relationship round's latest release")
    public record Change(UUID previousRoundId, ReleaseRef previousRelease, double density,
                         @Schema(nullable = true) Double degreeCentralisation, @Schema(nullable = true) Double reciprocity,
                         @Schema(nullable = true) Double averageValue, @Schema(nullable = true) Double averageTrust,
                         @Schema(description = "Pairs tied now and not before") List<List<UUID>> tiesAdded,
                         @Schema(description = "Pairs tied before and not now") List<List<UUID>> tiesLost) {
    }
}
