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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.partnership.model.PersonRoleType;

@Path("/partnerships/{partnershipId}/roles")
@Tag(name = "Roles", description = "Roles people hold within a partnership")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    @Inject
    RoleService service;

    @GET
    @Operation(operationId = "listPartnershipRoles", summary = "List the roles people hold in a partnership",
            description = "Members of the partnership and platform administrators; current and revoked roles.")
    @APIResponse(responseCode = "200", description = "One page of roles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.PersonRolePage.class)))
    public Page<PersonApi.RoleView> list(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("active") @Parameter(description = "true: current roles only; false: revoked ones only",
                    schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("role") @Parameter(description = "Filter by role", schema = @Schema(implementation = PersonRoleType.class)) String role) {
        return service.list(partnershipId, paging, Params.bool(active, "active"), Params.enumValue(PersonRoleType.class, role, "role"));
    }

    @POST
    @Operation(operationId = "grantPartnershipRole", summary = "Grant a person a role in a partnership",
            description = "Coordinators of the partnership and platform administrators.")
    @APIResponse(responseCode = "201", description = "The role granted", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.RoleView.class)))
    public RestResponse<PersonApi.RoleView> grant(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Grant grant) {
        PersonApi.RoleView role = service.grant(partnershipId, grant);
        return RestResponse.ResponseBuilder.<PersonApi.RoleView>created(URI.create("/partnerships/" + partnershipId + "/roles/" + role.id()))
                .entity(role).build();
    }

    @DELETE
    @Path("/{roleId}")
    @Operation(operationId = "revokePartnershipRole", summary = "Revoke a role",
            description = "Coordinators of the partnership and platform administrators; the role stays in the history.")
    public PersonApi.RoleView revoke(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("roleId") @Parameter(description = "The role's id") UUID roleId) {
        return service.revoke(partnershipId, roleId);
    }
}
