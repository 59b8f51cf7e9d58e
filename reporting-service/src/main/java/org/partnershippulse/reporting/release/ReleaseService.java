package org.partnershippulse.reporting.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.release.ReleaseRule.Counted;
import org.partnershippulse.reporting.release.ReleaseRule.Decision;
import org.partnershippulse.reporting.round.CountDeltas.Group;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.ReportInput;

/**
 * Cuts releases ({@link ReleaseRule}) and reads their frozen figures. A cut copies the round's current counts and
 * reflections under the round's row lock, which the consumer also takes before it writes a round's responses
 * ({@code RoundProjection}), so that a release is one consistent state of the round.
 */
@ApplicationScoped
public class ReleaseService {

    private static final Logger LOG = Logger.getLogger(ReleaseService.class);
    public static final String CLOSE = "CLOSE";
    public static final String INTERIM = "INTERIM";

    /**
     * What a release counts of each response of round ?1: its answers, free text and notes (hashed) and its groups.
     * A resubmission of the same answers is no change; answers in another order count as one (harmless: stricter).
     */
    private static final String HASHED = """
            select r.id, md5(r.sector || '|' || r.roles || '|' || r.answers || '|' || coalesce((
                     select string_agg(f.item_key || ':' || f.kind || ':' || f.text, chr(10) order by f.item_key, f.kind, f.text)
                     from reflection_view f where f.response_id = r.id), '') || '|' || coalesce((
                     select string_agg(n.rated_organisation_id || ':' || n.skipped || ':' || n.answers::text, chr(10)
                       order by n.rated_organisation_id)
                     from network_rating n where n.response_id = r.id), '')),
                   r.sector, r.roles
            from response_view r where r.round_id = ?1""";

    @Inject
    EntityManager em;

    @Inject
    ReportAccess access;

    /** Observed in the cut's transaction (the public stream publishes released results through the outbox). */
    @Inject
    Event<ReleaseCut> releaseCut;

    /** The outcome of an attempt to cut: the rule's decision and, when it allowed one, the release. */
    public record Attempt(Decision decision, Release release) {
    }

    /** A release's frozen figures, in the shape the report is computed from. */
    public record Figures(Map<Group, Long> respondents, Map<Group, Map<String, Map<String, Long>>> answers,
                          List<ReflectionRow> reflections) {

        public static final Figures NONE = new Figures(Map.of(), Map.of(), List.of());
    }

