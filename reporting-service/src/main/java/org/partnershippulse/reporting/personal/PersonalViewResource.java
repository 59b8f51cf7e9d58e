package org.partnershippulse.reporting.personal;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.reporting.roundreport.RoundReportResource;

@Path("/rounds/{roundId}/me")
@Tag(name = "Personal view", description = "A respondent's own answers beside the group's; only ever shown to their author")
public class PersonalViewResource {

    @Inject
    PersonalViewService views;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyRoundView", summary = "Read your own answers beside the group's", description = "Only for "
            + "a respondent who submitted, about their own response. Your latest submitted revision: per item "
            + "your answer and the group's distribution in the round's latest release (withheld below the round's "
            + "minimum; none before the first release), your profile per section. "
            + "For a personal instrument (Leadership Self-Assessment) your own profile and the partnership's anonymous "
            + "coverage of each role, never anyone else's answers.")
    @APIResponse(responseCode = "200", description = "Your view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalView.class)))
    @APIResponse(responseCode = "400", description = "roundId or lang is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, you have no submitted response to it, or you no longer belong to its partnership",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalView mine(
            @Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId,
            @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$")) @QueryParam("lang") String lang) {
        UUID id = Params.requiredUuid(roundId, "roundId");
        return views.mine(id, RoundReportResource.language(lang));
    }
}
