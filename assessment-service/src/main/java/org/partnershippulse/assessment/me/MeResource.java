package org.partnershippulse.assessment.me;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.round.RoundApi.MyRound;
import org.partnershippulse.assessment.round.RoundApi.MyRoundPage;
import org.partnershippulse.assessment.round.RoundService;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.security.Caller;
import org.partnershippulse.kit.security.CurrentUser;

@Path("/me")
@Tag(name = "Me", description = "The caller")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    RoundService rounds;

    @GET
    @Operation(operationId = "getAssessmentCaller", summary = "Read who the bearer token says you are",
            description = "Any signed-in user; the same answer as partnership-service's and reporting-service's /me.")
    @APIResponse(responseCode = "200", description = "You",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Caller.class)))
    public Caller me() {
        return currentUser.describe();
    }

    @GET
    @Path("/rounds")
    @Operation(operationId = "listMyRounds", summary = "List the open rounds you are invited to",
            description = "With your response status in each, soonest closing first; any signed-in user.")
    @APIResponse(responseCode = "200", description = "One page of your open rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MyRoundPage.class)))
    public Page<MyRound> rounds(@BeanParam @Valid PageParams page) {
        return rounds.myRounds(page);
    }
}
