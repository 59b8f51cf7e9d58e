package org.partnershippulse.partnership.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.partnershippulse.kit.security.CurrentUser;

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

    public String actor() {
        return currentUser.username();
    }
}
