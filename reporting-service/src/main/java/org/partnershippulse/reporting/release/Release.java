package org.partnershippulse.reporting.release;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;

/** A release of a round's results: every figure the reads show, frozen when it was cut. */
@Schema(name = "Release")
public record Release(
        @Schema(description = "1 for the round's first release, then 2, 3…", example = "2") int number,
        Instant cutAt,
        @Schema(description = "Respondents whose answers it counts", example = "18") int respondents,
        @Schema(description = "CLOSE (cut when the round closed) or INTERIM (asked for by a coordinator)", example = "CLOSE")
        String trigger) {

    public ReleaseRef ref() {
        return new ReleaseRef(number, cutAt);
    }

    @Schema(name = "ReleasePage", description = "One page of a round's releases")
    public static final class ReleasePage extends PageSchema<Release> {
    }
}
