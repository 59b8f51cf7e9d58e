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
import org.partnershippulse.partnership.sector.Sector;

@Path("/organisations")
@Tag(name = "Organisations", description = "The directory of member organisations, each with its sector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @GET
    @Operation(summary = "Find organisations")
    public Page<OrganisationApi.View> list(@Valid @BeanParam PageParams paging,
            @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class)) String sector,
            @QueryParam("partnershipId") @Parameter(description = "Only current members of this partnership") String partnershipId,
            @QueryParam("search") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Case-insensitive part of the name") String search) {
        return service.list(paging, Params.enumValue(Sector.class, sector, "sector"),
                Params.uuid(partnershipId, "partnershipId"), search);
    }

    @POST
    @Operation(summary = "Add an organisation (platform administrators and coordinators)")
    public Response create(@NotNull(message = "a JSON body is required") @Valid OrganisationApi.NewOrganisation request) {
        OrganisationApi.View created = service.create(request);
        return Response.created(URI.create("/organisations/" + created.id())).tag(Versions.etag(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An organisation")
    public Response get(@PathParam("id") UUID id) {
        OrganisationApi.View view = service.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update an organisation; send If-Match with its ETag (the platform administrator or a coordinator of"
            + " every partnership that has it)")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid OrganisationApi.Request request) {
        OrganisationApi.View view = service.update(id, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
