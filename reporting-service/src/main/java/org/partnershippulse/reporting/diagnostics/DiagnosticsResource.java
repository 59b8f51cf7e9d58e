package org.partnershippulse.reporting.diagnostics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
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

    public record PingReceived(UUID id, String requestedBy, Instant sentAt, Instant receivedAt) {
    }

    @GET
    @Path("/pings/{id}")
    @Operation(summary = "A ping published by assessment-service, once it has arrived here")
    public PingReceived ping(@PathParam("id") UUID id) {
        DiagnosticPing ping = DiagnosticPing.<DiagnosticPing>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Ping", id));
        return new PingReceived(ping.id, ping.requestedBy, ping.sentAt, ping.receivedAt);
    }
}
