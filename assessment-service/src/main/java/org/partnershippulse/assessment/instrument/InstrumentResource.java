package org.partnershippulse.assessment.instrument;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.instrument.InstrumentApi.Summary;
import org.partnershippulse.assessment.instrument.InstrumentApi.VersionDocument;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.kit.security.Roles;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/instruments")
@Tag(name = "Instruments", description = "The catalogue of versioned, translatable instruments; platform administrators author them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstrumentResource {

    @Inject
    InstrumentService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "List instrument versions", description = "Published versions; platform administrators also see drafts. "
            + "Sortable by key, version, title, publishedAt.")
    @APIResponse(responseCode = "200", description = "One page of instrument versions")
    public Page<Summary> list(@BeanParam @Valid PageParams page,
                              @Parameter(description = "Only this instrument", example = "wested-essential-conditions") @QueryParam("key") String key,
                              @Parameter(description = "GROUP or PERSONAL") @QueryParam("kind") String kind,
                              @Parameter(description = "DRAFT or PUBLISHED") @QueryParam("status") String status,
                              @Parameter(description = "Words in the key or English title", example = "partnership") @QueryParam("q") String search) {
        var filter = new InstrumentService.Filter(key, Params.enumValue(InstrumentDefinition.Kind.class, kind, "kind"),
                Params.enumValue(VersionStatus.class, status, "status"), search);
        return service.list(filter, page, currentUser.isPlatformAdmin());
    }

    @GET
    @Path("/{key}/versions/{version}")
    @Operation(summary = "Read an instrument version in a language", description = "Every text in the requested language, "
            + "English where there is no translation; `language` says which was served.")
    @APIResponse(responseCode = "200", description = "The instrument version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizedInstrument.class)))
    public Response get(@PathParam("key") String key, @PathParam("version") int version,
                        @Parameter(description = "Language code", example = "es")
                        @QueryParam("lang") @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code") String lang) {
        LocalizedInstrument instrument = service.localized(key, version, lang, currentUser.isPlatformAdmin());
        return Response.ok(instrument).tag(Versions.etag(instrument.revision()))
                .header(HttpHeaders.CONTENT_LANGUAGE, instrument.language()).build();
    }

    @GET
    @Path("/{key}/versions/{version}/definition")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Read an instrument version's full multilingual definition (administrators, for authoring)")
    @APIResponse(responseCode = "200", description = "The version and its definition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    public Response definition(@PathParam("key") String key, @PathParam("version") int version) {
        return withEtag(Response.ok(), service.document(key, version));
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Create an instrument", description = "Its version 1, as a draft to edit and then publish.")
    @APIResponse(responseCode = "201", description = "The draft version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "An instrument with this key exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull InstrumentDefinition definition) {
        VersionDocument created = service.create(definition, currentUser.username());
        return withEtag(Response.created(location(created)), created);
    }

    @PUT
    @Path("/{key}/versions/{version}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Replace a draft version's definition", description = "Needs the draft's ETag in If-Match. Published versions are immutable (409).")
    @APIResponse(responseCode = "200", description = "The changed draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The version is published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("key") String key, @PathParam("version") int version,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull InstrumentDefinition definition) {
        return withEtag(Response.ok(), service.update(key, version, definition, ifMatch));
    }

    @POST
    @Path("/{key}/versions")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Start a new version", description = "A draft carrying every section and item (by key) of the latest "
            + "version, which must be published. Items keep their keys, so results stay comparable across versions.")
    @APIResponse(responseCode = "201", description = "The new draft version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The latest version is still a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response newVersion(@PathParam("key") String key) {
        VersionDocument created = service.newVersion(key);
        return withEtag(Response.created(location(created)), created);
    }

    @POST
    @Path("/{key}/versions/{version}/publish")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Publish a draft version", description = "From then on it is immutable and can be used by rounds; "
            + "publishes an instrument-published event with the full snapshot. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The published version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The version is published already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("key") String key, @PathParam("version") int version,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The draft's ETag; optional, "
                                    + "but when sent a stale one is refused (412)") String ifMatch) {
        return withEtag(Response.ok(), service.publish(key, version, ifMatch));
    }

    private static URI location(VersionDocument d) {
        return URI.create("/instruments/" + d.key() + "/versions/" + d.version());
    }

    private static Response withEtag(Response.ResponseBuilder builder, VersionDocument d) {
        return builder.entity(d).tag(Versions.etag(d.revision())).build();
    }
}
