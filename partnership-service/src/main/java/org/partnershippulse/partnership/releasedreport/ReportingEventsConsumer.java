package org.partnershippulse.partnership.releasedreport;

import static org.partnershippulse.events.reporting.ReportingEventType.REPORT_RELEASED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.events.reporting.ReportReleasedData;
import org.partnershippulse.kit.events.EventHandler.Delivery;
import org.partnershippulse.kit.events.EventHandlers;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.notification.Notifications;

/**
 * Keeps the partnership's released reports (reporting-service's report.released), each event once (service-kit's
 * {@link EventPipeline}: inbox by event id, poison to pulse.partnership.dlq.v1). A release of a partnership that is
 * not here (purged) is dropped: a purge must not be undone by a late event.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    public static final String CONSUMER = "reporting-events";

    @Inject
    EventPipeline pipeline;

    @Inject
    ObjectMapper json;

    @Inject
    Notifications notifications;

    private final EventHandlers handlers = EventHandlers.of(CONSUMER)
            .on(REPORT_RELEASED, ReportReleasedData.class, this::released);

    @Incoming(CONSUMER)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return pipeline.consume(handlers, batch);
    }

    private void released(ReportReleasedData d, Delivery delivery) {
        if (d.roundId() == null || d.partnershipId() == null || d.release() == null || d.release().number() < 1
                || d.release().cutAt() == null || d.instrumentKey() == null) {
            throw new PoisonEventException("report.released without roundId, partnershipId, instrumentKey or release");
        }
        if (Partnership.findById(d.partnershipId()) == null) {
            return;
        }
        ReleasedReport.Key key = new ReleasedReport.Key();
        key.roundId = d.roundId();
        key.releaseNumber = d.release().number();
        if (ReleasedReport.findById(key) != null) {
            return;
        }
        ReleasedReport r = new ReleasedReport();
        r.roundId = d.roundId();
        r.releaseNumber = d.release().number();
        r.partnershipId = d.partnershipId();
        r.title = d.title();
        r.instrumentKey = d.instrumentKey();
        r.instrumentVersion = d.instrumentVersion();
        r.openedAt = d.openedAt();
        r.closedAt = d.closedAt();
        r.cutAt = d.release().cutAt();
        r.trigger = d.release().trigger();
        r.respondents = d.release().respondents();
        try {
            r.figures = d.figures() == null ? null : json.writeValueAsString(d.figures());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("figures cannot be written: " + e.getMessage());
        }
        r.receivedAt = Instant.now();
        r.persist();
        if (d.figures() != null) {
            // the first release that shows results tells everyone with a role, once per round (the notification's key)
            notifications.resultsReleased(d.partnershipId(), d.roundId(), d.title());
        }
    }
}
