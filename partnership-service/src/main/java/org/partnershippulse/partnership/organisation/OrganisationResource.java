package org.partnershippulse.partnership.organisation;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.sector.Sector;

@Path("/organisations")
@Tag(name = "Organisations", description = "The directory of member organisations, each with its sector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @GET
    @Operation(operationId = "listOrganisations", summary = "Find organisations",
            description = "Any signed-in user: the directory is shared. With partnershipId, only that partnership's current"
                    + " members (its members and platform administrators).")
    @APIResponse(responseCode = "200", description = "One page of organisations", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationApi.OrganisationPage.class)))
    public Page<OrganisationApi.View> list(@Valid @BeanParam PageParams paging,
            @QueryParam("sector") @Parameter(description = "Filter by sector", schema = @Schema(implementation = Sector.class)) String sector,
            @QueryParam("partnershipId") @Parameter(description = "Only current members of this partnership",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String partnershipId,
            @QueryParam("search") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Case-insensitive part of the name") String search) {
        return service.list(paging, Params.enumValue(Sector.class, sector, "sector"),
                Params.uuid(partnershipId, "partnershipId"), search);
    }

    @POST
    @Operation(operationId = "createOrganisation", summary = "Add an organisation",
            description = "Platform administrators and coordinators. Added for a partnership, it is seen by that partnership,"
                    + " whose coordinators must then agree to changes.")
    @APIResponse(responseCode = "201", description = "The organisation added", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationApi.View.class)))
    public RestResponse<OrganisationApi.View> create(@NotNull(message = "a JSON body is required") @Valid OrganisationApi.NewOrganisation request) {
        OrganisationApi.View created = service.create(request);
        return RestResponse.ResponseBuilder.<OrganisationApi.View>created(URI.create("/organisations/" + created.id())).tag(Versions.etag(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganisation", summary = "Get an organisation",
            description = "Any signed-in user: the directory is shared. Its ETag is needed to update it.")
    @APIResponse(responseCode = "200", description = "The organisation", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationApi.View.class)))
    public RestResponse<OrganisationApi.View> get(@PathParam("id") @Parameter(description = "The organisation's id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateOrganisation", summary = "Update an organisation",
            description = "The platform administrator or a coordinator of every partnership that has it; send If-Match with"
                    + " its ETag.")
    @APIResponse(responseCode = "200", description = "The organisation updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationApi.View.class)))
    public RestResponse<OrganisationApi.View> update(@PathParam("id") @Parameter(description = "The organisation's id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid OrganisationApi.Request request) {
        return withEtag(service.update(id, ifMatch, request));
    }

    private static RestResponse<OrganisationApi.View> withEtag(OrganisationApi.View view) {
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }
}
