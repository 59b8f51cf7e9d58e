package org.partnershippulse.partnership.improvement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;

/** Improvement plans, their schedule, and what is overdue. Coordinators plan; the partnership's people read. */
@ApplicationScoped
public class PlanService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "title", "title", "startsOn", "startsOn");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ImprovementEvents events;

    @Transactional
    public Page<ImprovementApi.PlanView> list(UUID partnershipId, PageParams paging, PlanStatus status) {
        access.readable(partnershipId);
        QueryFilter filter = new QueryFilter().with("partnershipId = :partnership", "partnership", partnershipId)
                .when(status, "status = :status", "status");
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.descending("createdAt").and("id"));
        return Page.of(ImprovementPlan.find(filter.query(), sort, filter.params()), paging, PlanService::view);
    }

    @Transactional
    public ImprovementApi.PlanView get(UUID partnershipId, UUID planId) {
        access.readable(partnershipId);
        return view(Lookup.plan(partnershipId, planId));
    }

    @Transactional
    public ImprovementApi.PlanView create(UUID partnershipId, ImprovementApi.PlanRequest request) {
        Partnership partnership = access.manageable(partnershipId);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("The partnership is dissolved");
        }
        ImprovementPlan plan = new ImprovementPlan();
        plan.id = UUID.randomUUID();
        plan.partnershipId = partnershipId;
        apply(plan, request);
        plan.touch(audit.actor());
        plan.persistAndFlush();
        audit.record(partnershipId, "plan", plan.id, "created", "Created plan " + plan.title + " (" + plan.cadence + " check-ins)");
        events.plan(PartnershipEventType.PLAN_CREATED, plan, nextCheckInDue(plan));
        return view(plan);
    }

    @Transactional
    public ImprovementApi.PlanView update(UUID partnershipId, UUID planId, String ifMatch, ImprovementApi.PlanRequest request) {
        access.manageable(partnershipId);
        ImprovementPlan plan = Lookup.plan(partnershipId, planId);
        Versions.requireMatch(ifMatch, plan.version);
        apply(plan, request);
        plan.touch(audit.actor());
        plan.persistAndFlush();
        audit.record(partnershipId, "plan", plan.id, "updated", "Updated plan " + plan.title + " (" + plan.status + ", "
                + plan.cadence + " check-ins from " + plan.startsOn + ")");
        events.plan(PartnershipEventType.PLAN_CHANGED, plan, nextCheckInDue(plan));
        return view(plan);
    }

    /** For the coordinator: scheduled check-ins nobody recorded, and goals past due that are neither done nor dropped. */
    @Transactional
    public ImprovementApi.Overdue overdue(UUID partnershipId) {
        access.manageable(partnershipId);
        LocalDate today = LocalDate.now();
        List<ImprovementApi.OverdueCheckIn> checkIns = new ArrayList<>();
        List<ImprovementPlan> plans = ImprovementPlan.list("partnershipId = ?1 and status = ?2 order by createdAt, id",
                partnershipId, PlanStatus.ACTIVE);
        for (ImprovementPlan plan : plans) {
            plan.schedule().overdue(recordedDates(plan.id), today)
                    .forEach(d -> checkIns.add(new ImprovementApi.OverdueCheckIn(plan.id, plan.title, d)));
        }
        List<ImprovementApi.OverdueGoal> goals = Goal.<Goal>list(
                        "partnershipId = ?1 and dueOn < ?2 and status not in ?3 and planId in ?4 order by dueOn, id", partnershipId,
                        today, List.of(GoalStatus.DONE, GoalStatus.DROPPED),
                        plans.isEmpty() ? List.of(UUID.randomUUID()) : plans.stream().map(p -> p.id).toList())
                .stream().map(g -> new ImprovementApi.OverdueGoal(g.id, g.planId, g.what, g.dueOn, g.status, g.ownerOrganisationId,
                        g.ownerPersonId))
                .toList();
        return new ImprovementApi.Overdue(checkIns, goals);
    }

    static Set<LocalDate> recordedDates(UUID planId) {
        return CheckIn.<CheckIn>list("planId", planId).stream().map(c -> c.dueOn).collect(Collectors.toSet());
    }

    static LocalDate nextCheckInDue(ImprovementPlan plan) {
        return plan.status == PlanStatus.CLOSED ? null : plan.schedule().next(recordedDates(plan.id));
    }

    private static void apply(ImprovementPlan plan, ImprovementApi.PlanRequest request) {
        plan.title = request.title().trim();
        plan.roundId = request.roundId();
        plan.cadence = request.cadence() == null ? Cadence.MONTHLY : request.cadence();
        plan.startsOn = request.startsOn() != null ? request.startsOn() : plan.startsOn != null ? plan.startsOn : LocalDate.now();
        plan.status = request.status() == null ? PlanStatus.ACTIVE : request.status();
    }

    static ImprovementApi.PlanView view(ImprovementPlan p) {
        Set<LocalDate> recorded = recordedDates(p.id);
        boolean active = p.status == PlanStatus.ACTIVE;
        return new ImprovementApi.PlanView(p.id, p.partnershipId, p.title, p.roundId, p.cadence, p.startsOn, p.status,
                active ? p.schedule().next(recorded) : null,
                active ? p.schedule().overdue(recorded, LocalDate.now()) : List.of(),
                p.createdAt, p.createdBy, p.updatedAt, p.updatedBy, p.version);
    }
}
