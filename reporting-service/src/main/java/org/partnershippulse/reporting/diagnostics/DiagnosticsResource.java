package org.partnershippulse.reporting.diagnostics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.Roles;

@Path("/diagnostics")
@Tag(name = "Diagnostics", description = "Operator checks of the event pipeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DiagnosticsResource {

    @Inject
    DiagnosticPings pings;

    @GET
    @Path("/pings/{id}")
    @Operation(operationId = "getDiagnosticPing", summary = "Read a ping published by assessment-service",
            description = "Platform administrators only. 404 until the ping has arrived here: poll to measure the pipeline.")
    @APIResponse(responseCode = "200", description = "The ping, as it arrived",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiagnosticPings.PingReceived.class)))
    public DiagnosticPings.PingReceived ping(@Parameter(description = "The ping's id, from POST /diagnostics/ping of assessment-service")
                                             @PathParam("id") UUID id) {
        return pings.find(id).orElseThrow(() -> ProblemException.notFound("Ping", id));
    }
}
