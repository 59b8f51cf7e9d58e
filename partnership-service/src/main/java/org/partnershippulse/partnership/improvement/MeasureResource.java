package org.partnershippulse.partnership.improvement;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/partnerships/{partnershipId}/measures")
@Tag(name = "Common measures", description = "Measures the partnership tracks in common (WestEd 6.3), their values and trend")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeasureResource {

    @Inject
    MeasureService service;

    @GET
    @Operation(operationId = "listMeasures", summary = "List the partnership's common measures",
            description = "The partnership's people and platform administrators; each with its trend; filter by kind.")
    @APIResponse(responseCode = "200", description = "One page of measures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.MeasurePage.class)))
    public Page<ImprovementApi.MeasureView> list(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @Valid @BeanParam PageParams paging,
            @QueryParam("kind") @Parameter(description = "Filter by kind", schema = @Schema(implementation = MeasureKind.class)) String kind) {
        return service.list(partnershipId, paging, Params.enumValue(MeasureKind.class, kind, "kind"));
    }

    @POST
    @Operation(operationId = "defineMeasure", summary = "Define a common measure",
            description = "Coordinators of the partnership and platform administrators: kind, unit, baseline, target and"
                    + " direction; names are unique within the partnership.")
    @APIResponse(responseCode = "201", description = "The measure",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.MeasureView.class)))
    public RestResponse<ImprovementApi.MeasureView> define(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.MeasureRequest request) {
        ImprovementApi.MeasureView created = service.define(partnershipId, request);
        return RestResponse.ResponseBuilder.<ImprovementApi.MeasureView>created(URI.create("/partnerships/" + partnershipId + "/measures/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{measureId}")
    @Operation(operationId = "getMeasure", summary = "Get a common measure with its trend",
            description = "The partnership's people and platform administrators: the latest value against the baseline, read in"
                    + " the measure's direction, and the share of the way to the target. Its ETag is needed to change it.")
    @APIResponse(responseCode = "200", description = "The measure", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.MeasureView.class)))
    public RestResponse<ImprovementApi.MeasureView> get(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("measureId") @Parameter(description = "The measure's id") UUID measureId) {
        ImprovementApi.MeasureView view = service.get(partnershipId, measureId);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{measureId}")
    @Operation(operationId = "updateMeasure", summary = "Change a common measure",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag.")
    @APIResponse(responseCode = "200", description = "The measure updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.MeasureView.class)))
    public RestResponse<ImprovementApi.MeasureView> update(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("measureId") @Parameter(description = "The measure's id") UUID measureId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.MeasureRequest request) {
        ImprovementApi.MeasureView view = service.update(partnershipId, measureId, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("/{measureId}/values")
    @Operation(operationId = "listMeasureValues", summary = "List a measure's values over time",
            description = "The partnership's people and platform administrators; latest first.")
    @APIResponse(responseCode = "200", description = "One page of values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.ValuePage.class)))
    public Page<ImprovementApi.ValueView> values(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("measureId") @Parameter(description = "The measure's id") UUID measureId, @Valid @BeanParam PageParams paging) {
        return service.values(partnershipId, measureId, paging);
    }

    @POST
    @Path("/{measureId}/values")
    @Operation(operationId = "recordMeasureValue", summary = "Record a value of a measure",
            description = "Coordinators of the partnership and platform administrators; members add values with their check-ins"
                    + " of goals measured by it.")
    @APIResponse(responseCode = "201", description = "The value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.ValueView.class)))
    public RestResponse<ImprovementApi.ValueView> record(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("measureId") @Parameter(description = "The measure's id") UUID measureId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.ValueRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.record(partnershipId, measureId, request));
    }
}
