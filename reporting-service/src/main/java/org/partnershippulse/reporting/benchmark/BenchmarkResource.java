package org.partnershippulse.reporting.benchmark;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;

@Path("/rounds/{roundId}/benchmark")
@Tag(name = "Benchmarks", description = "Where a partnership's released means stand among the partnerships that chose to "
        + "contribute theirs: quartiles and percentile, never another partnership's figures")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    @Inject
    BenchmarkService benchmarks;

    @GET
    @Operation(operationId = "getRoundBenchmark", summary = "Read where the round's means stand among other partnerships'",
            description = "Coordinators and members of the round's partnership. For each section and item: this round's "
                    + "released mean, the quartiles (Q1, median, Q3) of the contributing partnerships' means for the same "
                    + "instrument version and this round's percentile among them. Available only when the partnership "
                    + "contributes to the benchmarks (PUT /partnerships/{id}/benchmark-contribution, effective from its "
                    + "next release), this round's release is counted, and the platform's minimum number of partnerships "
                    + "contribute; otherwise available is false and nothing is shown, not even how many contribute. "
                    + "Figures change only when releases are cut, and only when at least the minimum number of "
                    + "partnerships' results changed.")
    @APIResponse(responseCode = "200", description = "The round's benchmark (possibly empty)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Benchmark.class)))
    @APIResponse(responseCode = "400", description = "roundId is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Benchmark round(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId) {
        return benchmarks.forRound(Params.requiredUuid(roundId, "roundId"));
    }
}
