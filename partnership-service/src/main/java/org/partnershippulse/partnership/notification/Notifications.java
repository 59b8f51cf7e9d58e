package org.partnershippulse.partnership.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnershippulse.events.partnership.NotificationDueData;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;

/**
 * What people are told, recorded in the caller's transaction: one row per (kind, subject, person), whoever asks how
 * often (a redelivered event, a second instance, a scheduler running twice), and a {@code notification.due} event for
 * a county's own notification service. The mail goes out after the commit ({@link NotificationSender}), never before:
 * a rolled-back change tells no one. A person who opted out gets a row marked SKIPPED and no event; nothing is ever
 * taken from anyone's answers. Every method runs in the caller's transaction (it must have one) and is not
 * intercepted, so that a consumer's batch is not marked for rollback by a check of its own.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    NotificationSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "pulse.notifications.enabled")
    boolean enabled;

    /** A round opened (or reopened): each invitee is invited, once per round. */
    public int invitation(UUID partnershipId, UUID roundId, String title, Instant closesAt, Collection<UUID> personIds) {
        return each(personIds, id -> record(NotificationKind.INVITATION, roundId, partnershipId, id, title, closesAt, null));
    }

    /** A round closes soon: each person named is reminded, once per round. */
    public int reminder(UUID partnershipId, UUID roundId, String title, Instant closesAt, Collection<UUID> personIds) {
        return each(personIds, id -> record(NotificationKind.REMINDER, roundId, partnershipId, id, title, closesAt, null));
    }

    /**
     * A check-in falls due (the improvement context's {@code CheckInDueNotices}), once per scheduled date and
     * person.
     *
     * @param checkInId the check-in (or the schedule's occurrence) that falls due: the notification's subject
     */
    public boolean checkInDue(UUID personId, UUID partnershipId, UUID checkInId, LocalDate dueOn) {
        return record(NotificationKind.CHECK_IN_DUE, checkInId, partnershipId, personId, null, null, dueOn);
    }

    /**
     * A round's results were released: everyone with an active role in the partnership is told, once per round.
     * Fed by reporting's {@code report.released} events ({@code releasedreport.ReportingEventsConsumer}): the first
     * release that shows results.
     */
    public int resultsReleased(UUID partnershipId, UUID roundId, String title) {
        List<UUID> members = PersonRole.<PersonRole>list("partnershipId = ?1 and revokedAt is null", partnershipId)
                .stream().map(r -> r.person.id).distinct().toList();
        return each(members, id -> record(NotificationKind.RESULTS_RELEASED, roundId, partnershipId, id, title, null, null));
    }

    private int each(Collection<UUID> personIds, java.util.function.Predicate<UUID> record) {
        int recorded = 0;
        for (UUID personId : new LinkedHashSet<>(personIds == null ? List.<UUID>of() : personIds)) {
            if (record.test(personId)) {
                recorded++;
            }
        }
        return recorded;
    }

    /** @return whether this call recorded it (false: known already, or no such person here) */
    private boolean record(NotificationKind kind, UUID subjectId, UUID partnershipId, UUID personId, String title,
            Instant closesAt, LocalDate dueOn) {
        Person person = Person.findById(personId);
        if (person == null || Partnership.findById(partnershipId) == null) {
            return false; // a person or partnership this service does not know (removed since): no one to tell
        }
        NotificationSettings settings = NotificationSettings.of(personId);
        Notification.Status status = settings.emailOptOut || !enabled ? Notification.Status.SKIPPED
                : Notification.Status.PENDING;
        String detail = settings.emailOptOut ? "OPTED_OUT" : !enabled ? "DISABLED" : null;
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The unique key decides, in the database, across instances: a second insert is a no-op.
        int inserted = em.createNativeQuery("insert into notification (id, kind, subject_id, person_id, partnership_id, "
                        + "language, title, closes_at, due_on, status, detail, attempts, next_attempt_at, created_at) "
                        + "values (:id, :kind, :subject, :person, :partnership, :language, :title, :closesAt, :dueOn, "
                        + ":status, :detail, 0, :now, :now) on conflict (kind, subject_id, person_id) do nothing")
                .setParameter("id", id).setParameter("kind", kind.name()).setParameter("subject", subjectId)
                .setParameter("person", personId).setParameter("partnership", partnershipId)
                .setParameter("language", settings.language).setParameter("title", title)
                .setParameter("closesAt", closesAt).setParameter("dueOn", dueOn)
                .setParameter("status", status.name()).setParameter("detail", detail).setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (!settings.emailOptOut) {
            outbox.record(PartnershipEventType.NOTIFICATION_DUE, partnershipId.toString(),
                    "partnerships/" + partnershipId + "/notifications/" + id,
                    new NotificationDueData(id, kind.name(), subjectId, partnershipId, personId, settings.language,
                            enabled, title, closesAt, dueOn, now));
        }
        if (status == Notification.Status.PENDING) {
            sendAfterCommit();
        }
        return true;
    }

    /** Once per transaction: after it commits, the sender looks for what is due (the scheduler would, later). */
    private void sendAfterCommit() {
        Object key = Notifications.class;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.wake();
                }
            }
        });
    }
}
