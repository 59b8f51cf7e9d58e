package org.partnershippulse.partnership.agreement;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/partnerships/{partnershipId}/agreements")
@Tag(name = "Agreements", description = "Memoranda of understanding drafted from the BCR Model MOU, their versions and signatures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    @Inject
    AgreementService service;

    @GET
    @Operation(summary = "Agreements of a partnership")
    public Page<AgreementApi.View> list(@PathParam("partnershipId") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = AgreementStatus.class)) String status) {
        return service.list(partnershipId, paging, Params.enumValue(AgreementStatus.class, status, "status"));
    }

    @POST
    @Operation(summary = "Draft an agreement from the BCR Model MOU, filled from the partnership (coordinators)")
    public Response draft(@PathParam("partnershipId") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Request request) {
        AgreementApi.View created = service.draft(partnershipId, request);
        return Response.created(URI.create("/partnerships/" + partnershipId + "/agreements/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{agreementId}")
    @Operation(summary = "An agreement with its current text, signatures and missing signatures")
    public Response get(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId) {
        return withEtag(service.get(partnershipId, agreementId));
    }

    @PUT
    @Path("/{agreementId}")
    @Operation(summary = "Change the commitments or text (coordinators); a changed text is a new version to sign")
    public Response update(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Request request) {
        return withEtag(service.update(partnershipId, agreementId, ifMatch, request));
    }

    @POST
    @Path("/{agreementId}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Put a draft into effect (coordinators); re-signature becomes due in 12 months")
    public Response activate(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch) {
        return withEtag(service.activate(partnershipId, agreementId, ifMatch));
    }

    @POST
    @Path("/{agreementId}/renew")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start the annual re-signature (coordinators): a new version every member signs again")
    public Response renew(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch) {
        return withEtag(service.renew(partnershipId, agreementId, ifMatch));
    }

    @POST
    @Path("/{agreementId}/terminate")
    @Operation(summary = "Terminate an agreement in writing (coordinators)")
    public Response terminate(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Termination termination) {
        return withEtag(service.terminate(partnershipId, agreementId, ifMatch, termination));
    }

    @GET
    @Path("/{agreementId}/versions")
    @Operation(summary = "Every version of the text, oldest first")
    public List<AgreementApi.Version> versions(@PathParam("partnershipId") UUID partnershipId,
            @PathParam("agreementId") UUID agreementId) {
        return service.versions(partnershipId, agreementId);
    }

    @POST
    @Path("/{agreementId}/signatures")
    @Operation(summary = "Sign the current version for a member organisation (its own members; coordinators may record any)")
    public Response sign(@PathParam("partnershipId") UUID partnershipId, @PathParam("agreementId") UUID agreementId,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.SignatureRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.sign(partnershipId, agreementId, request)).build();
    }

    private static Response withEtag(AgreementApi.View view) {
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
