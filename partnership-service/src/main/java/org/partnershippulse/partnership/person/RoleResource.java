package org.partnershippulse.partnership.person;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/partnerships/{partnershipId}/roles")
@Tag(name = "Roles", description = "Roles people hold within a partnership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    RoleService service;

    @GET
    @Operation(summary = "Roles in a partnership, current and revoked")
    public Page<PersonApi.RoleView> list(@PathParam("partnershipId") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("active") @Parameter(schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("role") @Parameter(schema = @Schema(implementation = PersonRoleType.class)) String role) {
        return service.list(partnershipId, paging, Params.bool(active, "active"), Params.enumValue(PersonRoleType.class, role, "role"));
    }

    @POST
    @Operation(summary = "Grant a role to a person (coordinators)")
    public Response grant(@PathParam("partnershipId") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Grant grant) {
        PersonApi.RoleView role = service.grant(partnershipId, grant);
        return Response.created(URI.create("/partnerships/" + partnershipId + "/roles/" + role.id())).entity(role).build();
    }

    @DELETE
    @Path("/{roleId}")
    @Operation(summary = "Revoke a role (coordinators); it stays in the history")
    public PersonApi.RoleView revoke(@PathParam("partnershipId") UUID partnershipId, @PathParam("roleId") UUID roleId) {
        return service.revoke(partnershipId, roleId);
    }
}
