package org.partnershippulse.reporting.personal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;
import org.partnershippulse.reporting.roundreport.RoundReport;

/** A respondent's own answers beside the group's results; only ever shown to its author. */
@Schema(name = "PersonalView")
public record PersonalView(
        @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
        @Schema(example = "bcr-leadership-self-assessment") String instrumentKey,
        @Schema(description = "GROUP (answers about the partnership) or PERSONAL (about oneself)", example = "GROUP") String kind,
        @Schema(example = "2") int revision,
        Instant submittedAt,
        @Schema(nullable = true, description = "The release the group figures come from (your own answers are always your latest); null "
                + "before the round's first release, when there are no group figures") ReleaseRef release,
        @Schema(description = "Per rated item: your answer and, for group instruments, the group's distribution") List<Item> items,
        @Schema(description = "Your profile: your mean score per section (ordinal items)") List<SectionScore> profile,
        @Schema(description = "Personal instruments: the partnership's anonymous coverage, as its report shows it") List<RoundReport.Coverage> coverage,
        @Schema(description = "Your free-text answers and notes") List<Text> texts) {

    @Schema(name = "PersonalItem")
    public record Item(
            @Schema(example = "trust") String sectionKey,
            @Schema(example = "trust-team-building") String itemKey,
            @Schema(example = "Investment in team building activities.") String text,
            @Schema(nullable = true, description = "Your answer; null when you did not answer it") Answer mine,
            @Schema(nullable = true, description = "The group's result, as the round report shows it (withheld below the minimum); null for "
                    + "personal instruments and while the report shows no items (before the first release, or too few responded)")
            RoundReport.ItemResult group) {
    }

    @Schema(name = "PersonalAnswer")
    public record Answer(@Schema(example = "NEEDS_WORK_IN_FUTURE") String value,
                         @Schema(example = "Needs work in the future") String label,
                         @Schema(nullable = true, description = "Null for unscored options and values not on the scale", example = "2") Integer score) {
    }

    @Schema(name = "PersonalSectionScore")
    public record SectionScore(@Schema(example = "roles") String key, @Schema(example = "Leadership Roles") String title,
                               @Schema(example = "8") int answers, @Schema(example = "3.75") Double meanScore) {
    }

    @Schema(name = "PersonalText")
    public record Text(@Schema(example = "self-reflection-strengths") String itemKey,
                       @Schema(description = "REFLECTION or NOTE", example = "REFLECTION") String kind, String text) {
    }
}
