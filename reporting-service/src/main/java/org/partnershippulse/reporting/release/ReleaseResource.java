package org.partnershippulse.reporting.release;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;

@Path("/rounds/{roundId}/releases")
@Tag(name = "Releases", description = "A round's results change only in releases: cut when the round closes, or on a "
        + "coordinator's request while it is open, and only when no one's answers could be worked out by comparing them")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    @Inject
    ReleaseService releases;

    @POST
    @Operation(operationId = "cutRoundRelease", summary = "Cut an interim release", description = "Coordinators of the "
            + "round's partnership, while it is open. Freezes the round's current results as its new release, "
            + "which every report, personal view, live stream, trend and comparison then shows. Refused (409) when "
            + "nothing changed since the last release, or when in the whole round or in any sector or role group the "
            + "report shows, the number of respondents whose answers changed is more than none but fewer than the "
            + "round's minimum group size: those answers wait for the next release (the detail says how many, never "
            + "whose). A release is also cut when the round closes, under the same rule.")
    @APIResponse(responseCode = "201", description = "The release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Release.class)))
    @APIResponse(responseCode = "400", description = "roundId is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a coordinator of the round's partnership",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nothing released: nothing changed, or too few changed answers in a group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cut(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId) {
        UUID id = Params.requiredUuid(roundId, "roundId");
        Release release = releases.requestInterim(id);
        return Response.status(Response.Status.CREATED).entity(release).build();
    }

    @GET
    @Operation(operationId = "listRoundReleases", summary = "List the round's releases, newest first", description = "Number, when it was cut, how many "
            + "respondents it counts and why it was cut. Read by the partnership's coordinators and members.")
    @APIResponse(responseCode = "200", description = "One page of releases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Release.ReleasePage.class)))
    @APIResponse(responseCode = "400", description = "roundId or a paging parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Release> list(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId,
                              @BeanParam @Valid PageParams page) {
        return releases.list(Params.requiredUuid(roundId, "roundId"), page);
    }
}
