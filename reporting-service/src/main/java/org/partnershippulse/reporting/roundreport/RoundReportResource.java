package org.partnershippulse.reporting.roundreport;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Params;

@Path("/rounds/{roundId}")
@Tag(name = "Round reports", description = "What a round's responses say, for the group review; read by the partnership's coordinators and members")
public class RoundReportResource {

    public static final String CSV = "text/csv";
    /** The release a CSV table shows: {@code number=2; cut-at=…}, or {@code none} before the first release. */
    public static final String RELEASE_HEADER = "Pulse-Release";

    @Inject
    RoundReportService reports;

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRoundReport", summary = "Read the round's report", description = "Coordinators and members "
            + "of the round's partnership. Participation, per-item distributions with mean, median "
            + "and consensus, sections, strengths, priorities, divergences, sector differences, the Step 3 agenda, "
            + "recommendations, APHSA dimensions and reflections, as frozen in the round's latest release (release: "
            + "null and no figures before the first). Groups below the round's minimum are never shown.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundReport.class)))
    @APIResponse(responseCode = "400", description = "roundId or lang is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RoundReport report(
            @Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId,
            @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$"))
            @QueryParam("lang") String lang) {
        return reports.report(roundId(roundId), language(lang));
    }

    @GET
    @Path("/report.csv")
    @Produces(CSV)
    @Operation(operationId = "getRoundReportCsv", summary = "Download the round's per-item table as CSV", description = "Same "
            + "readers as the report. One row per item and option: counts, "
            + "shares, mean, median, consensus, divergent, of the latest release (header Pulse-Release: its number and "
            + "cut time, or none). Withheld items have one row without options.")
    @APIResponse(responseCode = "200", description = "The table (UTF-8), as an attachment",
            headers = {@Header(name = RELEASE_HEADER, description = "The release the table shows: number=<n>; cut-at=<time>, or none",
                    schema = @Schema(type = SchemaType.STRING, example = "number=2; cut-at=2027-04-01T10:00:00Z")),
                    @Header(name = "Content-Disposition", description = "attachment; filename=\"round-<roundId>-items.csv\"",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "CSV with a header row, one row per item and option", example = ReportCsv.HEADER)))
    @APIResponse(responseCode = "400", description = "roundId or lang is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
                                   schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId,
                        @Parameter(description = "Language of the texts, two lower-case letters; English where a text has no translation (default en)", example = "en",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z]{2}$")) @QueryParam("lang") String lang) {
        UUID id = roundId(roundId);
        RoundReport report = reports.report(id, language(lang));
        String body = ReportCsv.items(report);
        return Response.ok(body, CSV + "; charset=UTF-8")
                // CSV has no place for it: the release the table shows travels in a header
                .header(RELEASE_HEADER, report.release() == null ? "none"
                        : "number=" + report.release().number() + "; cut-at=" + report.release().cutAt())
                .header("Content-Disposition", "attachment; filename=\"round-" + id + "-items.csv\"").build();
    }

    private static UUID roundId(String value) {
        return Params.requiredUuid(value, "roundId");
    }

    /** The {@code lang} query parameter: a two-letter code, English by default. */
    public static String language(String value) {
        if (value == null || value.isBlank()) {
            return "en";
        }
        if (!value.trim().matches("^[a-z]{2}$")) {
            throw ProblemException.invalid("lang", "must be a two-letter language code, e.g. en");
        }
        return value.trim();
    }
}
