package org.partnershippulse.partnership.audit;

import io.quarkus.panache.common.Sort;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.partnership.access.PartnershipAccess;

@Path("/partnerships/{partnershipId}/audit")
@Tag(name = "Audit", description = "Who changed what in a partnership, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Schema(name = "AuditEntry")
    public record View(UUID id, String entityType, UUID entityId, String action, String actorSubject, String actorName,
            Instant at, String summary) {
    }

    @Inject
    PartnershipAccess access;

    @GET
    @Transactional
    @Operation(summary = "The partnership's audit trail, newest first (coordinators and platform administrators)")
    public Page<View> trail(@PathParam("partnershipId") UUID partnershipId, @Valid @BeanParam PageParams paging) {
        access.manageable(partnershipId);
        Sort sort = SortSpec.parse(paging.sort, Map.of("at", "at", "action", "action"), Sort.descending("at").and("id"));
        return Page.of(AuditEntry.<AuditEntry>find("partnershipId", sort, partnershipId), paging,
                (AuditEntry e) -> new View(e.id, e.entityType, e.entityId, e.action, e.actorSubject, e.actorName, e.at, e.summary));
    }
}
