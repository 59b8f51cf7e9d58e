package org.partnershippulse.assessment.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnershippulse.assessment.instrument.Catalogue;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.partnership.PartnershipAccess;
import org.partnershippulse.assessment.partnership.PartnershipAccess.Standing;
import org.partnershippulse.assessment.round.AudienceRules.Invitee;
import org.partnershippulse.assessment.round.RoundApi.MyRound;
import org.partnershippulse.assessment.round.RoundApi.Participant;
import org.partnershippulse.assessment.round.RoundApi.Participation;
import org.partnershippulse.assessment.round.RoundApi.RoundView;
import org.partnershippulse.assessment.round.RoundLifecycle.Action;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.assessment.RoundData;
import org.partnershippulse.events.assessment.RoundReminderDueData;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.events.publicstream.PublicRound;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.Problem.Violation;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.projection.MembershipView;
import org.partnershippulse.projection.PartnershipView;
import org.partnershippulse.projection.PersonRoleView;

/** Rounds of a partnership: coordinators set them up and run them; members see the ones that concern them. */
@ApplicationScoped
public class RoundService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "title", "title",
            "opensAt", "opensAt", "closesAt", "closesAt", "status", "status");

    @Inject
    ObjectMapper mapper;

    @Inject
    PartnershipAccess access;

    @Inject
    CurrentUser currentUser;

    @Inject
    Catalogue catalogue;

    @Inject
    Outbox outbox;

    @Inject
    RoundResponses responses;

    @Transactional
    public RoundView create(UUID partnershipId, RoundApi.RoundRequest request) {
        PartnershipView partnership = access.requireCoordinator(partnershipId);
        if (partnership.isDissolved()) {
            throw ProblemException.conflict("The partnership is dissolved: it can no longer start rounds");
        }
        RoundSettings settings = checked(request.settings(), partnershipId);
        Round round = new Round();
        round.id = UUID.randomUUID();
        round.partnershipId = partnershipId;
        round.status = RoundStatus.DRAFT;
        round.createdAt = now();
        round.createdBy = currentUser.username();
        round.apply(settings);
        round.persist();
        flush();
        return view(round);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RoundView> list(UUID partnershipId, RoundStatus status, PageParams params) {
        Standing standing = access.requireMember(partnershipId);
        StringBuilder query = new StringBuilder("partnershipId = :partnership");
        Parameters args = Parameters.with("partnership", partnershipId);
        if (status != null) {
            query.append(" and status = :status");
            args.and("status", status);
        }
        if (standing == Standing.MEMBER) {
            // Drafts are the coordinators' work in progress.
            query.append(" and status <> :draft");
            args.and("draft", RoundStatus.DRAFT);
        }
        Sort sort = SortSpec.parse(params.sort, SORTABLE, Sort.descending("createdAt").and("id"));
        var found = Round.<Round>find(query.toString(), sort, args);
        List<RoundView> items = found.page(params.page(), params.size()).list().stream().map(this::view).toList();
        return Page.of(items, params, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoundView get(UUID partnershipId, UUID roundId) {
        Round round = visible(partnershipId, roundId);
        return view(round);
    }

    @Transactional
    public RoundView update(UUID partnershipId, UUID roundId, RoundApi.RoundRequest request, String ifMatch) {
        Round round = managed(partnershipId, roundId);
        RoundLifecycle.apply(round.status, Action.EDIT);
        Versions.requireMatch(ifMatch, round.revision);
        round.apply(checked(request.settings(), partnershipId));
        flush();
        return view(round);
    }

    @Transactional
    public RoundView open(UUID partnershipId, UUID roundId, String ifMatch) {
        Round round = managed(partnershipId, roundId);
        open(round, ifMatch, currentUser.username());
        return view(round);
    }

    @Transactional
    public RoundView close(UUID partnershipId, UUID roundId, String ifMatch) {
        Round round = managed(partnershipId, roundId);
        close(round, ifMatch, currentUser.username());
        return view(round);
    }

    /**
     * Reopening refreshes the audience (people may have joined since) and keeps every response and invitation; the
     * event names everyone invited over the round's life, as the round's invitedCount and the close event do.
     */
    @Transactional
    public RoundView reopen(UUID partnershipId, UUID roundId, String reason, String ifMatch) {
        Round round = managed(partnershipId, roundId);
        RoundStatus next = RoundLifecycle.apply(round.status, Action.REOPEN);
        requireMatchIfSent(ifMatch, round);
        invite(round);
        round.status = next;
        round.reopenedAt = now();
        round.reopenReason = reason.trim();
        round.closedAt = null;
        round.closedBy = null;
        flush();
        publish(AssessmentEventType.ROUND_REOPENED, round, invitees(round));
        return view(round);
    }

    /**
     * Rounds whose planned opening or closing time has come by {@code now}. In a transaction of its own, so that it
     * reads them as they are now, never from a longer-lived session.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> dueInWindow(Instant now) {
        List<Round> candidates = new ArrayList<>(Round.list("status = ?1 and opensAt <= ?2", RoundStatus.DRAFT, now));
        candidates.addAll(Round.list("status = ?1 and closesAt <= ?2", RoundStatus.OPEN, now));
        return candidates.stream().filter(round -> RoundWindow.due(round, now).isPresent()).map(round -> round.id).toList();
    }

    /**
     * Opens or closes the round if its window calls for it at {@code now}, exactly as its coordinator would (same
     * checks, same events), recorded as done by {@code actor}.
     *
     * @return the step taken, if any
     */
    @Transactional
    public Optional<Action> followWindow(UUID roundId, Instant now, String actor) {
        Round round = Round.findById(roundId);
        if (round == null) {
            return Optional.empty();
        }
        Optional<Action> due = RoundWindow.due(round, now);
        due.ifPresent(action -> {
            if (action == Action.OPEN) {
                open(round, null, actor);
            } else {
                close(round, null, actor);
            }
        });
        return due;
    }

    /**
     * Open rounds whose reminder is due at {@code now} and was not yet emitted. In a transaction of its own, as
     * {@link #dueInWindow}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> remindersDue(Instant now, Duration before) {
        @SuppressWarnings("unchecked")
        List<UUID> due = Round.getEntityManager().createNativeQuery("select r.id from assessment_round r where r.status = 'OPEN' "
                        + "and r.closes_at > :now and r.closes_at <= :until "
                        + "and not exists (select 1 from round_reminder m where m.round_id = r.id)", UUID.class)
                .setParameter("now", now).setParameter("until", now.plus(before)).getResultList();
        return due;
    }

    /**
     * Emits the round's reminder-due event, once per round: who is to be reminded (the invitees who have not submitted;
     * everyone invited in an ANONYMOUS round, where who took part is not to be known). Looks again under the caller's
     * lock and records it in round_reminder (unique per round), so two instances never emit it twice.
     *
     * @return whether it was emitted now
     */
    @Transactional
    public boolean remind(UUID roundId, Instant now, Duration before) {
        Round round = Round.findById(roundId);
        if (round == null || round.status != RoundStatus.OPEN || round.closesAt == null
                || !round.closesAt.isAfter(now) || round.closesAt.isAfter(now.plus(before))) {
            return false;
        }
        // The row is the "once": a second instance (or a second run) inserts nothing and emits nothing.
        int first = Round.getEntityManager().createNativeQuery("insert into round_reminder (round_id, emitted_at) "
                + "values (:round, :now) on conflict do nothing").setParameter("round", round.id)
                .setParameter("now", now()).executeUpdate();
        if (first == 0) {
            return false;
        }
        boolean anonymous = round.confidentiality == RoundSettings.Confidentiality.ANONYMOUS;
        Set<UUID> submitted = anonymous ? Set.of() : responses.submitters(round.id);
        List<UUID> people = RoundInvitation.of(round.id).stream().map(i -> i.personId)
                .filter(id -> !submitted.contains(id)).toList();
        outbox.record(AssessmentEventType.ROUND_REMINDER_DUE, round.partnershipId.toString(), "rounds/" + round.id,
                new RoundReminderDueData(round.id, round.partnershipId, round.title, round.closesAt, anonymous, people));
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Participation participation(UUID partnershipId, UUID roundId) {
        Round round = managed(partnershipId, roundId);
        List<RoundInvitation> invited = RoundInvitation.of(round.id);
        Set<UUID> submitted = responses.submitters(round.id);
        Map<UUID, String> currentNames = PersonRoleView.<PersonRoleView>list("partnershipId = ?1", round.partnershipId)
                .stream().collect(Collectors.toMap(p -> p.personId, p -> p.personName, (a, b) -> a));
        List<Participant> responded = new ArrayList<>();
        List<Participant> notResponded = new ArrayList<>();
        for (RoundInvitation i : invited) {
            Participant p = new Participant(i.personId, currentNames.getOrDefault(i.personId, i.personName),
                    i.organisationName);
            (submitted.contains(i.personId) ? responded : notResponded).add(p);
        }
        boolean anonymous = round.confidentiality == RoundSettings.Confidentiality.ANONYMOUS;
        return new Participation(round.id, round.status, invited.size(), responded.size(),
                anonymous ? List.of() : responded, anonymous ? List.of() : notResponded);
    }

    /** The open rounds the caller is invited to, in every partnership where they hold a role. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MyRound> myRounds(PageParams params) {
        List<UUID> personIds = PersonRoleView.activeOfSubject(currentUser.subject()).stream()
                .map(r -> r.personId).distinct().toList();
        if (personIds.isEmpty()) {
            return Page.of(List.of(), params, 0);
        }
        List<RoundInvitation> invitations = RoundInvitation.list("personId in ?1", personIds);
        Map<UUID, UUID> personByRound = new HashMap<>();
        invitations.forEach(i -> personByRound.put(i.roundId, i.personId));
        if (personByRound.isEmpty()) {
            return Page.of(List.of(), params, 0);
        }
        var found = Round.<Round>find("id in ?1 and status = ?2", Sort.ascending("closesAt").and("createdAt").and("id"),
                personByRound.keySet(), RoundStatus.OPEN);
        List<MyRound> items = found.page(params.page(), params.size()).list().stream().map(round -> {
            RoundResponses.State response = responses.of(round.id, personByRound.get(round.id)).orElse(null);
            PartnershipView partnership = PartnershipView.findById(round.partnershipId);
            return new MyRound(round.id, round.partnershipId, partnership == null ? null : partnership.name, round.title,
                    round.instrumentKey, round.instrumentVersion, round.closesAt, MyRound.statusOf(response),
                    response == null ? null : response.lastSubmittedAt());
        }).toList();
        return Page.of(items, params, found.count());
    }

    /** A round as respondents reach it (by id alone): 404 unless the caller belongs to its partnership. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Round forRespondent(UUID roundId) {
        Round round = Round.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("Round", roundId);
        }
        return visibleTo(access.standing(round.partnershipId), round);
    }

    private void open(Round round, String ifMatch, String actor) {
        RoundStatus next = RoundLifecycle.apply(round.status, Action.OPEN);
        requireMatchIfSent(ifMatch, round);
        List<Invitee> invitees = invite(round);
        round.status = next;
        round.openedAt = now();
        round.openedBy = actor;
        flush();
        publish(AssessmentEventType.ROUND_OPENED, round, invitees);
    }

    private void close(Round round, String ifMatch, String actor) {
        RoundStatus next = RoundLifecycle.apply(round.status, Action.CLOSE);
        requireMatchIfSent(ifMatch, round);
        round.status = next;
        round.closedAt = now();
        round.closedBy = actor;
        flush();
        publish(AssessmentEventType.ROUND_CLOSED, round, invitees(round));
    }

    /** Lifecycle steps take If-Match optionally: a coordinator acting on a stale view gets 412. */
    private static void requireMatchIfSent(String ifMatch, Round round) {
        if (ifMatch != null) {
            Versions.requireMatch(ifMatch, round.revision);
        }
    }

    private RoundSettings checked(RoundSettings settings, UUID partnershipId) {
        List<Violation> violations = new ArrayList<>(settings.violations());
        var instrument = catalogue.published(settings.instrumentKey(), settings.instrumentVersion());
        if (instrument.isEmpty()) {
            violations.add(new Violation("instrumentVersion", "is not a published version of instrument " + settings.instrumentKey()));
        }
        List<PersonRoleView> active = PersonRoleView.activeIn(partnershipId);
        Set<UUID> known = active.stream().map(p -> p.personId).collect(Collectors.toSet());
        if (instrument.isPresent() && instrument.get().definition().isRelationship()) {
            Map<UUID, UUID> organisations = new HashMap<>();
            // a person answers for the organisation of any of their roles (merge() would refuse a null organisation)
            active.forEach(p -> {
                if (p.organisationId != null) {
                    organisations.put(p.personId, p.organisationId);
                } else {
                    organisations.putIfAbsent(p.personId, null);
                }
            });
            violations.addAll(Designation.violations(settings.audience(), organisations));
        }
        for (int i = 0; i < settings.audience().personIds().size(); i++) {
            if (!known.contains(settings.audience().personIds().get(i))) {
                violations.add(new Violation("audience.personIds[" + i + "]", "is not a person of this partnership"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return settings;
    }

    /** Resolves the audience from the projection now and records it as the round's invitations. */
    private List<Invitee> invite(Round round) {
        Map<UUID, String> memberSectors = MembershipView.<MembershipView>list("partnershipId = ?1 and leftOn is null", round.partnershipId)
                .stream().filter(m -> m.sector != null).collect(Collectors.toMap(m -> m.organisationId, m -> m.sector, (a, b) -> a));
        List<AudienceRules.PersonRole> roles = PersonRoleView.activeIn(round.partnershipId).stream()
                .map(p -> new AudienceRules.PersonRole(p.personId, p.personName, p.organisationId, p.organisationName,
                        p.sector != null ? p.sector : p.organisationId == null ? null : memberSectors.get(p.organisationId), p.role))
                .toList();
        List<Invitee> invitees = AudienceRules.invitees(round.settings().audience(), roles);
        if (invitees.isEmpty()) {
            throw ProblemException.conflict("No one in the partnership matches the round's audience: nobody could respond");
        }
        Map<UUID, RoundInvitation> existing = RoundInvitation.of(round.id).stream()
                .collect(Collectors.toMap(i -> i.personId, Function.identity()));
        for (Invitee invitee : invitees) {
            RoundInvitation i = existing.get(invitee.personId());
            if (i == null) {
                i = new RoundInvitation();
                i.id = UUID.randomUUID();
                i.roundId = round.id;
                i.personId = invitee.personId();
            }
            i.personName = invitee.name();
            i.organisationId = invitee.organisationId();
            i.organisationName = invitee.organisationName();
            i.sector = invitee.sector();
            i.roles = String.join(",", invitee.roles());
            i.persist();
        }
        return invitees;
    }

    private static List<Invitee> invitees(Round round) {
        return RoundInvitation.of(round.id).stream().map(i -> new Invitee(i.personId, i.personName, i.organisationId,
                i.organisationName, i.sector, i.roleList())).toList();
    }

    private void publish(AssessmentEventType type, Round round, List<Invitee> invitees) {
        PartnershipView partnership = PartnershipView.findById(round.partnershipId);
        int responded = (int) responses.submittedCount(round.id);
        InstrumentDefinition instrument = catalogue.published(round.instrumentKey, round.instrumentVersion)
                .orElseThrow().definition();
        RoundData data = new RoundData(round.id, round.partnershipId, round.title, round.instrumentKey,
                round.instrumentVersion, mapper.valueToTree(instrument),
                round.opensAt, round.closesAt, round.confidentiality.name(), round.minimumGroupSize,
                round.breakdowns().stream().sorted().map(Enum::name).toList(),
                partnership == null ? null : partnership.declaredDimension,
                invitees.size(), AudienceRules.bySector(invitees), AudienceRules.byRole(invitees), responded,
                round.openedAt, round.closedAt, type == AssessmentEventType.ROUND_REOPENED ? round.reopenReason : null,
                type == AssessmentEventType.ROUND_CLOSED ? null : invitees.stream().map(Invitee::personId).toList());
        outbox.record(type, round.partnershipId.toString(), "rounds/" + round.id, data);
        publishPublicly(type == AssessmentEventType.ROUND_CLOSED ? PublicEventType.ROUND_CLOSED : PublicEventType.ROUND_OPENED,
                round, instrument);
    }

    /**
     * The public twin of a round event (pulse.public.v1), in the same transaction: which instrument and when, nothing
     * about the audience or who responded. A reopened round is public as opened again, with reopenedAt.
     */
    private void publishPublicly(PublicEventType type, Round round, InstrumentDefinition instrument) {
        outbox.record(type, round.partnershipId.toString(), "rounds/" + round.id, new PublicRound(round.id,
                round.partnershipId, round.title, round.instrumentKey, round.instrumentVersion,
                instrument.title().get("en"), round.opensAt, round.closesAt, round.openedAt,
                round.reopenedAt, round.closedAt));
    }

    private Round visible(UUID partnershipId, UUID roundId) {
        return visibleTo(access.requireMember(partnershipId), ofPartnership(partnershipId, roundId));
    }

    /** Drafts are the coordinators' work in progress: members are told they do not exist. */
    private static Round visibleTo(Standing standing, Round round) {
        if (standing == Standing.NONE || standing == Standing.MEMBER && round.status == RoundStatus.DRAFT) {
            throw ProblemException.notFound("Round", round.id);
        }
        return round;
    }

    private Round managed(UUID partnershipId, UUID roundId) {
        access.requireCoordinator(partnershipId);
        return ofPartnership(partnershipId, roundId);
    }

    private static Round ofPartnership(UUID partnershipId, UUID roundId) {
        Round round = Round.findById(roundId);
        if (round == null || !round.partnershipId.equals(partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        return round;
    }

    private RoundView view(Round round) {
        Integer invited = round.status == RoundStatus.DRAFT ? null : (int) RoundInvitation.count("roundId", round.id);
        return RoundView.of(round, invited);
    }

    private static void flush() {
        Round.getEntityManager().flush();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
