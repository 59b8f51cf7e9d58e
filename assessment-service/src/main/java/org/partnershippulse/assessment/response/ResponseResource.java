package org.partnershippulse.assessment.response;


import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.response.ResponseApi.ResponseView;
import org.partnershippulse.assessment.response.ResponseApi.SaveRequest;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Versions;

@Path("/rounds/{roundId}/response")
@Tag(name = "Responses", description = "The caller's own response to a round: save a draft, submit, revise until the round closes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    static final String ROUND = "The round (id from GET /me/rounds)";

    @Inject
    ResponseService service;

    @GET
    @Operation(operationId = "getMyResponse", summary = "Read your own response", description = "Only its author can read a response: coordinators see who "
            + "responded (participation), never what anyone answered.")
    @APIResponse(responseCode = "200", description = "Your response, with your own results once submitted",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "404", description = "No response of yours, or a round you cannot see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = ROUND) @PathParam("roundId") UUID roundId) {
        return withEtag(Response.ok(), service.own(roundId));
    }

    @PUT
    @Operation(operationId = "saveResponseDraft", summary = "Save your answers as a draft", description = "Without If-Match this creates your response (201); "
            + "a second one is 409. With If-Match it changes it (after a submission: submit again to revise). Partial answers "
            + "are fine; each must be an item of the instrument with a value on its scale (400 naming answers.<item key>).")
    @APIResponse(responseCode = "200", description = "Your changed response",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "201", description = "Your new response",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "403", description = "You are not in the round's audience", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round for you, or (with If-Match) no response yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A response exists already (send If-Match), or the round is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response save(@Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                         @Parameter(description = "Absent: create your response (201). Present: the ETag of your response "
                                 + "as you last read it, to change it (stale: 412)", example = "\"1\"")
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull SaveRequest request) {
        ResponseService.Saved saved = service.save(roundId, request, ifMatch);
        return withEtag(saved.created() ? Response.status(Response.Status.CREATED) : Response.ok(), saved.response());
    }

    @POST
    @Path("/submit")
    @Operation(operationId = "submitResponse", summary = "Submit your saved answers", description = "Every required item needs a valid value (400 naming each "
            + "missing answers.<item key>); the round must be open (409). Each submission is kept as a revision and published "
            + "as a response-submitted event. The answer includes your own results and recommendations for what you rated lowest.")
    @APIResponse(responseCode = "200", description = "Your submitted response with your results",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "400", description = "Required items are missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "You are not in the round's audience", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No response saved yet, or a round you cannot see", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The round is closed or not open yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                           @Parameter(description = "Your response's ETag; optional, but when sent a stale one is refused (412)",
                                   example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withEtag(Response.ok(), service.submit(roundId, ifMatch));
    }

    private static Response withEtag(Response.ResponseBuilder builder, ResponseView response) {
        return builder.entity(response).tag(Versions.etag(response.version())).build();
    }
}