    /** Coordinators' interim release of a round: 201 with the release, or 409 saying why nothing was released. */
    @Transactional
    public Release requestInterim(UUID roundId) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        if (!access.canRelease(round.partnershipId)) {
            throw ProblemException.forbidden("Only the partnership's coordinators may cut a release");
        }
        Attempt attempt = cut(roundId, INTERIM);
        Decision d = attempt.decision();
        return switch (d.outcome()) {
            case RELEASE -> attempt.release();
            case NOTHING_CHANGED -> throw ProblemException.conflict(latest(roundId)
                    .map(r -> "Nothing to release: no answers changed since release " + r.number())
                    .orElse("Nothing to release: nobody has answered yet"));
            case WAIT -> throw ProblemException.conflict("Not released: " + d.changed()
                    + (d.changed() == 1 ? " respondent's answers wait" : " respondents' answers wait")
                    + " for at least " + d.minimum() + " changed answers in the whole round and in every sector or role "
                    + "group the report shows (the round's minimum group size), so that no one's answers can be worked "
                    + "out by comparing releases. The current release stays; answers given since wait for the next one.");
        };
    }

    /** The releases of a round, newest first unless sorted otherwise (cutAt follows number), for its readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Release> list(UUID roundId, PageParams params) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        String sort = params.sort == null || params.sort.isBlank() ? "-number" : params.sort;
        String order = switch (sort) {
            case "number", "cutAt" -> "asc";
            case "-number", "-cutAt" -> "desc";
            default -> throw ProblemException.invalid("sort", "must be number or cutAt, optionally prefixed with -");
        };
        long total = ((Number) em.createNativeQuery("select count(*) from round_release where round_id = ?1")
                .setParameter(1, roundId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select number, cut_at, respondents, trigger from round_release where round_id = ?1
                        order by number""" + " " + order + " offset ?2 limit ?3")
                .setParameter(1, roundId).setParameter(2, (long) params.page() * params.size())
                .setParameter(3, params.size()).getResultList();
        return Page.of(rows.stream().map(ReleaseService::release).toList(), params, total);
    }

    /** The round's latest release, if it has one. */
    public Optional<Release> latest(UUID roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select number, cut_at, respondents, trigger from round_release where round_id = ?1
                        order by number desc limit 1""")
                .setParameter(1, roundId).getResultList();
        return rows.stream().findFirst().map(ReleaseService::release);
    }

    private static Release release(Object[] r) {
        Object cutAt = r[1];
        Instant at = cutAt instanceof Instant i ? i : cutAt instanceof Timestamp t ? t.toInstant()
                : cutAt instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.parse(cutAt.toString());
        return new Release(((Number) r[0]).intValue(), at, ((Number) r[2]).intValue(), (String) r[3]);
    }

    /** The frozen figures of a release. */
    @SuppressWarnings("unchecked")
    public Figures figures(UUID roundId, int number) {
        Map<Group, Long> respondents = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                        select breakdown, group_key, count from release_respondent_count
                        where round_id = ?1 and release_number = ?2""")
                .setParameter(1, roundId).setParameter(2, number).getResultList();
        for (Object[] r : rows) {
            respondents.put(new Group((String) r[0], (String) r[1]), ((Number) r[2]).longValue());
        }
        Map<Group, Map<String, Map<String, Long>>> answers = new HashMap<>();
        rows = em.createNativeQuery("""
                        select breakdown, group_key, item_key, option_value, count from release_answer_count
                        where round_id = ?1 and release_number = ?2""")
                .setParameter(1, roundId).setParameter(2, number).getResultList();
        for (Object[] r : rows) {
            answers.computeIfAbsent(new Group((String) r[0], (String) r[1]), g -> new HashMap<>())
                    .computeIfAbsent((String) r[2], i -> new HashMap<>())
                    .put((String) r[3], ((Number) r[4]).longValue());
        }
        rows = em.createNativeQuery("""
                        select item_key, kind, text from release_reflection where round_id = ?1 and release_number = ?2
                        order by item_key, kind, text""")
                .setParameter(1, roundId).setParameter(2, number).getResultList();
        List<ReflectionRow> reflections = rows.stream()
                .map(r -> new ReflectionRow((String) r[0], (String) r[1], (String) r[2])).toList();
        return new Figures(respondents, answers, reflections);
    }

    /**
     * Cuts a release of the round's current state if {@link ReleaseRule} allows it, in the caller's transaction
     * (a request's, or the consumer's when the round closes). Changes nothing otherwise.
     */
    public Attempt cut(UUID roundId, String trigger) {
        // a round event of the same batch may still sit in the session: the native statements below must see it
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> round = em.createNativeQuery("""
                        select minimum_group_size, allowed_breakdowns from round_view where id = ?1 for update""")
                .setParameter(1, roundId).getResultList();
        if (round.isEmpty()) {
            return new Attempt(new Decision(ReleaseRule.Outcome.NOTHING_CHANGED, 0, 0), null);
        }
        int minimum = ((Number) round.get(0)[0]).intValue();
        String breakdowns = (String) round.get(0)[1];
        Set<String> shownBreakdowns = breakdowns == null || breakdowns.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(breakdowns.split(",")));
        Map<UUID, Counted> previous = counted("select response_id, content_hash, sector, roles from release_response where round_id = ?1", roundId);
        Map<UUID, Counted> current = counted(HASHED, roundId);
        Decision decision = ReleaseRule.decide(previous, current, minimum, shownBreakdowns);
        if (decision.outcome() != ReleaseRule.Outcome.RELEASE) {
            return new Attempt(decision, null);
        }
        int number = latest(roundId).map(Release::number).orElse(0) + 1;
        Instant cutAt = Instant.now();
        em.createNativeQuery("insert into round_release (round_id, number, cut_at, respondents, trigger) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, roundId).setParameter(2, number).setParameter(3, cutAt).setParameter(4, current.size())
                .setParameter(5, trigger).executeUpdate();
        copy("""
                insert into release_respondent_count (round_id, release_number, breakdown, group_key, count)
                select round_id, ?2, breakdown, group_key, count from respondent_count where round_id = ?1 and count > 0""", roundId, number);
        copy("""
                insert into release_answer_count (round_id, release_number, breakdown, group_key, item_key, option_value, count)
                select round_id, ?2, breakdown, group_key, item_key, option_value, count from answer_count
                where round_id = ?1 and count > 0""", roundId, number);
        copy("""
                insert into release_reflection (round_id, release_number, item_key, kind, text)
                select round_id, ?2, item_key, kind, text from reflection_view where round_id = ?1""", roundId, number);
        // a relationship round's ratings, one per organisation pair and direction (one designated respondent each)
        copy("""
                insert into release_network_rating (round_id, release_number, rater_organisation_id, rated_organisation_id,
                    skipped, answers)
                select distinct on (rater_organisation_id, rated_organisation_id) round_id, ?2, rater_organisation_id,
                    rated_organisation_id, skipped, answers
                from network_rating where round_id = ?1
                order by rater_organisation_id, rated_organisation_id, response_id""", roundId, number);
        em.createNativeQuery("delete from release_response where round_id = ?1").setParameter(1, roundId).executeUpdate();
        em.createNativeQuery("insert into release_response (round_id, response_id, content_hash, sector, roles) select ?1, h.* from ("
                + HASHED + ") h").setParameter(1, roundId).executeUpdate();
        Release release = new Release(number, cutAt, current.size(), trigger);
        releaseCut.fire(new ReleaseCut(roundId, release));
        LOG.infof("Round %s: release %d cut (%s, %d respondents, %d changed)", roundId, number, trigger, current.size(), decision.changed());
        return new Attempt(decision, release);
    }

    private void copy(String sql, UUID roundId, int number) {
        em.createNativeQuery(sql).setParameter(1, roundId).setParameter(2, number).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Counted> counted(String sql, UUID roundId) {
        Map<UUID, Counted> out = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, roundId).getResultList();
        for (Object[] r : rows) {
            String roles = (String) r[3];
            out.put((UUID) r[0], new Counted((String) r[1], (String) r[2],
                    roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(","))));
        }
        return out;
    }
}
