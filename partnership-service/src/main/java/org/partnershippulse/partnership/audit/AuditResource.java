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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;

@Path("/partnerships/{partnershipId}/audit")
@Tag(name = "Audit", description = "Who changed what in a partnership, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record View(UUID id, String entityType, UUID entityId, String action, String actorSubject, String actorName,
            Instant at, String summary) {
    }

    @Inject
    AuditTrail trail;

    @GET
    @Operation(summary = "The partnership's audit trail, newest first (coordinators and platform administrators)")
    public Page<View> trail(@PathParam("partnershipId") UUID partnershipId, @Valid @BeanParam PageParams paging) {
        return trail.of(partnershipId, paging);
    }
}
