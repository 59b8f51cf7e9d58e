package org.partnershippulse.reporting.me;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.security.Caller;
import org.partnershippulse.kit.security.CurrentUser;

@Path("/me")
@Tag(name = "Me", description = "The caller")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "getReportingCaller", summary = "Read who the bearer token says you are",
            description = "Any signed-in user; the same answer as partnership-service's and assessment-service's /me.")
    @APIResponse(responseCode = "200", description = "You",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Caller.class)))
    public Caller me() {
        return currentUser.describe();
    }
}
