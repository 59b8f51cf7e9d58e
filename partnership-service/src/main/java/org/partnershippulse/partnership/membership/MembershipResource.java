package org.partnershippulse.partnership.membership;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
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

@Path("/partnerships/{partnershipId}/memberships")
@Tag(name = "Memberships", description = "Organisations in a partnership, with their role and contribution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {

    @Inject
    MembershipService service;

    @GET
    @Operation(summary = "Memberships of a partnership, current and past")
    public Page<MembershipApi.View> list(@PathParam("partnershipId") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("active") @Parameter(description = "true: current members only; false: past ones only",
                    schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("role") @Parameter(schema = @Schema(implementation = MembershipRole.class)) String role,
            @QueryParam("sector") @Parameter(schema = @Schema(implementation = Sector.class)) String sector) {
        return service.list(partnershipId, paging, Params.bool(active, "active"),
                Params.enumValue(MembershipRole.class, role, "role"), Params.enumValue(Sector.class, sector, "sector"));
    }

    @POST
    @Operation(summary = "Add an organisation to the partnership (coordinators)")
    public Response start(@PathParam("partnershipId") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid MembershipApi.Create request) {
        MembershipApi.View created = service.start(partnershipId, request);
        return Response.created(URI.create("/partnerships/" + partnershipId + "/memberships/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{membershipId}")
    @Operation(summary = "A membership")
    public Response get(@PathParam("partnershipId") UUID partnershipId, @PathParam("membershipId") UUID membershipId) {
        MembershipApi.View view = service.get(partnershipId, membershipId);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("/{membershipId}")
    @Operation(summary = "Change a member's role, joining date or contribution (coordinators); send If-Match")
    public Response update(@PathParam("partnershipId") UUID partnershipId, @PathParam("membershipId") UUID membershipId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid MembershipApi.Update request) {
        MembershipApi.View view = service.update(partnershipId, membershipId, ifMatch, request);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @DELETE
    @Path("/{membershipId}")
    @Operation(summary = "End a membership (coordinators): it gets a left date and stays in the history")
    public MembershipApi.View end(@PathParam("partnershipId") UUID partnershipId, @PathParam("membershipId") UUID membershipId,
            @QueryParam("leftOn") @Parameter(description = "Defaults to today", schema = @Schema(implementation = LocalDate.class)) String leftOn) {
        return service.end(partnershipId, membershipId, Params.date(leftOn, "leftOn"));
    }
}
