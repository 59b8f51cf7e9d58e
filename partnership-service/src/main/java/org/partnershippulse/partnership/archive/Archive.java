package org.partnershippulse.partnership.archive;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Partnership;

/**
 * The partnership's archive: every record kind ({@link ArchiveSection}) read in one transaction, so the files agree
 * with each other, and the export recorded in the audit trail in the same transaction. Coordinators of the
 * partnership and platform administrators (as for the audit trail it contains); others as everywhere (404 outsiders,
 * 403 members).
 */
@RequestScoped
public class Archive {

    /** Version of archive.json's layout (README, "The partnership's archive"); raised on any breaking change. */
    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT = "partnership-pulse-archive";

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Instance<ArchiveSection> sections;

    /** What an export holds: the sections in order, each with its columns and rows. */
    public record Contents(UUID partnershipId, String partnershipName, Instant exportedAt,
            Map<ArchiveSection, List<Map<String, Object>>> sections) {
    }

    @Transactional
    public Contents export(UUID partnershipId) {
        Partnership partnership = access.manageable(partnershipId);
        Map<ArchiveSection, List<Map<String, Object>>> read = new LinkedHashMap<>();
        sections.stream().sorted(ArchiveSections.byOrder()).forEach(s -> read.put(s, s.rows(partnershipId)));
        audit.record(partnershipId, "partnership", partnershipId, "exported",
                "Archive exported (" + read.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue().size())
                        .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        return new Contents(partnershipId, partnership.name, Instant.now(), read);
    }
}
