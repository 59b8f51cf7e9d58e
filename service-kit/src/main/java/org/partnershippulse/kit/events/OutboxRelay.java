package org.partnershippulse.kit.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in insertion order and marks them published. Runs in one instance at a time
 * (a PostgreSQL advisory lock), so that several replicas never reorder a partnership's events. A send that fails
 * (broker down) leaves the event and everything after it for the next run; a redelivery keeps its event id, so
 * consumers recognise it. The producer is idempotent with {@code acks=all} (see the {@code outbox} channel config).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock key of the relay. Each service has its own database. */
    private static final long RELAY_LOCK = 7_401_122_905L;

    @Inject
    EntityManager em;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "pulse.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "pulse.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @Scheduled(every = "${pulse.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many events were published */
    @SuppressWarnings("unchecked")
    int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = em.createQuery(
                        "from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                .setMaxResults(batchSize).getResultList();
        int published = 0;
        for (OutboxEvent event : batch) {
            event.attempts++;
            try {
                emitter.sendMessage(toMessage(event)).await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                LOG.warnf("Event %s (%s) not published yet: %s", event.id, event.type, e.getMessage());
                break;
            }
            event.publishedAt = Instant.now();
            published++;
        }
        return published;
    }

    /** Events not yet published: a gauge worth alerting on when it keeps growing. */
    public long backlog() {
        return QuarkusTransaction.joiningExisting().call(
                () -> OutboxEvent.count("publishedAt is null"));
    }

    private static Message<String> toMessage(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(headers)
                .build());
    }
}
