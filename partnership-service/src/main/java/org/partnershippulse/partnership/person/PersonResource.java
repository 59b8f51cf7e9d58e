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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
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
    @Operation(operationId = "listPeople", summary = "List people",
            description = "People the caller shares a partnership with; everyone for platform administrators.")
    @APIResponse(responseCode = "200", description = "One page of people", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.PersonPage.class)))
    public Page<PersonApi.View> list(@Valid @BeanParam PageParams paging,
            @QueryParam("partnershipId") @Parameter(description = "People holding a role in this partnership",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String partnershipId,
            @QueryParam("organisationId") @Parameter(description = "People representing this organisation",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @QueryParam("search") @Size(max = 200, message = "must be at most 200 characters")
            @Parameter(description = "Part of the name or e-mail") String search) {
        return service.list(paging, Params.uuid(partnershipId, "partnershipId"), Params.uuid(organisationId, "organisationId"), search);
    }

    @POST
    @Operation(operationId = "createPerson", summary = "Add a person",
            description = "Platform administrators; coordinators, for a partnership they coordinate. The person is linked to a"
                    + " login when they first sign in with this e-mail, verified.")
    @APIResponse(responseCode = "201", description = "The person added", headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.View.class)))
    public RestResponse<PersonApi.View> create(@NotNull(message = "a JSON body is required") @Valid PersonApi.NewPerson request) {
        PersonApi.View created = service.create(request);
        return RestResponse.ResponseBuilder.<PersonApi.View>created(URI.create("/people/" + created.id())).tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPerson", summary = "Get a person, with their current roles",
            description = "People who share a partnership with the person, the person themself and platform administrators."
                    + " Its ETag is needed to update it.")
    @APIResponse(responseCode = "200", description = "The person", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.View.class)))
    public RestResponse<PersonApi.View> get(@PathParam("id") @Parameter(description = "The person's id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updatePerson", summary = "Update a person",
            description = "Send If-Match with the ETag. A person several partnerships have: the platform administrator or a"
                    + " coordinator of each; the person themself: their name only.")
    @APIResponse(responseCode = "200", description = "The person updated, with their new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.View.class)))
    public RestResponse<PersonApi.View> update(@PathParam("id") @Parameter(description = "The person's id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Request request) {
        return withEtag(service.update(id, ifMatch, request));
    }

    @PUT
    @Path("/{id}/login")
    @Operation(operationId = "relinkPersonLogin", summary = "Re-link a person to another login",
            description = "Platform administrators only, with a reason; audited in every partnership that has the person.")
    @APIResponse(responseCode = "200", description = "The person re-linked, with their new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonApi.View.class)))
    public RestResponse<PersonApi.View> relink(@PathParam("id") @Parameter(description = "The person's id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid PersonApi.Login request) {
        return withEtag(service.relink(id, request));
    }

    private static RestResponse<PersonApi.View> withEtag(PersonApi.View view) {
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }
}
