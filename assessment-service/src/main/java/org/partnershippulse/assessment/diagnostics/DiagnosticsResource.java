package org.partnershippulse.assessment.diagnostics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.assessment.PingData;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.kit.security.Roles;

/** Lets an operator check the event pipeline end to end: a ping goes through the outbox and Kafka to reporting. */
@Path("/diagnostics")
@Tag(name = "Diagnostics", description = "Operator checks of the event pipeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DiagnosticsResource {

    @Schema(name = "PingSent", description = "A ping on its way to reporting-service")
    public record PingSent(@Schema(description = "Ask reporting-service for it: GET /diagnostics/pings/{id}") UUID id, Instant sentAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/ping")
    @Transactional
    @Operation(operationId = "publishDiagnosticPing", summary = "Publish a ping event",
            description = "Platform administrators only. The ping goes through the outbox and Kafka; reporting-service "
                    + "records its arrival (GET /diagnostics/pings/{id} there).")
    @APIResponse(responseCode = "202", description = "The ping is recorded in the outbox, on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PingSent.class)))
    public Response ping() {
        UUID id = UUID.randomUUID();
        CloudEvent event = outbox.record(AssessmentEventType.PING, id.toString(), "pings/" + id,
                new PingData(id, currentUser.username()));
        return Response.accepted(new PingSent(id, event.time())).build();
    }
}
