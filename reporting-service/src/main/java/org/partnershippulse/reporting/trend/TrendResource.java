package org.partnershippulse.reporting.trend;

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
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.reporting.roundreport.RoundReportResource;
import org.partnershippulse.reporting.roundreport.RoundReportService;

@Path("/partnerships/{partnershipId}/trends")
@Tag(name = "Trends", description = "How a partnership's results move across rounds of one instrument")
public class TrendResource {

    @Inject
    RoundReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRoundTrends", summary = "Follow each section and item across the partnership's rounds of an instrument",
            description = "Coordinators and members of the partnership. Items are matched by key across instrument versions. Rounds or items withheld for privacy have null points.")
    @APIResponse(responseCode = "200", description = "The trend",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)))
    @APIResponse(responseCode = "400", description = "partnershipId, instrumentKey or lang is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Trend trend(
            @Parameter(description = "The partnership", example = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("partnershipId") String partnershipId,
            @Parameter(description = "The instrument", required = true, example = "bcr-partnership-assessment-inventory",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1))
            @QueryParam("instrumentKey") String instrumentKey,
            @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$")) @QueryParam("lang") String lang) {
        UUID id = Params.requiredUuid(partnershipId, "partnershipId");
        if (instrumentKey == null || instrumentKey.isBlank()) {
            throw ProblemException.invalid("instrumentKey", "must not be blank");
        }
        return Trends.of(id, instrumentKey.trim(), reports.reports(id, instrumentKey.trim(), RoundReportResource.language(lang)));
    }
}
