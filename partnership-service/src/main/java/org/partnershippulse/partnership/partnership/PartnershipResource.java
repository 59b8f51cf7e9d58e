package org.partnershippulse.partnership.partnership;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.partnershippulse.partnership.archive.PartnershipPurge;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.model.GeographyType;
import org.partnershippulse.partnership.model.PartnershipStatus;

@Path("/partnerships")
@Tag(name = "Partnerships", description = "Cross-sector partnerships: create, describe, dissolve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    @Inject
    PartnershipService service;

    @Inject
    PartnershipPurge purges;

    @GET
    @Operation(operationId = "listPartnerships", summary = "List partnerships",
            description = "Partnerships the caller belongs to; all of them for platform administrators.")
    @APIResponse(responseCode = "200", description = "One page of partnerships",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.PartnershipPage.class)))
    public Page<PartnershipApi.View> list(@Valid @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(description = "Filter by status",
                    schema = @Schema(implementation = PartnershipStatus.class)) String status,
            @QueryParam("geographyType") @Parameter(description = "Filter by geography type",
                    schema = @Schema(implementation = GeographyType.class)) String geographyType,
            @QueryParam("search") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Case-insensitive part of the name") String search) {
        return service.list(paging, Params.enumValue(PartnershipStatus.class, status, "status"),
                Params.enumValue(GeographyType.class, geographyType, "geographyType"), search);
    }

    @POST
    @Operation(operationId = "createPartnership", summary = "Create a partnership",
            description = "Platform administrators only. Answers the new partnership with its Location and its ETag.")
    @APIResponse(responseCode = "201", description = "The partnership created",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.View.class)))
    public RestResponse<PartnershipApi.View> create(@NotNull(message = "a JSON body is required") @Valid PartnershipApi.Request request) {
        PartnershipApi.View created = service.create(request);
        return RestResponse.ResponseBuilder.<PartnershipApi.View>created(URI.create("/partnerships/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartnership", summary = "Get a partnership",
            description = "Members of the partnership and platform administrators. Its ETag is needed to update or dissolve it.")
    @APIResponse(responseCode = "200", description = "The partnership", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.View.class)))
    public RestResponse<PartnershipApi.View> get(@PathParam("id") @Parameter(description = "The partnership's id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updatePartnership", summary = "Replace a partnership's description",
            description = "Coordinators of the partnership and platform administrators. Send If-Match with the ETag you read:"
                    + " without it 428, with an old one 412.")
    @APIResponse(responseCode = "200", description = "The partnership updated, with its new ETag",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.View.class)))
    public RestResponse<PartnershipApi.View> update(@PathParam("id") @Parameter(description = "The partnership's id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PartnershipApi.Request request) {
        return withEtag(service.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/dissolve")
    @Operation(operationId = "dissolvePartnership", summary = "Dissolve a partnership",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag."
                    + " The partnership and its history are kept, with status DISSOLVED.")
    @APIResponse(responseCode = "200", description = "The partnership dissolved, with its new ETag",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.View.class)))
    public RestResponse<PartnershipApi.View> dissolve(@PathParam("id") @Parameter(description = "The partnership's id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PartnershipApi.Dissolution dissolution) {
        return withEtag(service.dissolve(id, ifMatch, dissolution));
    }

    @PUT
    @Path("/{id}/benchmark-contribution")
    @Operation(operationId = "setBenchmarkContribution", summary = "Contribute to the benchmarks across partnerships, or stop",
            description = "Coordinators of the partnership only (not platform administrators: the consent is the "
                    + "partnership's). The choice takes effect at the partnership's next release of a round: from then "
                    + "its released section and item means count, unnamed, in the benchmark of that instrument version, "
                    + "and it sees where it stands. Recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The partnership, with its new ETag",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnershipApi.View.class)))
    @APIResponse(responseCode = "400", description = "contributes missing or not a boolean",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a coordinator of the partnership",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partnership, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The partnership is dissolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PartnershipApi.View> setBenchmarkContribution(
            @PathParam("id") @Parameter(description = "The partnership's id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PartnershipApi.BenchmarkContribution choice) {
        return withEtag(service.setBenchmarkContribution(id, choice));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePartnership", summary = "Delete a partnership created by mistake, or entirely",
            description = "Platform administrators only. Without purge: refused (409) once it has history (memberships, roles, agreements, people or organisations added for it): dissolve it instead. "
                    + "With purge=true: deletes the partnership and all its data here (agreements, roles, memberships, released reports, audit trail, people and organisations no other partnership sees), "
                    + "records the deletion in the platform's audit trail and publishes partnership.purged so that assessment- and reporting-service delete their copies (rounds, responses, reports). "
                    + "Download the archive first (GET /partnerships/{id}/archive): nothing can be restored.")
    @APIResponse(responseCode = "204", description = "Deleted")
    // nothing but a problem can come back, so a client accepting only application/problem+json must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public RestResponse<Void> delete(@PathParam("id") @Parameter(description = "The partnership's id") UUID id,
            @QueryParam("purge") @Parameter(description = "true: delete the partnership and all its data, history included",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) String purge) {
        if (purge != null && !purge.equals("true") && !purge.equals("false")) {
            throw org.partnershippulse.kit.problem.ProblemException.invalid("purge", "must be true or false");
        }
        if ("true".equals(purge)) {
            purges.purge(id);
        } else {
            service.delete(id);
        }
        return RestResponse.noContent();
    }

    private static RestResponse<PartnershipApi.View> withEtag(PartnershipApi.View view) {
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }
}
