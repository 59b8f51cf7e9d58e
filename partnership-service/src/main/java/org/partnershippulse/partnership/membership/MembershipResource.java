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
import java.net.URI;
import java.time.LocalDate;
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
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.model.MembershipRole;
import org.partnershippulse.partnership.sector.Sector;

@Path("/partnerships/{partnershipId}/memberships")
@Tag(name = "Memberships", description = "Organisations in a partnership, with their role and contribution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipResource {

    @Inject
    MembershipService service;

    @GET
    @Operation(operationId = "listMemberships", summary = "List the memberships of a partnership",
            description = "Members of the partnership and platform administrators; current and past memberships.")
    @APIResponse(responseCode = "200", description = "One page of memberships",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipApi.MembershipPage.class)))
    public Page<MembershipApi.View> list(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("active") @Parameter(description = "true: current members only; false: past ones only",
                    schema = @Schema(implementation = Boolean.class)) String active,
            @QueryParam("role") @Parameter(description = "Filter by the member's role",
                    schema = @Schema(implementation = MembershipRole.class)) String role,
            @QueryParam("sector") @Parameter(description = "Filter by the member organisation's sector",
                    schema = @Schema(implementation = Sector.class)) String sector) {
        return service.list(partnershipId, paging, Params.bool(active, "active"),
                Params.enumValue(MembershipRole.class, role, "role"), Params.enumValue(Sector.class, sector, "sector"));
    }

    @POST
    @Operation(operationId = "createMembership", summary = "Add an organisation to a partnership",
            description = "Coordinators of the partnership and platform administrators.")
    @APIResponse(responseCode = "201", description = "The membership started", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipApi.View.class)))
    public RestResponse<MembershipApi.View> start(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid MembershipApi.Create request) {
        MembershipApi.View created = service.start(partnershipId, request);
        return RestResponse.ResponseBuilder.<MembershipApi.View>created(URI.create("/partnerships/" + partnershipId + "/memberships/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{membershipId}")
    @Operation(operationId = "getMembership", summary = "Get a membership",
            description = "Members of the partnership and platform administrators. Its ETag is needed to update it.")
    @APIResponse(responseCode = "200", description = "The membership", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipApi.View.class)))
    public RestResponse<MembershipApi.View> get(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("membershipId") @Parameter(description = "The membership's id") UUID membershipId) {
        return withEtag(service.get(partnershipId, membershipId));
    }

    @PUT
    @Path("/{membershipId}")
    @Operation(operationId = "updateMembership", summary = "Change a member's role, joining date or contribution",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag.")
    @APIResponse(responseCode = "200", description = "The membership updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MembershipApi.View.class)))
    public RestResponse<MembershipApi.View> update(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("membershipId") @Parameter(description = "The membership's id") UUID membershipId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid MembershipApi.Update request) {
        return withEtag(service.update(partnershipId, membershipId, ifMatch, request));
    }

    @DELETE
    @Path("/{membershipId}")
    @Operation(operationId = "endMembership", summary = "End a membership",
            description = "Coordinators of the partnership and platform administrators. The membership gets a left date and"
                    + " stays in the history.")
    public MembershipApi.View end(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("membershipId") @Parameter(description = "The membership's id") UUID membershipId,
            @QueryParam("leftOn") @Parameter(description = "Defaults to today", schema = @Schema(implementation = LocalDate.class)) String leftOn) {
        return service.end(partnershipId, membershipId, Params.date(leftOn, "leftOn"));
    }

    private static RestResponse<MembershipApi.View> withEtag(MembershipApi.View view) {
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }
}
