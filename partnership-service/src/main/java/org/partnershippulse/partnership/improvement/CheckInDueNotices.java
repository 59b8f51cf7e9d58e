package org.partnershippulse.partnership.improvement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.model.PersonRoleType;
import org.partnershippulse.partnership.notification.Notifications;

/**
 * Tells people that a plan's check-in falls due: the partnership's coordinators and the owners of its open goals,
 * {@code pulse.improvement.check-in-notice-days} before each scheduled date nobody has recorded yet. Every instance
 * may run it: the notification's key (kind, occurrence, person) makes each notice once.
 */
@ApplicationScoped
public class CheckInDueNotices {

    @Inject
    Notifications notifications;

    @ConfigProperty(name = "pulse.improvement.check-in-notice-days")
    int noticeDays;

    @Scheduled(every = "${pulse.improvement.check-in-notice-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        notifyDue(LocalDate.now());
    }

    /** @return how many notices this call recorded (the others were known already) */
    @Transactional
    public int notifyDue(LocalDate today) {
        int recorded = 0;
        for (ImprovementPlan plan : ImprovementPlan.<ImprovementPlan>list("status", PlanStatus.ACTIVE)) {
            List<LocalDate> due = plan.schedule().dueWithin(PlanService.recordedDates(plan.id), today, noticeDays);
            if (due.isEmpty()) {
                continue;
            }
            Set<UUID> people = new LinkedHashSet<>();
            PersonRole.<PersonRole>list("partnershipId = ?1 and role = ?2 and revokedAt is null", plan.partnershipId,
                    PersonRoleType.COORDINATOR).forEach(r -> people.add(r.person.id));
            Goal.<Goal>list("planId = ?1 and status not in ?2", plan.id, List.of(GoalStatus.DONE, GoalStatus.DROPPED))
                    .forEach(g -> people.add(g.ownerPersonId));
            for (LocalDate date : due) {
                // one subject per plan and date: a check-in before anyone has recorded it
                UUID occurrence = UUID.nameUUIDFromBytes((plan.id + "/" + date).getBytes(StandardCharsets.UTF_8));
                for (UUID person : people) {
                    if (person != null && notifications.checkInDue(person, plan.partnershipId, occurrence, date)) {
                        recorded++;
                    }
                }
            }
        }
        return recorded;
    }
}
