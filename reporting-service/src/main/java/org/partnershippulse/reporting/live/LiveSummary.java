package org.partnershippulse.reporting.live;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.reporting.release.ReleaseRef;
import org.partnershippulse.reporting.roundreport.RoundReport;

/** What a meeting's dashboard shows while a round is open: participation and per-item results of the latest release, as the report shows them. */
@Schema(name = "LiveSummary")
public record LiveSummary(
        @Schema(example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10") UUID roundId,
        @Schema(description = "OPEN, or CLOSED in the last event of a stream", example = "OPEN") String status,
        @Schema(nullable = true, description = "The release whose figures these are; null before the round's first release") ReleaseRef release,
        RoundReport.Participation participation,
        @Schema(description = "Fewer responded than the minimum: no items yet") boolean resultsWithheld,
        @Schema(description = "Per item, withheld below the minimum; empty for personal instruments") List<RoundReport.ItemResult> items,
        @Schema(description = "Personal instruments: anonymous coverage per role") List<RoundReport.Coverage> coverage) {

    public static LiveSummary of(RoundReport r) {
        return new LiveSummary(r.roundId(), r.status(), r.release(), r.participation(), r.resultsWithheld(), r.items(), r.coverage());
    }
}
