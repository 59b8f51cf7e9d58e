package org.partnershippulse.partnership.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.partnership.access.PartnershipAccess;

/** Records every change, in the transaction of the change, with who made it. */
@RequestScoped
public class AuditTrail {

    @Inject
    CurrentUser currentUser;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID partnershipId, String entityType, UUID entityId, String action, String summary) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.partnershipId = partnershipId;
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.action = action;
        entry.actorSubject = currentUser.subject();
        entry.actorName = currentUser.displayName().orElse(currentUser.username());
        entry.at = Instant.now();
        entry.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        entry.persist();
    }

    /**
     * Records a change of a record several partnerships may see (a shared person or organisation) in the trail of
     * each of them; a record no partnership sees yet goes to the platform's own trail.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordIn(Set<UUID> partnershipIds, String entityType, UUID entityId, String action, String summary) {
        if (partnershipIds.isEmpty()) {
            record(null, entityType, entityId, action, summary);
        }
        partnershipIds.forEach(p -> record(p, entityType, entityId, action, summary));
    }

    @Inject
    PartnershipAccess access;

    @Transactional
    public Page<AuditResource.View> of(UUID partnershipId, PageParams paging) {
        access.manageable(partnershipId);
        Sort sort = SortSpec.parse(paging.sort, Map.of("at", "at", "action", "action"), Sort.descending("at").and("id"));
        return Page.of(AuditEntry.<AuditEntry>find("partnershipId", sort, partnershipId), paging,
                (AuditEntry e) -> new AuditResource.View(e.id, e.entityType, e.entityId, e.action, e.actorSubject, e.actorName,
                        e.at, e.summary));
    }

    public String actor() {
        return currentUser.username();
    }
}
