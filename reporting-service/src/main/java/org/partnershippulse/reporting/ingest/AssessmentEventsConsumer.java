package org.partnershippulse.reporting.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.diagnostics.DiagnosticPing;
import org.partnershippulse.reporting.round.RoundProjection;

/**
 * Applies assessment-service's events to the read models, each exactly once (inbox), in partition order (a
 * partnership's events share a partition), a poll at a time ({@link EventBatches}). A poison event fails its own
 * record, which the channel sends to the dead-letter topic with the reason; the others are applied.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CONSUMER = "assessment-events";
    private static final String PREFIX = "org.partnershippulse.";

    @Inject
    CloudEventReader reader;

    @Inject
    EventBatches batches;

    @Inject
    RoundProjection rounds;

    @Incoming("assessment-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CONSUMER, batch);
    }

    /**
     * Applies one event other than a response in the caller's transaction, after the inbox accepted it: responses are
     * netted per batch ({@link EventBatches}). Deliberately not intercepted: a poison event is found before any write,
     * and must not doom the batch's transaction.
     *
     * @return the round whose state the event changed, if any (for the live streams)
     */
    public UUID apply(CloudEvent event) {
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
