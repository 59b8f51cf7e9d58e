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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.round.RoundApi.Participation;
import org.partnershippulse.assessment.round.RoundApi.ReopenRequest;
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

    @Inject
    RoundService service;

    @POST
    @Operation(summary = "Create a draft round (coordinators)", description = "Settings may change until the round opens. "
            + "Defaults: all members invited, CONFIDENTIAL, minimum group size 3, breakdowns by sector and role.")
    @APIResponse(responseCode = "201", description = "The draft round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "403", description = "Members who are not coordinators", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The partnership is dissolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("partnershipId") UUID partnershipId, @Valid @NotNull RoundRequest request) {
        RoundView round = service.create(partnershipId, request);
        return Response.created(URI.create("/partnerships/" + partnershipId + "/rounds/" + round.id()))
                .entity(round).tag(Versions.etag(round.version())).build();
    }

    @GET
    @Operation(summary = "List the partnership's rounds", description = "Members see open and closed rounds; coordinators also "
            + "drafts. Sortable by createdAt (default, newest first), title, opensAt, closesAt, status.")
    @APIResponse(responseCode = "200", description = "One page of rounds")
    public Page<RoundView> list(@PathParam("partnershipId") UUID partnershipId, @BeanParam @Valid PageParams page,
                                @Parameter(description = "DRAFT, OPEN or CLOSED") @QueryParam("status") String status) {
        return service.list(partnershipId, Params.enumValue(RoundStatus.class, status, "status"), page);
    }

    @GET
    @Path("/{roundId}")
    @Operation(summary = "Read a round")
    @APIResponse(responseCode = "200", description = "The round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Response get(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId) {
        return withEtag(Response.ok(), service.get(partnershipId, roundId));
    }

    @PUT
    @Path("/{roundId}")
    @Operation(summary = "Change a draft round's settings (coordinators)", description = "Needs the ETag in If-Match; 409 once the round has opened.")
    @APIResponse(responseCode = "200", description = "The changed round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "Settings are fixed once the round opens", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RoundRequest request) {
        return withEtag(Response.ok(), service.update(partnershipId, roundId, request, ifMatch));
    }

    @POST
    @Path("/{roundId}/open")
    @Operation(summary = "Open a draft round (coordinators)", description = "Invites the audience as the partnership is now, fixes "
            + "the settings and publishes a round-opened event with the instrument snapshot and the audience's size and make-up. "
            + "A draft with opensAt opens by itself at that time (openedBy: system).")
    @APIResponse(responseCode = "200", description = "The open round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not a draft, or no one in the partnership matches its audience", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId,
                         @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL) String ifMatch) {
        return withEtag(Response.ok(), service.open(partnershipId, roundId, ifMatch));
    }

    @POST
    @Path("/{roundId}/close")
    @Operation(summary = "Close an open round (coordinators)", description = "No more submissions; publishes a round-closed event. "
            + "An open round with closesAt closes by itself at that time (closedBy: system), unless it was opened or reopened after it.")
    @APIResponse(responseCode = "200", description = "The closed round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL) String ifMatch) {
        return withEtag(Response.ok(), service.close(partnershipId, roundId, ifMatch));
    }

    @POST
    @Path("/{roundId}/reopen")
    @Operation(summary = "Reopen a closed round with a reason (coordinators)", description = "Keeps every response; refreshes the audience.")
    @APIResponse(responseCode = "200", description = "The reopened round", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The round is not closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reopen(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId,
                           @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = IF_MATCH_OPTIONAL) String ifMatch,
                           @Valid @NotNull ReopenRequest request) {
        return withEtag(Response.ok(), service.reopen(partnershipId, roundId, request.reason(), ifMatch));
    }

    @GET
    @Path("/{roundId}/participation")
    @Operation(summary = "Who has and has not responded (coordinators)", description = "To send reminders; never what anyone "
            + "answered, nor when. In an ANONYMOUS round only the counts.")
    @APIResponse(responseCode = "200", description = "Participation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Participation.class)))
    public Participation participation(@PathParam("partnershipId") UUID partnershipId, @PathParam("roundId") UUID roundId) {
        return service.participation(partnershipId, roundId);
    }

    private static Response withEtag(Response.ResponseBuilder builder, RoundView round) {
        return builder.entity(round).tag(Versions.etag(round.version())).build();
    }
}
