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
    @Operation(operationId = "getMyPartnershipProfile", summary = "Get who you are, with your person entry and partnerships",
            description = "Any signed-in user: who the bearer token says you are, your person entry (linked on first sign-in"
                    + " by verified e-mail) and your partnerships with your roles in each.")
    public MeService.Me me() {
        return service.me();
    }
}
