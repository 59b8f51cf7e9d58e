package org.partnershippulse.assessment.purge;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.partnershippulse.projection.PartnershipPurged;

/**
 * A purged partnership leaves nothing here: its rounds, invitations, responses and every revision of them are deleted
 * in the transaction that consumes partnership.purged (contracts/privacy.md, "Deleting a partnership").
 */
@ApplicationScoped
public class PartnershipPurges {

    private static final Logger LOG = Logger.getLogger(PartnershipPurges.class);

    void purged(@Observes PartnershipPurged purged) {
        var em = Panache.getEntityManager();
        String rounds = "select id from assessment_round where partnership_id = ?1";
        int rows = em.createNativeQuery("delete from response_revision where response_id in (select id from response where round_id in ("
                + rounds + "))").setParameter(1, purged.partnershipId()).executeUpdate();
        rows += em.createNativeQuery("delete from response where round_id in (" + rounds + ")")
                .setParameter(1, purged.partnershipId()).executeUpdate();
        rows += em.createNativeQuery("delete from round_invitation where round_id in (" + rounds + ")")
                .setParameter(1, purged.partnershipId()).executeUpdate();
        rows += em.createNativeQuery("delete from assessment_round where partnership_id = ?1")
                .setParameter(1, purged.partnershipId()).executeUpdate();
        LOG.infof("Partnership %s purged: %d rows of its rounds and responses deleted", purged.partnershipId(), rows);
    }
}
