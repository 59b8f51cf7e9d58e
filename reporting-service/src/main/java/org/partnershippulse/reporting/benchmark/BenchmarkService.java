package org.partnershippulse.reporting.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.round.RoundView;

/** Reads of the benchmarks: a round's place among the contributing partnerships, and coverage for administrators. */
@ApplicationScoped
public class BenchmarkService {

    @Inject
    EntityManager em;

    @Inject
    ReportAccess access;

    @Inject
    ReportingConfig config;

    /**
     * The round's figures that show now, each with this round's own published mean: a partnership sees a figure only
     * if it counted in it with this round, so one that does not contribute, or whose round is not (yet) counted,
     * sees nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Benchmark forRound(UUID roundId) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select f.kind, f.stat_key, f.section_key, f.title, v.value, f.q1, f.median, f.q3, f.published_at
                        from benchmark_figure f join benchmark_published_value v on v.instrument_key = f.instrument_key
                          and v.instrument_version = f.instrument_version and v.kind = f.kind and v.stat_key = f.stat_key
                        where f.instrument_key = ?1 and f.instrument_version = ?2 and f.shown
                          and v.partnership_id = ?3 and v.round_id = ?4
                        order by f.kind, f.position""")
                .setParameter(1, round.instrumentKey).setParameter(2, round.instrumentVersion)
                .setParameter(3, round.partnershipId).setParameter(4, roundId).getResultList();
        Map<String, double[]> all = rows.isEmpty() ? Map.of() : publishedValues(round);
        List<Benchmark.Figure> sections = new ArrayList<>();
        List<Benchmark.Figure> items = new ArrayList<>();
        for (Object[] r : rows) {
            String kind = (String) r[0];
            double mean = ((Number) r[4]).doubleValue();
            Benchmark.Figure figure = new Benchmark.Figure((String) r[1], (String) r[2], (String) r[3], mean,
                    ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
                    PercentileRank.of(mean, all.get(kind + "\n" + r[1])), instant(r[8]));
            (BenchmarkContributions.SECTION.equals(kind) ? sections : items).add(figure);
        }
        int minimum = config.benchmark().minimumPartnerships();
        return new Benchmark(roundId, round.instrumentKey, round.instrumentVersion, !rows.isEmpty(),
                "Shown when your partnership contributes this round's released results and at least " + minimum
                        + " partnerships contribute to this instrument version; a figure changes only when at least "
                        + minimum + " partnerships' results changed.", sections, items);
    }

    @SuppressWarnings("unchecked")
    private Map<String, double[]> publishedValues(RoundView round) {
        Map<String, List<Double>> lists = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        select kind, stat_key, value from benchmark_published_value
                        where instrument_key = ?1 and instrument_version = ?2""")
                .setParameter(1, round.instrumentKey).setParameter(2, round.instrumentVersion).getResultList();
        for (Object[] r : rows) {
            lists.computeIfAbsent(r[0] + "\n" + r[1], k -> new ArrayList<>()).add(((Number) r[2]).doubleValue());
        }
        Map<String, double[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** Per instrument version with contributions: how many partnerships contribute now (platform administrators). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Benchmark.Coverage> coverage(PageParams params) {
        if (params.sort != null && !params.sort.isBlank()) {
            throw ProblemException.invalid("sort", "benchmarks are listed by instrument key and version only");
        }
        long total = ((Number) em.createNativeQuery("""
                select count(*) from (select distinct instrument_key, instrument_version from benchmark_contribution) b""")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select instrument_key, instrument_version, count(distinct partnership_id) from benchmark_contribution
                        group by instrument_key, instrument_version order by instrument_key, instrument_version
                        offset ?1 limit ?2""")
                .setParameter(1, (long) params.page() * params.size()).setParameter(2, params.size()).getResultList();
        int minimum = config.benchmark().minimumPartnerships();
        return Page.of(rows.stream().map(r -> {
            int count = ((Number) r[2]).intValue();
            return new Benchmark.Coverage((String) r[0], ((Number) r[1]).intValue(), count, minimum, count >= minimum);
        }).toList(), params, total);
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant() : Instant.parse(value.toString());
    }
}
