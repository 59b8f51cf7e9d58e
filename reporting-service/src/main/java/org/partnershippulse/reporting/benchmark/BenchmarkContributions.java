package org.partnershippulse.reporting.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.partnershippulse.reporting.release.ReleaseCut;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReport;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * The only place benchmarks change: when a release is cut, in its transaction. The partnership's contribution is
 * replaced by the release's section and item means if it contributes now, or removed (from every instrument version)
 * if it no longer does; then each figure of the affected benchmarks follows {@link SnapshotRule}. A partnership's
 * opt-in or opt-out therefore takes effect at its next release, and no figure moves between releases.
 */
@ApplicationScoped
public class BenchmarkContributions {

    private static final Logger LOG = Logger.getLogger(BenchmarkContributions.class);
    static final String SECTION = "SECTION";
    static final String ITEM = "ITEM";

    @Inject
    EntityManager em;

    @Inject
    BenchmarkOptIns optIns;

    @Inject
    RoundReportService reports;

    @Inject
    ReportingConfig config;

    /** One figure's key within an instrument version. */
    record FigureKey(String kind, String key) {
    }

    /** A contributed value with what the figure shows beside it. */
    record Value(UUID roundId, int position, String sectionKey, String title, double value) {
    }

    void released(@Observes ReleaseCut cut) {
        RoundView round = RoundView.findById(cut.roundId());
        if (round == null) {
            return;
        }
        UUID partnership = round.partnershipId;
        List<Object[]> affected = new ArrayList<>();
        if (optIns.contributes(partnership)) {
            RoundReport report = reports.build(round, "en");
            if (report.resultsWithheld() || report.release() == null || report.release().number() != cut.release().number()
                    || !report.coverage().isEmpty()) {
                return; // no results shown (or a personal instrument): the previous contribution stays
            }
            lock(round.instrumentKey, round.instrumentVersion);
            em.createNativeQuery("""
                            delete from benchmark_contribution
                            where partnership_id = ?1 and instrument_key = ?2 and instrument_version = ?3""")
                    .setParameter(1, partnership).setParameter(2, round.instrumentKey).setParameter(3, round.instrumentVersion)
                    .executeUpdate();
            int position = 0;
            for (RoundReport.SectionResult s : report.sections()) {
                position++;
                if (s.meanScore() != null) {
                    insert(round, cut.release().number(), SECTION, s.key(), position, null, s.title(), s.meanScore());
                }
            }
            position = 0;
            for (RoundReport.ItemResult i : report.items()) {
                position++;
                if (!i.withheld() && i.mean() != null) {
                    insert(round, cut.release().number(), ITEM, i.itemKey(), position, i.sectionKey(), i.text(), i.mean());
                }
            }
            affected.add(new Object[] {round.instrumentKey, round.instrumentVersion});
        } else {
            @SuppressWarnings("unchecked")
            List<Object[]> versions = em.createNativeQuery("""
                            select distinct instrument_key, instrument_version from benchmark_contribution
                            where partnership_id = ?1 order by 1, 2""")
                    .setParameter(1, partnership).getResultList();
            for (Object[] v : versions) {
                lock((String) v[0], ((Number) v[1]).intValue());
            }
            em.createNativeQuery("delete from benchmark_contribution where partnership_id = ?1")
                    .setParameter(1, partnership).executeUpdate();
            affected.addAll(versions);
        }
        for (Object[] v : affected) {
            recompute((String) v[0], ((Number) v[1]).intValue());
        }
    }

