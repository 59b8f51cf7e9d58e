package org.partnershippulse.partnership.improvement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.partnership.access.Access;
import org.partnershippulse.partnership.access.AccessRules;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Person;

/**
 * Check-ins on a plan's schedule: per goal a status, a short note and the value of its measure. A goal's status
 * follows its latest check-in; a value of a goal measured by a common measure is recorded to that measure too.
 */
@ApplicationScoped
public class CheckInService {

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ImprovementEvents events;

    @Transactional
    public Page<ImprovementApi.CheckInView> list(UUID partnershipId, UUID planId, PageParams paging) {
        access.readable(partnershipId);
        ImprovementPlan plan = Lookup.plan(partnershipId, planId);
        return Page.of(CheckIn.find("planId", Sort.descending("dueOn").and("recordedAt").and("id"), plan.id), paging,
                CheckInService::view);
    }

    @Transactional
    public ImprovementApi.CheckInView record(UUID partnershipId, UUID planId, ImprovementApi.CheckInRequest request) {
        access.readable(partnershipId);
        ImprovementPlan plan = Lookup.plan(partnershipId, planId);
        if (plan.status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("The plan is closed");
        }
        LocalDate current = plan.schedule().current(LocalDate.now());
        LocalDate dueOn = request.dueOn() == null ? current : request.dueOn();
        if (!plan.schedule().isScheduled(dueOn)) {
            throw ProblemException.invalid("dueOn", "is not a check-in date of the plan (" + plan.cadence + " from " + plan.startsOn + ")");
        }
        if (dueOn.isAfter(current)) {
            throw ProblemException.invalid("dueOn", "is a future check-in date; the current one is " + current);
        }
        Optional<Person> caller = access.callerPerson();
        UUID callerOrganisation = caller.map(p -> p.organisationId).orElse(null);
        boolean admin = access.isPlatformAdmin();
        var roles = access.callerRoles(partnershipId);
        List<Goal> goals = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.goals().size(); i++) {
            UUID goalId = request.goals().get(i).goalId();
            String field = "goals[" + i + "].goalId";
            if (!seen.add(goalId)) {
                throw ProblemException.invalid(field, "names a goal twice");
            }
            Goal goal = Goal.<Goal>find("id = ?1 and planId = ?2", goalId, plan.id).firstResultOptional()
                    .orElseThrow(() -> ProblemException.invalid(field, "is not a goal of this plan"));
            if (AccessRules.toCheckInOn(admin, roles, CommitmentService.committed(goal, callerOrganisation)) == Access.FORBIDDEN) {
                throw ProblemException.forbidden(field + ": your organisation neither owns nor signed a commitment to this goal");
            }
            goals.add(goal);
        }
        if (CheckIn.count("planId = ?1 and dueOn = ?2 and recordedBy = ?3", plan.id, dueOn, audit.actor()) > 0) {
            throw ProblemException.duplicate("dueOn", "you already recorded the check-in of " + dueOn);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.planId = plan.id;
        checkIn.partnershipId = partnershipId;
        checkIn.dueOn = dueOn;
        checkIn.recordedAt = Instant.now();
        checkIn.recordedBy = audit.actor();
        checkIn.recordedByPersonId = caller.map(p -> p.id).orElse(null);
        checkIn.organisationId = callerOrganisation;
        checkIn.persist();
        List<CheckInGoal> lines = new ArrayList<>();
        List<MeasureValue> values = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            ImprovementApi.CheckInLine in = request.goals().get(i);
            Goal goal = goals.get(i);
            CheckInGoal line = new CheckInGoal();
            line.id = UUID.randomUUID();
            line.checkInId = checkIn.id;
            line.goalId = goal.id;
            line.status = in.status();
            line.note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
            line.value = in.value();
            line.persist();
            lines.add(line);
            if (goal.measureId != null && in.value() != null) {
                values.add(MeasureService.newValue(goal.measureId, partnershipId, in.value(), dueOn, checkIn.recordedBy,
                        checkIn.recordedByPersonId, checkIn.id, goal.id));
            }
        }
        CheckIn.flush();
        events.checkIn(checkIn, lines);
        values.forEach(events::value);
        for (int i = 0; i < goals.size(); i++) {
            Goal goal = goals.get(i);
            boolean latest = CheckInGoal.count("select count(l) from CheckInGoal l, CheckIn c where l.checkInId = c.id"
                    + " and l.goalId = ?1 and c.dueOn > ?2", goal.id, dueOn) == 0;
            GoalStatus status = GoalStatus.valueOf(lines.get(i).status.name());
            if (latest && goal.status != status) {
                goal.status = status;
                goal.touch(audit.actor());
                goal.persistAndFlush();
                events.goal(PartnershipEventType.GOAL_CHANGED, goal);
            }
        }
        audit.record(partnershipId, "check-in", checkIn.id, "recorded", "Check-in of " + dueOn + " for " + goals.size()
                + " goal(s) of " + plan.title);
        return view(checkIn);
    }

    static ImprovementApi.CheckInView view(CheckIn c) {
        List<ImprovementApi.CheckInLine> lines = CheckInGoal.<CheckInGoal>list("checkInId = ?1 order by id", c.id).stream()
                .map(l -> new ImprovementApi.CheckInLine(l.goalId, l.status, l.note, Trend.plain(l.value))).toList();
        return new ImprovementApi.CheckInView(c.id, c.planId, c.dueOn, c.recordedAt, c.recordedBy, c.recordedByPersonId,
                c.organisationId, lines);
    }
}
