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
    @Operation(summary = "A ping published by assessment-service, once it has arrived here")
    public DiagnosticPings.PingReceived ping(@PathParam("id") UUID id) {
        return pings.find(id).orElseThrow(() -> ProblemException.notFound("Ping", id));
    }
}
