package org.partnershippulse.reporting.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.partnershippulse.kit.security.Roles;

@Path("/admin/rebuild")
@Tag(name = "Administration", description = "Operator actions on the read models")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @Schema(name = "RebuildResult")
    public record RebuildResult(
            @Schema(description = "Records read from both topics", example = "12840") long eventsRead,
            @Schema(description = "Events applied (redeliveries included, recognised by the inbox)", example = "12838") long eventsApplied,
            @Schema(description = "Poison events skipped (already in the dead-letter topic)", example = "2") long poisonSkipped,
            @Schema(example = "5321") long durationMillis) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild every read model from the topics", description = "Empties the read models and replays "
            + "both topics from the beginning in one transaction; reports show the previous state until it commits, "
            + "and live consumption resumes after it. Platform administrators only.")
    @APIResponse(responseCode = "200", description = "Rebuilt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildResult.class)))
    public CompletionStage<RebuildResult> rebuild() {
        // On the rebuild's own thread, not the request's: a client or proxy that gives up waiting must not undo a
        // rebuild of minutes (its request context, and the session with it, would close), and two requests never
        // rebuild at once.
        return CompletableFuture.supplyAsync(rebuild::run, REBUILDER)
                .thenApply(r -> new RebuildResult(r.eventsRead(), r.eventsApplied(), r.poisonSkipped(), r.durationMillis()));
    }

    private static final ExecutorService REBUILDER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });
}
