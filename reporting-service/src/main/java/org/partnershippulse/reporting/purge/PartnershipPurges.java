package org.partnershippulse.reporting.purge;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import org.partnershippulse.projection.PartnershipPurged;

/**
 * A purged partnership leaves nothing here: its rounds' read models, responses, reflections and releases are deleted
 * in the transaction that consumes partnership.purged (contracts/privacy.md, "Deleting a partnership").
 */
@ApplicationScoped
public class PartnershipPurges {

    private static final Logger LOG = Logger.getLogger(PartnershipPurges.class);

    /** Every table keyed by round, children first. */
    static final List<String> BY_ROUND = List.of("release_response", "release_reflection", "release_answer_count",
            "release_respondent_count", "round_release", "reflection_view", "answer_count", "respondent_count",
            "response_view");

    void purged(@Observes PartnershipPurged purged) {
        var em = Panache.getEntityManager();
        int rows = 0;
        for (String table : BY_ROUND) {
            rows += em.createNativeQuery("delete from " + table
                    + " where round_id in (select id from round_view where partnership_id = ?1)")
                    .setParameter(1, purged.partnershipId()).executeUpdate();
        }
        rows += em.createNativeQuery("delete from round_view where partnership_id = ?1")
                .setParameter(1, purged.partnershipId()).executeUpdate();
        LOG.infof("Partnership %s purged: %d rows of its rounds deleted", purged.partnershipId(), rows);
    }
}
