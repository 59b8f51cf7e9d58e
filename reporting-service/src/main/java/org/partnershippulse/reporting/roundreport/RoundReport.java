package org.partnershippulse.reporting.roundreport;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;

/** The report of one round, for the group review (BCR Tool 1, Step 3). Read from the read models only. */
@Schema(name = "RoundReport", description = "Aggregated results of a round; never a group below the round's minimum, never an author")
public record RoundReport(
        @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
        @Schema(example = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77") UUID partnershipId,
        @Schema(nullable = true, description = "Null while the partnership is not yet known to this service", example = "Riverside County BCR Partnership") String partnershipName,
        @Schema(example = "Spring 2025 Partnership Assessment") String title,
        @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
        @Schema(example = "1") int instrumentVersion,
        @Schema(description = "OPEN or CLOSED", example = "CLOSED") String status,
        @Schema(nullable = true, description = "The release whose figures this report shows (results change only in releases); null "
                + "before the round's first release, when no figures are shown") ReleaseRef release,
        @Schema(description = "Language of the texts", example = "en") String language,
        @Schema(description = "No group smaller than this is shown", example = "5") int minimumGroupSize,
        @Schema(description = "True when fewer people responded than the minimum: only participation is shown")
        boolean resultsWithheld,
        Participation participation,
        @Schema(description = "Per item, in instrument order") List<ItemResult> items,
        @Schema(description = "Per section (element, condition, dimension row)") List<SectionResult> sections,
        Highlights highlights,
        @Schema(description = "Items where sectors (each at or above the minimum) differ most")
        List<SectorDifference> sectorDifferences,
        @Schema(description = "The Step 3 questions, each with the items that feed it") List<AgendaPoint> agenda,
        List<Recommendation> recommendations,
        @Schema(nullable = true, description = "APHSA dimensions of partnership, for instruments that place the partnership today and aimed; else null")
        Dimensions dimensions,
        @Schema(description = "Free-text answers and notes, without author; empty when fewer responded than the minimum")
        List<ReflectionGroup> reflections,
        @Schema(description = "Personal instruments (the Leadership Self-Assessment) only, instead of items, sections and "
                + "reflections: per rated item, how many rate themselves in the scale's two highest options; else empty")
        List<Coverage> coverage,
        Method method) {

    @Schema(name = "Coverage", description = "Anonymous coverage of one role of a personal instrument; never an individual profile")
    public record Coverage(
            @Schema(example = "roles") String sectionKey,
            @Schema(example = "visionary") String itemKey,
            @Schema(example = "Visionary") String text,
            @Schema(example = "9") int responses,
            @Schema(description = "Fewer than the minimum answered this item: no count") boolean withheld,
            @Schema(description = "The options counted as high", example = "[\"4\", \"5\"]") List<String> highOptions,
            @Schema(nullable = true, description = "Respondents who chose one of them; null when withheld", example = "4") Long ratedHigh,
            @Schema(nullable = true, description = "ratedHigh / responses; null when withheld", example = "0.4444") Double share) {
    }

    @Schema(name = "Participation")
    public record Participation(
            @Schema(example = "24") int invited,
            @Schema(example = "18") int responded,
            @Schema(nullable = true, description = "responded / invited; null when nobody was invited", example = "0.75") Double rate,
            @Schema(description = "Only groups at or above the minimum, after complementary suppression; empty when the breakdown is not allowed")
            List<GroupParticipation> bySector,
            @Schema(description = "As bySector; a person with several roles counts in each") List<GroupParticipation> byRole,
            @Schema(description = "Number of sector groups hidden", example = "2") int hiddenSectorGroups,
            @Schema(description = "Number of role groups hidden", example = "1") int hiddenRoleGroups) {
    }

    @Schema(name = "GroupParticipation")
    public record GroupParticipation(
            @Schema(example = "EDUCATION") String group,
            @Schema(nullable = true, description = "Null when the round's invitations do not say how many of this group were invited", example = "6") Integer invited,
            @Schema(example = "5") int responded,
            @Schema(nullable = true, description = "responded / invited; null when invited is", example = "0.83") Double rate) {
    }

    @Schema(name = "ItemResult")
    public record ItemResult(
            @Schema(example = "trust") String sectionKey,
            @Schema(example = "trust-team-building") String itemKey,
            @Schema(example = "Investment in team building activities.") String text,
            @Schema(description = "ORDINAL, CATEGORICAL or NUMERIC", example = "ORDINAL") String scaleType,
            @Schema(example = "18") int responses,
            @Schema(description = "True when fewer than the minimum answered this item: no distribution is shown")
            boolean withheld,
            List<OptionCount> distribution,
            @Schema(nullable = true, description = "Mean of the option scores (ordinal and numeric); null when withheld or not scored", example = "2.39") Double mean,
            @Schema(nullable = true, description = "Median of the option scores (ordinal and numeric); null when withheld or not scored", example = "3.0") Double median,
            @Schema(nullable = true, description = "0..1; Tastle–Wierman (ordinal) or normalised entropy (categorical); null when "
                    + "withheld or for numeric items", example = "0.62")
            Double consensus,
            @Schema(nullable = true, description = "TASTLE_WIERMAN or NORMALISED_ENTROPY; null when consensus is", example = "TASTLE_WIERMAN")
            String consensusMeasure,
            @Schema(description = "Consensus below the threshold of the method section") boolean divergent) {
    }

    @Schema(name = "OptionCount")
    public record OptionCount(
            @Schema(example = "CURRENTLY_EXISTS") String value,
            @Schema(example = "Currently Exists/ Maintain") String label,
            @Schema(nullable = true, description = "The option's score; null for unscored options and for values not on the scale", example = "3")
            Integer score,
            @Schema(example = "9") long count,
            @Schema(example = "0.5") double share) {
    }

    @Schema(name = "SectionResult")
    public record SectionResult(
            @Schema(example = "trust") String key,
            @Schema(example = "Trust") String title,
            @Schema(description = "Answers to the section's rated items", example = "90") long answers,
            @Schema(description = "All answers of the section's rated items, per option") List<OptionCount> distribution,
            @Schema(nullable = true, description = "Mean option score over those answers (ordinal items); null when there are none", example = "2.2") Double meanScore,
            @Schema(nullable = true, description = "meanScore placed on 0..1 between the scale's lowest and highest score; null when meanScore is", example = "0.6")
            Double normalisedScore) {
    }

    @Schema(name = "Highlights")
    public record Highlights(
            @Schema(description = "Up to 4 items in the upper half of their scale, most rated at the top option (then highest mean)") List<ItemRef> strengths,
            @Schema(description = "Up to 4 other items most rated at the lowest option, e.g. Needs Immediate Attention (then lowest mean)")
            List<ItemRef> priorities,
            @Schema(description = "Divergent items, least consensus first") List<ItemRef> divergent) {
    }

    @Schema(name = "ItemRef")
    public record ItemRef(
            @Schema(example = "trust-team-building") String itemKey,
            @Schema(example = "trust") String sectionKey,
            @Schema(example = "Investment in team building activities.") String text,
            @Schema(nullable = true, example = "2.4") Double mean,
            @Schema(nullable = true, description = "Share of the top option (strengths) or of the lowest option (priorities); "
                    + "null for other references", example = "0.6")
            Double share,
            @Schema(nullable = true, example = "0.45") Double consensus) {
    }

    @Schema(name = "SectorDifference")
    public record SectorDifference(
            @Schema(example = "org-culture-shared-mission") String itemKey,
            @Schema(example = "A shared mission.") String text,
            @Schema(description = "Highest minus lowest sector mean", example = "1.2") double spread,
            List<GroupMean> sectors) {
    }

    @Schema(name = "GroupMean")
    public record GroupMean(@Schema(example = "EDUCATION") String group, @Schema(example = "6") long responses,
                            @Schema(example = "2.5") double mean) {
    }

    @Schema(name = "AgendaPoint")
    public record AgendaPoint(
            @Schema(example = "problematic-attributes") String key,
            @Schema(example = "Are there any attributes that are particularly problematic?") String question,
            List<ItemRef> items) {
    }

    @Schema(name = "Recommendation")
    public record Recommendation(
            @Schema(description = "WESTED_THINGS_TO_TRY or BCR_GUIDELINE", example = "BCR_GUIDELINE") String source,
            @Schema(description = "The low-rated sections it answers", example = "[\"trust\"]") List<String> sections,
            @Schema(nullable = true, description = "START_HERE or GO_DEEPER (WestEd); null for BCR guidelines", example = "START_HERE") String level,
            @Schema(example = "Communicate, Communicate, Communicate") String title,
            String text,
            @Schema(example = "trust: 40% rated Needs Immediate Attention") String reason) {
    }

    @Schema(name = "Dimensions")
    public record Dimensions(
            @Schema(nullable = true, description = "The partnership's declared dimension; null when it declared none", example = "COOPERATION")
            String declaredDimension,
            @Schema(nullable = true, description = "The declared dimension's score; null when unknown", example = "2") Integer declaredScore,
            List<DimensionRow> rows,
            DimensionPlacement overallToday,
            DimensionPlacement overallAim,
            @Schema(description = "Members' placement today against the declared dimension: MATCHES, BELOW_DECLARED, ABOVE_DECLARED or UNKNOWN",
                    example = "BELOW_DECLARED") String todayVersusDeclared) {
    }

    @Schema(name = "DimensionRow")
    public record DimensionRow(@Schema(example = "purpose") String key, @Schema(example = "Purpose") String title,
                               DimensionPlacement today, DimensionPlacement aim) {
    }

    @Schema(name = "DimensionPlacement")
    public record DimensionPlacement(
            @Schema(example = "12") long answers,
            @Schema(nullable = true, description = "Mean of the dimension scores (1 Networking .. 4 Integration); null without answers "
                    + "or when withheld", example = "2.4") Double meanScore,
            @Schema(nullable = true, description = "The dimension nearest the mean; null when meanScore is", example = "COOPERATION") String nearest) {
    }

    @Schema(name = "ReflectionGroup")
    public record ReflectionGroup(
            @Schema(example = "reflection-major-strengths") String itemKey,
            @Schema(example = "What are the major strengths of the collaborative?") String itemText,
            @Schema(description = "REFLECTION (free-text item) or NOTE (note on a rated item)", example = "REFLECTION") String kind,
            @Schema(description = "In alphabetical order, so that order reveals nothing") List<String> texts) {
    }

    @Schema(name = "ReportMethod", description = "The formulas and thresholds behind the numbers")
    public record Method(String consensus, double divergentBelow, String suppression, String strengths,
                         String priorities, double lowSectionBelow, double attentionShareAtLeast) {
    }
}
