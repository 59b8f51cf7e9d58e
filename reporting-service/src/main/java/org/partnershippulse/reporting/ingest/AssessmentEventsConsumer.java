package org.partnershippulse.reporting.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.Inbox;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.diagnostics.DiagnosticPing;

/**
 * Applies assessment-service's events to the read models, each exactly once (inbox), in partition order. A poison
 * event fails its message, which the channel sends to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    static final String CONSUMER = "assessment-events";

    @Inject
    CloudEventReader reader;

    @Inject
    Inbox inbox;

    @Incoming("assessment-events")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String value) {
        CloudEvent event = reader.read(value);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case "org.partnershippulse.diagnostics.ping.v1" -> recordPing(event);
            default -> throw new PoisonEventException("unknown event type " + event.type());
        }
    }

    private void recordPing(CloudEvent event) {
        record Ping(UUID pingId, String requestedBy) {
        }
        Ping data = reader.data(event, Ping.class);
        DiagnosticPing ping = new DiagnosticPing();
        ping.id = data.pingId();
        ping.requestedBy = data.requestedBy();
        ping.sentAt = event.time();
        ping.receivedAt = Instant.now();
        ping.persist();
    }
}
