package org.partnershippulse.partnership.person;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/people")
@Tag(name = "People", description = "People taking part in partnerships, linked to their Keycloak identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonResource {

    @Inject
    PersonService service;

    @GET
    @Operation(summary = "People the caller shares a partnership with (everyone for platform administrators)")
    public Page<PersonApi.View> list(@Valid @BeanParam PageParams paging,
            @QueryParam("partnershipId") @Parameter(description = "People holding a role in this partnership") String partnershipId,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("search") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Part of the name or e-mail") String search) {
        return service.list(paging, Params.uuid(partnershipId, "partnershipId"), Params.uuid(organisationId, "organisationId"), search);
    }

    @POST
    @Operation(summary = "Add a person (platform administrators; coordinators, for a partnership they coordinate); they are"
            + " linked to a login when they first sign in with this e-mail, verified")
    public Response create(@NotNull(message = "a JSON body is required") @Valid PersonApi.NewPerson request) {
        PersonApi.View created = service.create(request);
        return Response.created(URI.create("/people/" + created.id())).tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A person, with their current roles")
    public Response get(@PathParam("id") UUID id) {
        PersonApi.View view = service.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a person; send If-Match with the ETag. A person several partnerships have: the platform"
            + " administrator or a coordinator of each; the person themself: their name only")
    public Response update(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Request request) {
        PersonApi.View view = service.update(id, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/login")
    @Operation(summary = "Re-link a person to another login, with a reason (platform administrators); audited in every"
            + " partnership that has the person")
    public Response relink(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Login request) {
        PersonApi.View view = service.relink(id, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
