package org.partnershippulse.reporting.release;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which release of a round a read shows. */
@Schema(name = "ReleaseRef", description = "The release whose figures this read shows; null before the round's first release")
public record ReleaseRef(@Schema(example = "2") int number, Instant cutAt) {
}
