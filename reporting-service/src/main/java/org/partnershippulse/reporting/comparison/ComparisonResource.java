package org.partnershippulse.reporting.comparison;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
import org.partnershippulse.reporting.roundreport.RoundReportService;
import org.partnershippulse.reporting.roundreport.RoundReportService.Dated;

@Path("/partnerships/{partnershipId}/comparison")
@Tag(name = "Trends", description = "How a partnership's results move across rounds of one instrument")
public class ComparisonResource {

    @Inject
    RoundReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "compareRounds", summary = "Compare two rounds of one instrument", description = "Coordinators "
            + "and members of the partnership. Per section and per item: the mean and "
            + "the share of the top option in each round, and the change; the participation of each. Items are matched "
            + "by key across instrument versions; an item withheld for privacy in a round has no values there.")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Comparison.class)))
    @APIResponse(responseCode = "400", description = "partnershipId, from, to or lang is not valid, or the rounds are of different instruments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of your partnerships, or a round not of this partnership",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Comparison compare(
            @Parameter(description = "The partnership", example = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("partnershipId") String partnershipId,
            @Parameter(description = "The earlier round", required = true, example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("from") String from,
            @Parameter(description = "The later round", required = true, example = "9a0e4c11-2d3b-4f6a-8c7d-1e2f3a4b5c6d",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("to") String to,
            @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$")) @QueryParam("lang") String lang) {
        UUID partnership = Params.requiredUuid(partnershipId, "partnershipId");
        UUID a = Params.requiredUuid(from, "from");
        UUID b = Params.requiredUuid(to, "to");
        List<Dated> pair = reports.pair(partnership, a, b, RoundReportResource.language(lang));
        return Comparisons.of(pair.get(0), pair.get(1));
    }
}
