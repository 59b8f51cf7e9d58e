package org.partnershippulse.reporting.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipData;

/**
 * Keeps each partnership's benchmark opt-in from partnership-service's events (applied by the shared projection, in
 * its transaction). Nothing else happens now: the choice is read when the partnership's next release is cut.
 */
@ApplicationScoped
public class BenchmarkOptIns {

    @Inject
    EntityManager em;

    void applied(@Observes PartnershipData d) {
        em.createNativeQuery("""
                        insert into benchmark_opt_in (partnership_id, contributes, source_version) values (?1, ?2, ?3)
                        on conflict (partnership_id) do update set contributes = excluded.contributes,
                            source_version = excluded.source_version
                        where benchmark_opt_in.source_version <= excluded.source_version""")
                .setParameter(1, d.partnershipId()).setParameter(2, d.contributesToBenchmarks() && !"DISSOLVED".equals(d.status()))
                .setParameter(3, d.version()).executeUpdate();
    }

    /** Whether the partnership contributes now (no event yet: it does not). */
    public boolean contributes(UUID partnershipId) {
        @SuppressWarnings("unchecked")
        List<Boolean> rows = em.createNativeQuery("select contributes from benchmark_opt_in where partnership_id = ?1")
                .setParameter(1, partnershipId).getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }
}
