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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
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
    @Operation(operationId = "listAgreements", summary = "List the agreements of a partnership",
            description = "Members of the partnership and platform administrators; filter by status.")
    @APIResponse(responseCode = "200", description = "One page of agreements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.AgreementPage.class)))
    public Page<AgreementApi.View> list(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @Valid @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(description = "Filter by status",
                    schema = @Schema(implementation = AgreementStatus.class)) String status) {
        return service.list(partnershipId, paging, Params.enumValue(AgreementStatus.class, status, "status"));
    }

    @POST
    @Operation(operationId = "draftAgreement", summary = "Draft an agreement from the BCR Model MOU",
            description = "Coordinators of the partnership and platform administrators. The text is filled from the partnership;"
                    + " omitted commitments take the model's defaults.")
    @APIResponse(responseCode = "201", description = "The draft agreement",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> draft(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Request request) {
        AgreementApi.View created = service.draft(partnershipId, request);
        return RestResponse.ResponseBuilder.<AgreementApi.View>created(URI.create("/partnerships/" + partnershipId + "/agreements/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{agreementId}")
    @Operation(operationId = "getAgreement", summary = "Get an agreement",
            description = "Members of the partnership and platform administrators: the current text, its signatures and the"
                    + " members that have not signed yet. Its ETag is needed to change it.")
    @APIResponse(responseCode = "200", description = "The agreement", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> get(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId) {
        return withEtag(service.get(partnershipId, agreementId));
    }

    @PUT
    @Path("/{agreementId}")
    @Operation(operationId = "updateAgreement", summary = "Change an agreement's commitments or text",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag."
                    + " A changed text is a new version every member signs again.")
    @APIResponse(responseCode = "200", description = "The agreement updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> update(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Request request) {
        return withEtag(service.update(partnershipId, agreementId, ifMatch, request));
    }

    @POST
    @Path("/{agreementId}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "activateAgreement", summary = "Put a draft agreement into effect",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag."
                    + " Re-signature becomes due in 12 months.")
    @APIResponse(responseCode = "200", description = "The agreement activated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> activate(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch) {
        return withEtag(service.activate(partnershipId, agreementId, ifMatch));
    }

    @POST
    @Path("/{agreementId}/renew")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "renewAgreement", summary = "Start an agreement's annual re-signature",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag."
                    + " Makes a new version every member signs again.")
    @APIResponse(responseCode = "200", description = "The agreement renewed, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> renew(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch) {
        return withEtag(service.renew(partnershipId, agreementId, ifMatch));
    }

    @POST
    @Path("/{agreementId}/terminate")
    @Operation(operationId = "terminateAgreement", summary = "Terminate an agreement in writing",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag and a reason.")
    @APIResponse(responseCode = "200", description = "The agreement terminated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.View.class)))
    public RestResponse<AgreementApi.View> terminate(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.Termination termination) {
        return withEtag(service.terminate(partnershipId, agreementId, ifMatch, termination));
    }

    @GET
    @Path("/{agreementId}/versions")
    @Operation(operationId = "listAgreementVersions", summary = "List every version of an agreement's text",
            description = "Members of the partnership and platform administrators; oldest first.")
    public List<AgreementApi.Version> versions(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId) {
        return service.versions(partnershipId, agreementId);
    }

    @POST
    @Path("/{agreementId}/signatures")
    @Operation(operationId = "signAgreement", summary = "Sign an agreement's current version for a member organisation",
            description = "A person of the member organisation signs for it; coordinators may record any member's signature,"
                    + " naming the signer.")
    @APIResponse(responseCode = "201", description = "The signature recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementApi.Signature.class)))
    public RestResponse<AgreementApi.Signature> sign(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @PathParam("agreementId") @Parameter(description = "The agreement's id") UUID agreementId,
            @NotNull(message = "a JSON body is required") @Valid AgreementApi.SignatureRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, service.sign(partnershipId, agreementId, request));
    }

    private static RestResponse<AgreementApi.View> withEtag(AgreementApi.View view) {
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }
}
