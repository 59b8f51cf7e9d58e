package org.partnershippulse.partnership.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.problem.Problem;

@Path("/partnerships/{partnershipId}/archive")
@Tag(name = "Archive", description = "Everything a partnership has, in one download")
public class ArchiveResource {

    public static final String ZIP = "application/zip";

    @Inject
    Archive archive;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({ZIP, Problem.MEDIA_TYPE})
    @Operation(operationId = "exportPartnershipArchive", summary = "Download the partnership's complete archive",
            description = "Coordinators of the partnership and platform administrators. A zip with archive.json (format "
                    + "partnership-pulse-archive, formatVersion 1: the partnership and every record kind) and one CSV per "
                    + "record kind: organisations (with sector), people and their roles, agreements with their versions "
                    + "and signatures, released reports of its rounds, the audit trail. Each export is recorded in the "
                    + "audit trail.")
    @APIResponse(responseCode = "200", description = "The archive",
            content = @Content(mediaType = ZIP, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response export(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId) {
        Archive.Contents contents = archive.export(partnershipId);
        StreamingOutput body = out -> new ArchiveZip(json).write(contents, out);
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"partnership-" + partnershipId + "-archive.zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
