package org.partnershippulse.partnership.me;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Tag(name = "Me", description = "The caller")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    MeService service;

    @GET
    @Operation(summary = "Who the bearer token says you are, your person entry and your partnerships with your roles")
    public MeService.Me me() {
        return service.me();
    }
}
