package org.partnershippulse.partnership.audit;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.PageSchema;

@Path("/partnerships/{partnershipId}/audit")
@Tag(name = "Audit", description = "Who changed what in a partnership, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record View(UUID id, String entityType, UUID entityId, String action, String actorSubject,
            @Schema(nullable = true) String actorName, Instant at, String summary) {
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "AuditEntryPage", description = "One page of audit entries")
    public static final class AuditEntryPage extends PageSchema<View> {
    }

    @Inject
    AuditTrail trail;

    @GET
    @Operation(operationId = "listPartnershipAuditEntries", summary = "Read a partnership's audit trail",
            description = "Coordinators of the partnership and platform administrators; newest first.")
    @APIResponse(responseCode = "200", description = "One page of audit entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryPage.class)))
    public Page<View> trail(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId, @Valid @BeanParam PageParams paging) {
        return trail.of(partnershipId, paging);
    }
}
