package org.partnershippulse.partnership.notification;

import static org.partnershippulse.events.assessment.AssessmentEventType.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.events.assessment.RoundData;
import org.partnershippulse.events.assessment.RoundReminderDueData;
import org.partnershippulse.kit.events.EventHandler.Delivery;
import org.partnershippulse.kit.events.EventHandlers;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.kit.events.PoisonEventException;

/**
 * partnership-service's consumer of assessment-service's events (channel {@code assessment-events}, consumer group
 * partnership-service), through service-kit's {@link EventPipeline} like the other services' consumers: each event
 * applied once (inbox), poison to {@code pulse.partnership.dlq.v1} with the reason. A round that opens invites its
 * audience; a reminder-due event reminds those it names. Response submissions are ignored unread: no answer ever
 * reaches this service or a mail.
 */
@ApplicationScoped
public class AssessmentEvents {

    /** The consumer's name in the inbox. */
    public static final String CONSUMER = "assessment-events";

    @Inject
    EventPipeline pipeline;

    @Inject
    Notifications notifications;

    private final EventHandlers handlers = EventHandlers.of(CONSUMER)
            .on(ROUND_OPENED, RoundData.class, this::opened)
            .on(ROUND_REOPENED, RoundData.class, this::opened)
            .on(ROUND_REMINDER_DUE, RoundReminderDueData.class, this::reminderDue)
            .ignore(PING, INSTRUMENT_PUBLISHED, ROUND_CLOSED, RESPONSE_SUBMITTED);

    @Incoming("assessment-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return pipeline.consume(handlers, batch);
    }

    /** Opened or reopened: whoever is invited and was not invited before (the key is per round) is invited. */
    private void opened(RoundData d, Delivery delivery) {
        require(d.roundId() != null && d.partnershipId() != null && d.title() != null,
                "round event without roundId, partnershipId or title");
        require(d.title().length() <= 300, "round event with a title too long");
        if (d.inviteePersonIds() == null) {
            return; // an event from before invitees were published: nobody to name
        }
        notifications.invitation(d.partnershipId(), d.roundId(), d.title(), d.closesAt(), d.inviteePersonIds());
    }

    private void reminderDue(RoundReminderDueData d, Delivery delivery) {
        require(d.roundId() != null && d.partnershipId() != null && d.title() != null && d.personIds() != null,
                "reminder-due event without roundId, partnershipId, title or personIds");
        require(d.title().length() <= 300, "reminder-due event with a title too long");
        notifications.reminder(d.partnershipId(), d.roundId(), d.title(), d.closesAt(), d.personIds());
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
