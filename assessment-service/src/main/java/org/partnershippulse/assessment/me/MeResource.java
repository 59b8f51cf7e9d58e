package org.partnershippulse.assessment.me;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.round.RoundApi.MyRound;
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
    @Operation(summary = "Who the bearer token says you are")
    public Caller me() {
        return currentUser.describe();
    }

    @GET
    @Path("/rounds")
    @Operation(summary = "The open rounds you are invited to, with your response status", description = "Soonest closing first.")
    public Page<MyRound> rounds(@BeanParam @Valid PageParams page) {
        return rounds.myRounds(page);
    }
}
