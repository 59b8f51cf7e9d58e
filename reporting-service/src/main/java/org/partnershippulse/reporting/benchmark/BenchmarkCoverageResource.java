package org.partnershippulse.reporting.benchmark;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.security.Roles;

@Path("/admin/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class BenchmarkCoverageResource {

    @Inject
    BenchmarkService benchmarks;

    @GET
    @Operation(operationId = "listBenchmarkCoverage", summary = "List the benchmarks' coverage",
            description = "Platform administrators only. Per instrument version with contributions: how many "
                    + "partnerships contribute now and whether that reaches the minimum. No partnership's figures.")
    @APIResponse(responseCode = "200", description = "One page of coverage, by instrument key and version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Benchmark.CoveragePage.class)))
    @APIResponse(responseCode = "400", description = "A paging parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a platform administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<Benchmark.Coverage> coverage(@BeanParam @Valid PageParams page) {
        return benchmarks.coverage(page);
    }
}
