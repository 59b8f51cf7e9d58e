package org.partnershippulse.partnership.improvement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;

/**
 * SMART goals of a plan. Each answers findings of a round and may adopt a catalogue suggestion, whose text is kept
 * word for word as the seed has it (the request names only its key and language, so the text cannot drift).
 */
@ApplicationScoped
public class GoalService {

    private static final Map<String, String> SORTABLE = Map.of("dueOn", "dueOn", "createdAt", "createdAt", "status", "status");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ImprovementEvents events;

    @Inject
    ThingsToTry catalogue;

    @Transactional
    public Page<ImprovementApi.GoalView> list(UUID partnershipId, UUID planId, PageParams paging, GoalStatus status) {
        access.readable(partnershipId);
        ImprovementPlan plan = Lookup.plan(partnershipId, planId);
        QueryFilter filter = new QueryFilter().with("planId = :plan", "plan", plan.id).when(status, "status = :status", "status");
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.ascending("dueOn").and("id"));
        return Page.of(Goal.find(filter.query(), sort, filter.params()), paging, GoalService::view);
    }

    @Transactional
    public ImprovementApi.GoalView get(UUID partnershipId, UUID planId, UUID goalId) {
        access.readable(partnershipId);
        return view(Lookup.goal(Lookup.plan(partnershipId, planId), goalId));
    }

    @Transactional
    public ImprovementApi.GoalView create(UUID partnershipId, UUID planId, ImprovementApi.GoalRequest request) {
        access.manageable(partnershipId);
        ImprovementPlan plan = Lookup.plan(partnershipId, planId);
        if (plan.status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("The plan is closed");
        }
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.planId = plan.id;
        goal.partnershipId = partnershipId;
        goal.status = GoalStatus.NOT_STARTED;
        apply(goal, request);
        goal.touch(audit.actor());
        goal.persistAndFlush();
        audit.record(partnershipId, "goal", goal.id, "set", "Set goal " + goal.what + " (due " + goal.dueOn + ")");
        events.goal(PartnershipEventType.GOAL_SET, goal);
        return view(goal);
    }

    @Transactional
    public ImprovementApi.GoalView update(UUID partnershipId, UUID planId, UUID goalId, String ifMatch,
            ImprovementApi.GoalRequest request) {
        access.manageable(partnershipId);
        Goal goal = Lookup.goal(Lookup.plan(partnershipId, planId), goalId);
        Versions.requireMatch(ifMatch, goal.version);
        apply(goal, request);
        goal.touch(audit.actor());
        goal.persistAndFlush();
        audit.record(partnershipId, "goal", goal.id, "updated", "Updated goal " + goal.what + " (due " + goal.dueOn + ")");
        events.goal(PartnershipEventType.GOAL_CHANGED, goal);
        return view(goal);
    }

    public List<ImprovementApi.Suggestion> suggestions(String section, String source) {
        if (source != null && !source.equals(ThingsToTry.WESTED) && !source.equals(ThingsToTry.BCR)) {
            throw ProblemException.invalid("source", "must be " + ThingsToTry.WESTED + " or " + ThingsToTry.BCR);
        }
        if (section != null && section.length() > 100) {
            throw ProblemException.invalid("section", "must be at most 100 characters");
        }
        return catalogue.all().stream()
                .filter(s -> section == null || s.sections().contains(section))
                .filter(s -> source == null || s.source().equals(source))
                .map(s -> new ImprovementApi.Suggestion(s.key(), s.source(), s.section(), s.level(), s.title(), s.text(), s.sections()))
                .toList();
    }

    private void apply(Goal goal, ImprovementApi.GoalRequest request) {
        UUID partnershipId = goal.partnershipId;
        if (!Lookup.isCurrentMember(partnershipId, request.ownerOrganisationId())) {
            throw ProblemException.invalid("ownerOrganisationId", "is not a current member organisation of the partnership");
        }
        if (!Lookup.holdsRole(partnershipId, request.ownerPersonId())) {
            throw ProblemException.invalid("ownerPersonId", "holds no role in the partnership");
        }
        if (request.measureId() != null && CommonMeasure.count("id = ?1 and partnershipId = ?2", request.measureId(), partnershipId) == 0) {
            throw ProblemException.invalid("measureId", "is not a common measure of the partnership");
        }
        Set<Finding> findings = new HashSet<>();
        for (int i = 0; i < request.findings().size(); i++) {
            ImprovementApi.FindingLink f = request.findings().get(i);
            if (!findings.add(new Finding(f.roundId(), f.kind(), f.key()))) {
                throw ProblemException.invalid("findings[" + i + "]", "names the same finding twice");
            }
        }
        goal.thingKey = null;
        goal.thingSource = null;
        goal.thingLanguage = null;
        goal.thingText = null;
        if (request.thingToTry() != null) {
            ThingsToTry.Suggestion suggestion = catalogue.find(request.thingToTry().key())
                    .orElseThrow(() -> ProblemException.invalid("thingToTry.key", "is not in the catalogue (GET /things-to-try)"));
            String language = request.thingToTry().language() == null ? "en" : request.thingToTry().language();
            String text = suggestion.text().get(language);
            if (text == null) {
                throw ProblemException.invalid("thingToTry.language", "this suggestion has no text in " + language);
            }
            goal.thingKey = suggestion.key();
            goal.thingSource = suggestion.source();
            goal.thingLanguage = language;
            goal.thingText = text;
        }
        goal.what = request.what().trim();
        goal.measure = request.measure().trim();
        goal.measureId = request.measureId();
        goal.target = request.target();
        goal.unit = request.unit() == null || request.unit().isBlank() ? null : request.unit().trim();
        goal.ownerOrganisationId = request.ownerOrganisationId();
        goal.ownerPersonId = request.ownerPersonId();
        goal.dueOn = request.dueOn();
        goal.findings = request.findings().stream().map(f -> new Finding(f.roundId(), f.kind(), f.key())).toList();
    }

    static ImprovementApi.GoalView view(Goal g) {
        CheckInGoal latest = CheckInGoal.<CheckInGoal>find(
                        "select l from CheckInGoal l, CheckIn c where l.checkInId = c.id and l.goalId = ?1 order by c.dueOn desc, c.recordedAt desc",
                        g.id).firstResult();
        ImprovementApi.LatestProgress progress = latest == null ? null : new ImprovementApi.LatestProgress(
                CheckIn.<CheckIn>findById(latest.checkInId).dueOn, latest.status, latest.note, Trend.plain(latest.value));
        List<ImprovementApi.CommitmentView> commitments = Commitment.<Commitment>list("goalId = ?1 order by createdAt, id", g.id)
                .stream().map(CommitmentService::view).toList();
        boolean overdue = g.dueOn.isBefore(LocalDate.now()) && g.status != GoalStatus.DONE && g.status != GoalStatus.DROPPED;
        return new ImprovementApi.GoalView(g.id, g.planId, g.partnershipId, g.what, g.measure, g.measureId, Trend.plain(g.target),
                g.unit, g.ownerOrganisationId, Lookup.organisationName(g.ownerOrganisationId), g.ownerPersonId,
                Lookup.personName(g.ownerPersonId), g.dueOn, g.status, overdue,
                g.findings.stream().map(f -> new ImprovementApi.FindingLink(f.roundId(), f.kind(), f.key())).toList(),
                g.thingKey == null ? null : new ImprovementApi.AdoptedThingToTry(g.thingKey, g.thingSource, g.thingLanguage, g.thingText),
                progress, commitments, g.createdAt, g.createdBy, g.updatedAt, g.updatedBy, g.version);
    }
}
