package org.partnershippulse.reporting.network;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;

@Path("/rounds/{roundId}/report/network")
@Tag(name = "Round reports")
public class NetworkResource {

    public static final String SVG = "image/svg+xml";

    @Inject
    NetworkService network;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getNetworkReport", summary = "Read a relationship round's network", description = "Coordinators "
            + "and members of the round's partnership. Organisations with sector, degree and betweenness; ties as the "
            + "aggregate of each organisation pair; density, degree centralisation, reciprocity, average value and trust "
            + "overall and per sector pair, unreciprocated ties and the change since the previous relationship round, as "
            + "frozen in the round's latest release (release: null and no organisations before the first).")
    @APIResponse(responseCode = "200", description = "The network",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkReport.class)))
    @APIResponse(responseCode = "400", description = "roundId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, not a relationship round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NetworkReport report(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId) {
        return network.report(Params.requiredUuid(roundId, "roundId"));
    }

    @GET
    @Path("/map.svg")
    @Produces(SVG)
    @Operation(operationId = "getNetworkMap", summary = "Draw a relationship round's network as an SVG map", description = "Same "
            + "readers and release as the network. Organisations on a circle grouped by sector (a colour per sector, "
            + "legend), a line per tie, thicker for a higher mean level.")
    @APIResponse(responseCode = "200", description = "The map",
            content = @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING, description = "An SVG document")))
    @APIResponse(responseCode = "400", description = "roundId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such round, not a relationship round, or not one of your partnerships",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response map(@Parameter(description = "The round", example = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("roundId") String roundId) {
        NetworkReport report = network.report(Params.requiredUuid(roundId, "roundId"));
        return Response.ok(NetworkMap.svg(report), SVG + "; charset=UTF-8").header("Cache-Control", "no-store").build();
    }
}
