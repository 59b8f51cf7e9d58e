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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.assessment.instrument.InstrumentApi.Summary;
import org.partnershippulse.assessment.instrument.InstrumentApi.SummaryPage;
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

    static final String KEY = "The instrument's key";
    static final String VERSION = "The version number, from 1";

    @Inject
    InstrumentService service;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "listInstrumentVersions", summary = "List instrument versions", description = "Any signed-in "
            + "user sees published versions; platform administrators also see drafts. Sortable by key, version, title, publishedAt.")
    @APIResponse(responseCode = "200", description = "One page of instrument versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryPage.class)))
    public Page<Summary> list(@BeanParam @Valid PageParams page,
                              @Parameter(description = "Only this instrument", example = "wested-essential-conditions") @QueryParam("key") String key,
                              @Parameter(description = "Only instruments of this kind", schema = @Schema(implementation = InstrumentDefinition.Kind.class))
                              @QueryParam("kind") String kind,
                              @Parameter(description = "Only versions in this status", schema = @Schema(implementation = VersionStatus.class))
                              @QueryParam("status") String status,
                              @Parameter(description = "Words in the key or English title", example = "partnership") @QueryParam("q") String search) {
        var filter = new InstrumentService.Filter(key, Params.enumValue(InstrumentDefinition.Kind.class, kind, "kind"),
                Params.enumValue(VersionStatus.class, status, "status"), search);
        return service.list(filter, page, currentUser.isPlatformAdmin());
    }

    @GET
    @Path("/{key}/versions/{version}")
    @Operation(operationId = "getInstrumentVersion", summary = "Read an instrument version in a language", description = "Any "
            + "signed-in user (drafts: platform administrators). Every text in the requested language, English where there "
            + "is no translation; `language` and the Content-Language header say which was served.")
    @APIResponse(responseCode = "200", description = "The instrument version",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Content-Language", description = "The language served",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "es"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalizedInstrument.class)))
    public Response get(@Parameter(description = KEY, example = "wested-essential-conditions") @PathParam("key") String key, @Parameter(description = VERSION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "2147483647")) @PathParam("version") int version,
                        @Parameter(description = "Language code, two lower-case letters; default en", example = "es")
                        @QueryParam("lang") @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter language code") String lang) {
        LocalizedInstrument instrument = service.localized(key, version, lang, currentUser.isPlatformAdmin());
        return Response.ok(instrument).tag(Versions.etag(instrument.revision()))
                .header(HttpHeaders.CONTENT_LANGUAGE, instrument.language()).build();
    }

    @GET
    @Path("/{key}/versions/{version}/definition")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "getInstrumentDefinition", summary = "Read an instrument version's full multilingual definition",
            description = "Platform administrators only, for authoring: every text in every language. The ETag is for If-Match on a change.")
    @APIResponse(responseCode = "200", description = "The version and its definition",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    public Response definition(@Parameter(description = KEY, example = "wested-essential-conditions") @PathParam("key") String key, @Parameter(description = VERSION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "2147483647")) @PathParam("version") int version) {
        return withEtag(Response.ok(), service.document(key, version));
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "createInstrument", summary = "Create an instrument", description = "Platform administrators "
            + "only. Its version 1, as a draft to edit and then publish.")
    @APIResponse(responseCode = "201", description = "The draft version",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "An instrument with this key exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull InstrumentDefinition definition) {
        VersionDocument created = service.create(definition, currentUser.username());
        return withEtag(Response.created(location(created)), created);
    }

    @PUT
    @Path("/{key}/versions/{version}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "updateInstrumentVersion", summary = "Replace a draft version's definition", description = "Platform "
            + "administrators only. Needs the draft's ETag in If-Match. Published versions are immutable (409).")
    @APIResponse(responseCode = "200", description = "The changed draft",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The version is published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = KEY, example = "wested-essential-conditions") @PathParam("key") String key, @Parameter(description = VERSION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "2147483647")) @PathParam("version") int version,
                           @Parameter(description = "The draft's ETag as you last read it; missing is 428, stale is 412", example = "\"3\"")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull InstrumentDefinition definition) {
        return withEtag(Response.ok(), service.update(key, version, definition, ifMatch));
    }

    @POST
    @Path("/{key}/versions")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "createInstrumentVersion", summary = "Start a new version", description = "Platform administrators only. A draft carrying every section and item (by key) of the latest "
            + "version, which must be published. Items keep their keys, so results stay comparable across versions.")
    @APIResponse(responseCode = "201", description = "The new draft version",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The latest version is still a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response newVersion(@Parameter(description = KEY, example = "wested-essential-conditions") @PathParam("key") String key) {
        VersionDocument created = service.newVersion(key);
        return withEtag(Response.created(location(created)), created);
    }

    @POST
    @Path("/{key}/versions/{version}/publish")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "publishInstrumentVersion", summary = "Publish a draft version", description = "Platform administrators only. From then on it is immutable and can be used by rounds; "
            + "publishes an instrument-published event with the full snapshot. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", description = "The published version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDocument.class)))
    @APIResponse(responseCode = "409", description = "The version is published already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@Parameter(description = KEY, example = "wested-essential-conditions") @PathParam("key") String key, @Parameter(description = VERSION, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "2147483647")) @PathParam("version") int version,
                            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The draft's ETag; optional, "
                                    + "but when sent a stale one is refused (412)", example = "\"3\"") String ifMatch) {
        return withEtag(Response.ok(), service.publish(key, version, ifMatch));
    }

    private static URI location(VersionDocument d) {
        return URI.create("/instruments/" + d.key() + "/versions/" + d.version());
    }

    private static Response withEtag(Response.ResponseBuilder builder, VersionDocument d) {
        return builder.entity(d).tag(Versions.etag(d.revision())).build();
    }
}
