package org.partnershippulse.partnership.archive;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.partnership.PartnershipPurgedData;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Partnership;

/**
 * Deleting a partnership entirely (platform administrators: {@code DELETE /partnerships/{id}?purge=true}), where a
 * partnership that has history can otherwise only be dissolved. In one transaction: its agreements with their versions
 * and signatures, roles, memberships, released reports and audit trail, the partnership itself, and the people and
 * organisations no other partnership sees (contracts/privacy.md §2: shared records stay with the partnerships that
 * see them). What survives is one entry in the platform's own audit trail (no partnership, the id as the entity,
 * counts only), and partnership.purged goes out through the outbox so that assessment- and reporting-service delete
 * their copies.
 */
@RequestScoped
public class PartnershipPurge {

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Transactional
    public void purge(UUID id) {
        Partnership partnership = access.readable(id);
        if (!access.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only platform administrators delete a partnership entirely");
        }
        EntityManager em = Panache.getEntityManager();
        List<UUID> people = ids(em, "select person_id from person_role where partnership_id = ?1 "
                + "union select person_id from person_origin where partnership_id = ?1", id);
        List<UUID> organisations = ids(em, "select organisation_id from membership where partnership_id = ?1 "
                + "union select organisation_id from organisation_origin where partnership_id = ?1", id);
        em.detach(partnership);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        // the improvement plan first: its rows refer to the partnership's people and organisations
        deleted.put("measure values", delete(em, "delete from measure_value where partnership_id = ?1", id));
        deleted.put("check-in lines", delete(em, "delete from check_in_goal where check_in_id in "
                + "(select id from check_in where partnership_id = ?1)", id));
        deleted.put("check-ins", delete(em, "delete from check_in where partnership_id = ?1", id));
        deleted.put("commitments", delete(em, "delete from goal_commitment where partnership_id = ?1", id));
        deleted.put("goals", delete(em, "delete from improvement_goal where partnership_id = ?1", id));
        deleted.put("plans", delete(em, "delete from improvement_plan where partnership_id = ?1", id));
        deleted.put("common measures", delete(em, "delete from common_measure where partnership_id = ?1", id));
        String agreements = "select id from agreement where partnership_id = ?1";
        deleted.put("agreement signatures", delete(em, "delete from agreement_signature where agreement_id in (" + agreements + ")", id));
        deleted.put("agreement versions", delete(em, "delete from agreement_version where agreement_id in (" + agreements + ")", id));
        deleted.put("agreements", delete(em, "delete from agreement where partnership_id = ?1", id));
        deleted.put("roles", delete(em, "delete from person_role where partnership_id = ?1", id));
        deleted.put("memberships", delete(em, "delete from membership where partnership_id = ?1", id));
        delete(em, "delete from person_origin where partnership_id = ?1", id);
        delete(em, "delete from organisation_origin where partnership_id = ?1", id);
        deleted.put("released reports", delete(em, "delete from released_report where partnership_id = ?1", id));
        deleted.put("audit entries", delete(em, "delete from audit_entry where partnership_id = ?1", id));
        delete(em, "delete from partnership where id = ?1", id);
        int persons = 0;
        for (UUID person : people) {
            // a person another partnership sees (a role there, added through it, a signature there) stays
            persons += delete(em, "delete from person p where p.id = ?1"
                    + " and not exists (select 1 from person_role r where r.person_id = p.id)"
                    + " and not exists (select 1 from person_origin o where o.person_id = p.id)"
                    + " and not exists (select 1 from agreement_signature s where s.signer_person_id = p.id)", person);
        }
        deleted.put("people", persons);
        int orgs = 0;
        for (UUID organisation : organisations) {
            orgs += delete(em, "delete from organisation g where g.id = ?1"
                    + " and not exists (select 1 from membership m where m.organisation_id = g.id)"
                    + " and not exists (select 1 from organisation_origin o where o.organisation_id = g.id)"
                    + " and not exists (select 1 from person p where p.organisation_id = g.id)"
                    + " and not exists (select 1 from agreement_signature s where s.organisation_id = g.id)"
                    + " and not exists (select 1 from partnership x where x.lead_organisation_id = g.id)", organisation);
        }
        deleted.put("organisations", orgs);
        Instant now = Instant.now();
        audit.record(null, "partnership", id, "purged", "Partnership deleted entirely by a platform administrator: "
                + deleted.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse(""));
        outbox.record(PartnershipEventType.PARTNERSHIP_PURGED, id.toString(), "partnerships/" + id,
                new PartnershipPurgedData(id, now));
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(EntityManager em, String sql, UUID id) {
        return ((List<Object>) em.createNativeQuery(sql).setParameter(1, id).getResultList()).stream()
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
    }

    private static int delete(EntityManager em, String sql, UUID id) {
        return em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
}
