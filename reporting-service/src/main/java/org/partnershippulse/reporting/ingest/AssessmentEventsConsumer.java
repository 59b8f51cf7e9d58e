package org.partnershippulse.reporting.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.Inbox;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.events.Consumption;
import org.partnershippulse.reporting.live.RoundUpdates;
import org.partnershippulse.reporting.diagnostics.DiagnosticPing;
import org.partnershippulse.reporting.round.RoundProjection;

/**
 * Applies assessment-service's events to the read models, each exactly once (inbox), in partition order (a
 * partnership's events share a partition). A poison event fails its message, which the channel sends to the
 * dead-letter topic with the reason; consumption goes on with the next one.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CONSUMER = "assessment-events";
    private static final String PREFIX = "org.partnershippulse.";

    @Inject
    CloudEventReader reader;

    @Inject
    Inbox inbox;

    @Inject
    Consumption consumption;

    @Inject
    RoundUpdates updates;

    @Inject
    RoundProjection rounds;

    @Incoming("assessment-events")
    @Blocking(ordered = true)
    public void consume(String value) {
        CloudEvent event = reader.read(value);
        UUID round = consumption.apply(CONSUMER, () -> apply(event));
        if (round != null) {
            updates.changed(round);
        }
    }

    /**
     * Applies one event in the caller's transaction (also used by the rebuild). Deliberately not intercepted: a
     * poison event is found before any write but the inbox's, and must not doom a rebuild's transaction.
     *
     * @return the round whose results or state the event changed, if any (for the live streams)
     */
    public UUID apply(CloudEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return null;
        }
        switch (event.type()) {
            case PREFIX + "round.opened.v1", PREFIX + "round.reopened.v1" -> {
                RoundProjection.RoundData d = reader.data(event, RoundProjection.RoundData.class);
                rounds.round(d, "OPEN");
                return d.roundId();
            }
            case PREFIX + "round.closed.v1" -> {
                RoundProjection.RoundData d = reader.data(event, RoundProjection.RoundData.class);
                rounds.round(d, "CLOSED");
                return d.roundId();
            }
            case PREFIX + "assessment.response-submitted.v1" -> {
                RoundProjection.ResponseData d = reader.data(event, RoundProjection.ResponseData.class);
                rounds.response(d);
                return d.roundId();
            }
            // Rounds carry their own instrument snapshot; the catalogue itself is not reported on.
            case PREFIX + "instrument.published.v1" -> {
                return null;
            }
            case PREFIX + "diagnostics.ping.v1" -> {
                recordPing(event);
                return null;
            }
            default -> throw new PoisonEventException("unknown event type " + event.type());
        }
    }

    private void recordPing(CloudEvent event) {
        record Ping(UUID pingId, String requestedBy) {
        }
        Ping data = reader.data(event, Ping.class);
        if (data.pingId() == null) {
            throw new PoisonEventException("ping without pingId");
        }
        if (DiagnosticPing.findById(data.pingId()) != null) {
            return;
        }
        DiagnosticPing ping = new DiagnosticPing();
        ping.id = data.pingId();
        ping.requestedBy = data.requestedBy();
        ping.sentAt = event.time();
        ping.receivedAt = Instant.now();
        ping.persist();
    }
}
