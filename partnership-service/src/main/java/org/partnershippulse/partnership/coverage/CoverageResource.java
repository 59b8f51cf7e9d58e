package org.partnershippulse.partnership.coverage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partnerships/{partnershipId}/coverage")
@Tag(name = "Coverage", description = "Gaps in participation")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    CoverageService service;

    @GET
    @Operation(operationId = "getPartnershipCoverage", summary = "Find the gaps in a partnership's participation",
            description = "Members of the partnership and platform administrators: missing essential sectors, lived-experience"
                    + " participation, organisations without a champion, members who have not signed the current agreement,"
                    + " agreements due for renewal.")
    public Coverage.Report coverage(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId) {
        return service.report(partnershipId);
    }
}
