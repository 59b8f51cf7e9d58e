package org.partnershippulse.assessment.round;


import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.round.RoundApi.Participation;
import org.partnershippulse.assessment.round.RoundApi.ReopenRequest;
import org.partnershippulse.assessment.round.RoundApi.RoundPage;
import org.partnershippulse.assessment.round.RoundApi.RoundRequest;
import org.partnershippulse.assessment.round.RoundApi.RoundView;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/partnerships/{partnershipId}/rounds")
@Tag(name = "Rounds", description = "Assessment rounds of a partnership: coordinators set them up, open, close and reopen them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoundResource {

    static final String IF_MATCH_OPTIONAL = "The ETag you last saw; optional, but when sent a stale one is refused (412), "
            + "e.g. when the round opened or closed by itself in the meantime";
    static final String IF_MATCH_REQUIRED = "The round's ETag as you last read it; missing is 428, stale is 412";
    static final String PARTNERSHIP = "The partnership (id from partnership-service)";
    static final String ROUND = "The round";

    @Inject
    RoundService service;

    @POST
    @Operation(operationId = "createRound", summary = "Create a draft round", description = "Coordinators of the partnership only. "
            + "Settings may change until the round opens. "
            + "Defaults: all members invited, CONFIDENTIAL, minimum group size 3, breakdowns by sector and role.")
    @APIResponse(responseCode = "201", description = "The draft round",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")}, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "403", description = "Members who are not coordinators", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The partnership is dissolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId, @Valid @NotNull RoundRequest request) {
        RoundView round = service.create(partnershipId, request);
        return Response.created(URI.create("/partnerships/" + partnershipId + "/rounds/" + round.id()))
                .entity(round).tag(Versions.etag(round.version())).build();
    }

    @GET
    @Operation(operationId = "listRounds", summary = "List the partnership's rounds", description = "Members see open and "
            + "closed rounds; coordinators also drafts. Sortable by createdAt (default, newest first), title, opensAt, closesAt, status.")
    @APIResponse(responseCode = "200", description = "One page of rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundPage.class)))
    public Page<RoundView> list(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId, @BeanParam @Valid PageParams page,
                                @Parameter(description = "Only rounds in this status", schema = @Schema(implementation = RoundStatus.class))
                                @QueryParam("status") String status) {
        return service.list(partnershipId, Params.enumValue(RoundStatus.class, status, "status"), page);
    }

    @GET
    @Path("/{roundId}")
    @Operation(operationId = "getRound", summary = "Read a round", description = "Members of the partnership; drafts only "
            + "for its coordinators. The ETag is the round's version, for If-Match on a later change.")
    @APIResponse(responseCode = "200", description = "The round", headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response get(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                        @Parameter(description = ROUND) @PathParam("roundId") UUID roundId) {
        return withEtag(Response.ok(), service.get(partnershipId, roundId));
    }

    @PUT
    @Path("/{roundId}")
    @Operation(operationId = "updateRound", summary = "Change a draft round's settings", description = "Coordinators only. "
            + "Needs the ETag in If-Match; 409 once the round has opened.")
    @APIResponse(responseCode = "200", description = "The changed round", headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "Settings are fixed once the round opens", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                           @Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                           @Parameter(description = IF_MATCH_REQUIRED, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull RoundRequest request) {
        return withEtag(Response.ok(), service.update(partnershipId, roundId, request, ifMatch));
    }

    @POST
    @Path("/{roundId}/open")
    @Operation(operationId = "openRound", summary = "Open a draft round", description = "Coordinators only. Invites the audience as the partnership is now, fixes "
            + "the settings and publishes a round-opened event with the instrument snapshot and the audience's size and make-up. "
            + "A draft with opensAt opens by itself at that time (openedBy: system).")
    @APIResponse(responseCode = "200", description = "The open round", headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not a draft, or no one in the partnership matches its audience", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                         @Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL, example = "\"0\"") String ifMatch) {
        return withEtag(Response.ok(), service.open(partnershipId, roundId, ifMatch));
    }

    @POST
    @Path("/{roundId}/close")
    @Operation(operationId = "closeRound", summary = "Close an open round", description = "Coordinators only. No more submissions; publishes a round-closed event. "
            + "An open round with closesAt closes by itself at that time (closedBy: system), unless it was opened or reopened after it.")
    @APIResponse(responseCode = "200", description = "The closed round", headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                         @Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL, example = "\"0\"") String ifMatch) {
        return withEtag(Response.ok(), service.close(partnershipId, roundId, ifMatch));
    }

    @POST
    @Path("/{roundId}/reopen")
    @Operation(operationId = "reopenRound", summary = "Reopen a closed round with a reason", description = "Coordinators only. "
            + "Keeps every response; refreshes the audience.")
    @APIResponse(responseCode = "200", description = "The reopened round", headers = @Header(name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reopen(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                         @Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL, example = "\"0\"") String ifMatch,
                           @Valid @NotNull ReopenRequest request) {
        return withEtag(Response.ok(), service.reopen(partnershipId, roundId, request.reason(), ifMatch));
    }

    @GET
    @Path("/{roundId}/participation")
    @Operation(operationId = "getRoundParticipation", summary = "See who has and has not responded", description = "Coordinators only. To send reminders; never what anyone "
            + "answered, nor when. In an ANONYMOUS round only the counts.")
    @APIResponse(responseCode = "200", description = "Participation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Participation.class)))
    public Participation participation(@Parameter(description = PARTNERSHIP) @PathParam("partnershipId") UUID partnershipId,
                                       @Parameter(description = ROUND) @PathParam("roundId") UUID roundId) {
        return service.participation(partnershipId, roundId);
    }

    private static Response withEtag(Response.ResponseBuilder builder, RoundView round) {
        return builder.entity(round).tag(Versions.etag(round.version())).build();
    }
}
