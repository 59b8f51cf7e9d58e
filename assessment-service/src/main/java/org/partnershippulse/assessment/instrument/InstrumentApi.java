package org.partnershippulse.assessment.instrument;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;

/** The instrument catalogue's response records. */
public final class InstrumentApi {

    private InstrumentApi() {
    }

    @Schema(name = "InstrumentSummary", description = "One version of an instrument, as catalogue lists show it")
    public record Summary(
            @Schema(example = "wested-essential-conditions") String key,
            @Schema(description = "Version number", example = "1") int version,
            VersionStatus status,
            InstrumentDefinition.Kind kind,
            @Schema(description = "English title", example = "Partnership Assessment Inventory") String title,
            @Schema(example = "29") int itemCount,
            @Schema(nullable = true, description = "When it was published; null for a draft") Instant publishedAt,
            @Schema(description = "Concurrency token (ETag) of the version", example = "0") long revision) {

        static Summary of(InstrumentVersion v) {
            return new Summary(v.instrumentKey, v.number, v.status, v.kind, v.title, v.itemCount, v.publishedAt, v.revision);
        }
    }

    @Schema(name = "InstrumentVersionDocument", description = "An instrument version with its full multilingual definition, for authoring")
    public record VersionDocument(
            @Schema(example = "wested-essential-conditions") String key,
            @Schema(description = "Version number", example = "2") int version,
            VersionStatus status,
            @Schema(description = "Concurrency token, also sent as ETag; send it in If-Match to change a draft", example = "3")
            long revision,
            Instant createdAt,
            Instant updatedAt,
            @Schema(nullable = true, description = "When it was published; null for a draft") Instant publishedAt,
            InstrumentDefinition definition) {
    }

    @Schema(name = "InstrumentSummaryPage", description = "One page of instrument versions")
    public static final class SummaryPage extends PageSchema<Summary> {
    }
}
