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

    @POST
    @Path("/submission")
    @Operation(operationId = "submitResponseAnswers", summary = "Save and submit your answers in one request",
            description = "For a response completed in one go: the answers are checked as a save and a submission together "
            + "(each a valid value for an item of the instrument, every required item answered: 400 naming each "
            + "answers.<item key>; nothing is written then), saved and submitted as one revision, published as a "
            + "response-submitted event. Creates your response (201) or revises it while the round is open (200). Sent "
            + "again with the answers of your last submission (a retry), it records nothing new and answers with that "
            + "submission (200). Drafts are saved with PUT and submitted with POST .../submit.")
    @APIResponse(responseCode = "200", description = "Your response revised with these answers, or (a retry) as last submitted",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "201", description = "Your new response, submitted, with your results",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResponseView.class)))
    @APIResponse(responseCode = "400", description = "An answer is invalid or a required item is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "You are not in the round's audience", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round for you, or (with If-Match) no response yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The round is closed or not open yet, or a concurrent request created your response first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitAnswers(@Parameter(description = ROUND) @PathParam("roundId") UUID roundId,
                                  @Parameter(description = "Your response's ETag; optional, but when sent a stale one is refused (412)",
                                          example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Valid @NotNull SaveRequest request) {
        ResponseService.Saved saved = service.submitAnswers(roundId, request, ifMatch);
        return withEtag(saved.created() ? Response.status(Response.Status.CREATED) : Response.ok(), saved.response());
    }

    private static Response withEtag(Response.ResponseBuilder builder, ResponseView response) {
        return builder.entity(response).tag(Versions.etag(response.version())).build();
    }
}