    /** One writer per benchmark at a time: two partnerships' releases may be cut at once. */
    private void lock(String instrumentKey, int version) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "benchmark:" + instrumentKey + ":" + version).getSingleResult();
    }

    private void insert(RoundView round, int release, String kind, String key, int position, String sectionKey,
                        String title, double value) {
        em.createNativeQuery("""
                        insert into benchmark_contribution (instrument_key, instrument_version, kind, stat_key,
                            partnership_id, round_id, release_number, position, section_key, title, value)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, round.instrumentKey).setParameter(2, round.instrumentVersion).setParameter(3, kind)
                .setParameter(4, key).setParameter(5, round.partnershipId).setParameter(6, round.id)
                .setParameter(7, release).setParameter(8, position).setParameter(9, sectionKey).setParameter(10, title)
                .setParameter(11, value).executeUpdate();
    }

    /** Applies the snapshot rule to every figure of one benchmark. */
    void recompute(String instrumentKey, int version) {
        Map<FigureKey, Map<UUID, Value>> current = values("""
                select kind, stat_key, partnership_id, round_id, position, section_key, title, value
                from benchmark_contribution where instrument_key = ?1 and instrument_version = ?2""", instrumentKey, version);
        Map<FigureKey, Map<UUID, Value>> published = values("""
                select v.kind, v.stat_key, v.partnership_id, v.round_id, f.position, f.section_key, f.title, v.value
                from benchmark_published_value v join benchmark_figure f on f.instrument_key = v.instrument_key
                  and f.instrument_version = v.instrument_version and f.kind = v.kind and f.stat_key = v.stat_key
                where v.instrument_key = ?1 and v.instrument_version = ?2""", instrumentKey, version);
        @SuppressWarnings("unchecked")
        List<Object[]> figureRows = em.createNativeQuery("""
                        select kind, stat_key, shown from benchmark_figure where instrument_key = ?1 and instrument_version = ?2""")
                .setParameter(1, instrumentKey).setParameter(2, version).getResultList();
        Map<FigureKey, Boolean> shown = new HashMap<>();
        for (Object[] r : figureRows) {
            shown.put(new FigureKey((String) r[0], (String) r[1]), (Boolean) r[2]);
        }
        java.util.Set<FigureKey> all = new java.util.LinkedHashSet<>(current.keySet());
        all.addAll(shown.keySet());
        int minimum = config.benchmark().minimumPartnerships();
        Instant now = Instant.now();
        for (FigureKey figure : all) {
            Map<UUID, Value> now_ = current.getOrDefault(figure, Map.of());
            Map<UUID, Value> before = published.getOrDefault(figure, Map.of());
            boolean wasShown = shown.getOrDefault(figure, false);
            SnapshotRule.Outcome outcome = SnapshotRule.decide(plain(before), plain(now_), wasShown, minimum);
            switch (outcome) {
                case PUBLISH -> publish(instrumentKey, version, figure, now_, now);
                case KEEP -> setShown(instrumentKey, version, figure, true);
                case HIDE -> {
                    if (shown.containsKey(figure)) {
                        setShown(instrumentKey, version, figure, false);
                    }
                }
            }
        }
        LOG.debugf("Benchmark %s v%d recomputed", instrumentKey, version);
    }

    private void publish(String instrumentKey, int version, FigureKey figure, Map<UUID, Value> values, Instant at) {
        double[] means = values.values().stream().mapToDouble(Value::value).toArray();
        Quartiles q = Quartiles.of(means);
        Value any = values.values().iterator().next();
        em.createNativeQuery("""
                        insert into benchmark_figure (instrument_key, instrument_version, kind, stat_key, position,
                            section_key, title, shown, q1, median, q3, published_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, true, ?8, ?9, ?10, ?11)
                        on conflict (instrument_key, instrument_version, kind, stat_key) do update set
                            position = excluded.position, section_key = excluded.section_key, title = excluded.title,
                            shown = true, q1 = excluded.q1, median = excluded.median, q3 = excluded.q3,
                            published_at = excluded.published_at""")
                .setParameter(1, instrumentKey).setParameter(2, version).setParameter(3, figure.kind())
                .setParameter(4, figure.key()).setParameter(5, any.position()).setParameter(6, any.sectionKey())
                .setParameter(7, any.title()).setParameter(8, q.q1()).setParameter(9, q.median())
                .setParameter(10, q.q3()).setParameter(11, at).executeUpdate();
        em.createNativeQuery("""
                        delete from benchmark_published_value
                        where instrument_key = ?1 and instrument_version = ?2 and kind = ?3 and stat_key = ?4""")
                .setParameter(1, instrumentKey).setParameter(2, version).setParameter(3, figure.kind())
                .setParameter(4, figure.key()).executeUpdate();
        values.forEach((partnership, v) -> em.createNativeQuery("""
                        insert into benchmark_published_value (instrument_key, instrument_version, kind, stat_key,
                            partnership_id, round_id, value) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, instrumentKey).setParameter(2, version).setParameter(3, figure.kind())
                .setParameter(4, figure.key()).setParameter(5, partnership).setParameter(6, v.roundId())
                .setParameter(7, v.value()).executeUpdate());
    }

    private void setShown(String instrumentKey, int version, FigureKey figure, boolean shown) {
        em.createNativeQuery("""
                        update benchmark_figure set shown = ?5
                        where instrument_key = ?1 and instrument_version = ?2 and kind = ?3 and stat_key = ?4""")
                .setParameter(1, instrumentKey).setParameter(2, version).setParameter(3, figure.kind())
                .setParameter(4, figure.key()).setParameter(5, shown).executeUpdate();
    }

    private static Map<UUID, Double> plain(Map<UUID, Value> values) {
        Map<UUID, Double> out = new HashMap<>();
        values.forEach((p, v) -> out.put(p, v.value()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<FigureKey, Map<UUID, Value>> values(String sql, String instrumentKey, int version) {
        Map<FigureKey, Map<UUID, Value>> out = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, instrumentKey).setParameter(2, version).getResultList();
        for (Object[] r : rows) {
            out.computeIfAbsent(new FigureKey((String) r[0], (String) r[1]), k -> new LinkedHashMap<>())
                    .put((UUID) r[2], new Value((UUID) r[3], ((Number) r[4]).intValue(), (String) r[5], (String) r[6],
                            ((Number) r[7]).doubleValue()));
        }
        return out;
    }
}
