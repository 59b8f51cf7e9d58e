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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/partnerships")
@Tag(name = "Partnerships", description = "Cross-sector partnerships: create, describe, dissolve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    @Inject
    PartnershipService service;

    @GET
    @Operation(summary = "Partnerships the caller belongs to (all of them for platform administrators)")
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
    @Operation(summary = "Create a partnership (platform administrators)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid PartnershipApi.Request request) {
        PartnershipApi.View created = service.create(request);
        return Response.created(URI.create("/partnerships/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A partnership; its ETag is needed to update it")
    public Response get(@PathParam("id") UUID id) {
        PartnershipApi.View view = service.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a partnership's description (coordinators); send If-Match with its ETag")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PartnershipApi.Request request) {
        PartnershipApi.View view = service.update(id, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("/{id}/dissolve")
    @Operation(summary = "Dissolve a partnership (coordinators): its history is kept")
    public Response dissolve(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PartnershipApi.Dissolution dissolution) {
        PartnershipApi.View view = service.dissolve(id, ifMatch, dissolution);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a partnership created by mistake (platform administrators); refused once it has history")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
