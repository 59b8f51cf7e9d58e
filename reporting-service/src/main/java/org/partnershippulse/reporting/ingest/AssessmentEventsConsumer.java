package org.partnershippulse.reporting.ingest;

import static org.partnershippulse.events.assessment.AssessmentEventType.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.partnershippulse.events.assessment.PingData;
import org.partnershippulse.events.assessment.ResponseSubmittedData;
import org.partnershippulse.events.assessment.RoundData;
import org.partnershippulse.kit.events.BatchWork;
import org.partnershippulse.kit.events.EventHandler.Delivery;
import org.partnershippulse.kit.events.EventHandlers;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.projection.PartnershipProjection;
import org.partnershippulse.reporting.diagnostics.DiagnosticPing;
import org.partnershippulse.reporting.live.RoundUpdates;
import org.partnershippulse.reporting.release.ReleaseService;
import org.partnershippulse.reporting.round.RoundProjection;

/**
 * Applies assessment-service's events to the read models, each exactly once, in partition order (a partnership's
 * events share a partition), a poll at a time, through service-kit's {@link EventPipeline}. Round events are applied
 * in order; the responses of a batch are netted and written together once every event is handled, and then the
 * rounds the batch closed get their release ({@link ReleaseService#cut}; not in a rebuild: releases were cut when
 * the events were first consumed, and are kept). A poison event goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AssessmentEventsConsumer.class);
    public static final String CONSUMER = "assessment-events";

    @Inject
    EventPipeline pipeline;

    @Inject
    RoundProjection rounds;

    @Inject
    RoundUpdates updates;

    @Inject
    ReleaseService releases;

    private final EventHandlers handlers = EventHandlers.of(CONSUMER)
            .on(ROUND_OPENED, RoundData.class, (d, delivery) -> round(d, "OPEN", delivery))
            .on(ROUND_REOPENED, RoundData.class, (d, delivery) -> round(d, "OPEN", delivery))
            .on(ROUND_CLOSED, RoundData.class, this::closed)
            .on(RESPONSE_SUBMITTED, ResponseSubmittedData.class, this::response)
            .on(PING, PingData.class, this::ping)
            // Rounds carry their own instrument snapshot; the catalogue itself is not reported on.
            .ignore(INSTRUMENT_PUBLISHED)
            // Reminders are partnership-service's to mail; nothing in a report changes.
            .ignore(ROUND_REMINDER_DUE);

    @Incoming("assessment-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return pipeline.consume(handlers, batch);
    }

    /** For a rebuild's replay of the topic. */
    public EventHandlers handlers() {
        return handlers;
    }

    private void round(RoundData d, String status, Delivery delivery) {
        if (d.partnershipId() != null && PartnershipProjection.purged(d.partnershipId())) {
            return; // a purged partnership's rounds are not brought back
        }
        rounds.round(d, status);
        // A round's state changed: its live streams hear of it once the batch is committed.
        delivery.batch().afterCommit(() -> updates.changed(d.roundId()));
    }

    private void closed(RoundData d, Delivery delivery) {
        if (d.partnershipId() != null && PartnershipProjection.purged(d.partnershipId())) {
            return;
        }
        round(d, "CLOSED", delivery);
        responses(delivery).closed.add(d.roundId());
    }

    private void response(ResponseSubmittedData d, Delivery delivery) {
        if (d.partnershipId() != null && PartnershipProjection.purged(d.partnershipId())) {
            return;
        }
        responses(delivery).submitted.add(rounds.prepare(delivery.position(), d));
    }

    private Responses responses(Delivery delivery) {
        return delivery.batch().work(Responses.class, () -> new Responses(!delivery.batch().replay()));
    }

    /** The responses of a batch, netted and written together; then the releases of the rounds the batch closed. */
    private final class Responses implements BatchWork {

        final List<RoundProjection.Submitted> submitted = new ArrayList<>();
        final Set<UUID> closed = new LinkedHashSet<>();
        private final boolean cutReleases;

        Responses(boolean cutReleases) {
            this.cutReleases = cutReleases;
        }

        @Override
        public Map<Integer, PoisonEventException> finish() {
            Map<Integer, PoisonEventException> poison = rounds.responses(submitted, new HashSet<>());
            if (cutReleases) {
                for (UUID round : closed) {
                    ReleaseService.Attempt attempt = releases.cut(round, ReleaseService.CLOSE);
                    if (attempt.release() == null) {
                        LOG.infof("Round %s closed without a new release: %s", round, attempt.decision());
                    }
                }
            }
            return poison;
        }
    }

    private void ping(PingData data, Delivery delivery) {
        if (data.pingId() == null) {
            throw new PoisonEventException("ping without pingId");
        }
        if (DiagnosticPing.findById(data.pingId()) != null) {
            return;
        }
        DiagnosticPing ping = new DiagnosticPing();
        ping.id = data.pingId();
        ping.requestedBy = data.requestedBy();
        ping.sentAt = delivery.event().time();
        ping.receivedAt = Instant.now();
        ping.persist();
    }
}
