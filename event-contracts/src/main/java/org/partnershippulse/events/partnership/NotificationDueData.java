package org.partnershippulse.events.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * notification.due: partnership-service has recorded that a person is to be told something (once per kind, subject
 * and person), for a county's own notification service (SMS, an intranet) beside or instead of the e-mail. Never
 * anyone's answers, never an e-mail address (people's addresses stay in partnership-service): a subscriber that
 * needs one has its own directory. Not published for a person who opted out of notifications.
 *
 * @param kind INVITATION, REMINDER, CHECK_IN_DUE or RESULTS_RELEASED
 * @param subjectId what it is about: the round (INVITATION, REMINDER, RESULTS_RELEASED) or the check-in
 * @param language the person's preferred language (en, es)
 * @param emailed whether partnership-service sends it by e-mail too (PULSE_NOTIFICATIONS_ENABLED)
 * @param title the round's title, when it is about a round
 * @param closesAt when the round closes (INVITATION, REMINDER), if it has a planned close
 * @param dueOn the check-in's due date (CHECK_IN_DUE)
 */
public record NotificationDueData(UUID notificationId, String kind, UUID subjectId, UUID partnershipId, UUID personId,
        String language, boolean emailed, String title, Instant closesAt, LocalDate dueOn, Instant recordedAt) {
}
