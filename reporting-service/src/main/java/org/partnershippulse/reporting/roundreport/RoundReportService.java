package org.partnershippulse.reporting.roundreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.projection.PartnershipView;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.release.Release;
import org.partnershippulse.reporting.release.ReleaseService;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.RoundView;

/**
 * Reads a round's report: the round from the read models, and the respondent and answer counts (rows bounded by groups
 * × items × options, whatever the number of responses) and reflections frozen in its latest release, then computes
 * it with
 * {@link ReportBuilder}. Nobody but the partnership's readers learns that a round exists.
 */
@ApplicationScoped
public class RoundReportService {

    @Inject
    ObjectMapper mapper;

    @Inject
    ReportSeeds seeds;

    @Inject
    ReportAccess access;

    @Inject
    ReleaseService releases;

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoundReport report(UUID roundId, String language) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        return build(round, language);
    }

    /** A report of each round of the partnership with this instrument, oldest first: each from its own counts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dated> reports(UUID partnershipId, String instrumentKey, String language) {
        if (!access.canRead(partnershipId)) {
            throw ProblemException.notFound("Partnership", partnershipId);
        }
        List<RoundView> rounds = RoundView.list("partnershipId = ?1 and instrumentKey = ?2 order by openedAt, id",
                partnershipId, instrumentKey);
        return rounds.stream().map(r -> new Dated(r.openedAt, r.closedAt, build(r, language))).toList();
    }

    /**
     * The reports of two rounds of a partnership, for a comparison: both must be the partnership's (else 404) and of
     * the same instrument (else 400 naming {@code to}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Dated> pair(UUID partnershipId, UUID from, UUID to, String language) {
        if (!access.canRead(partnershipId)) {
            throw ProblemException.notFound("Partnership", partnershipId);
        }
        RoundView a = RoundView.findById(from);
        RoundView b = RoundView.findById(to);
        if (a == null || !a.partnershipId.equals(partnershipId)) {
            throw ProblemException.notFound("Round", from);
        }
        if (b == null || !b.partnershipId.equals(partnershipId)) {
            throw ProblemException.notFound("Round", to);
        }
        if (!a.instrumentKey.equals(b.instrumentKey)) {
            throw ProblemException.invalid("to", "must be a round of the same instrument as from (" + a.instrumentKey + ")");
        }
        return List.of(new Dated(a.openedAt, a.closedAt, build(a, language)), new Dated(b.openedAt, b.closedAt, build(b, language)));
    }

    public record Dated(java.time.Instant openedAt, java.time.Instant closedAt, RoundReport report) {
    }

    /**
     * The report of a round, without any access check: the caller has checked who may see what of it. Its figures are
     * those of the round's latest release; before the first release there are none (participation 0, withheld).
     */
    public RoundReport build(RoundView round, String language) {
        Optional<Release> release = releases.latest(round.id);
        ReleaseService.Figures figures = release.map(r -> releases.figures(round.id, r.number()))
                .orElse(ReleaseService.Figures.NONE);
        PartnershipView partnership = PartnershipView.findById(round.partnershipId);
        String declared = partnership != null && partnership.declaredDimension != null
                ? partnership.declaredDimension : round.declaredDimension;
        return ReportBuilder.build(new ReportInput(round.id, round.partnershipId,
                partnership == null ? null : partnership.name, round.title, round.instrumentKey, round.instrumentVersion,
                round.status, round.minimumGroupSize, breakdowns(round.allowedBreakdowns), declared, round.invitedCount,
                read(round.invitedBySector, new TypeReference<>() {
                }), read(round.invitedByRole, new TypeReference<>() {
                }), read(round.instrument, new TypeReference<InstrumentSnapshot>() {
                }), figures.respondents(), figures.answers(), figures.reflections(), seeds.questions(),
                seeds.guidelines(), language, release.map(Release::ref).orElse(null)));
    }

    private static Set<String> breakdowns(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable read model JSON", e);
        }
    }
}
