package org.partnershippulse.kit.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in insertion order and marks them published. Runs in one instance at a time
 * (a PostgreSQL advisory lock), so that several replicas never reorder a partnership's events. A send that fails
 * (broker down) leaves the event and everything after it for the next run; a redelivery keeps its event id, so
 * consumers recognise it. The producer is idempotent with {@code acks=all} (see the {@code outbox} channel config).
 *
 * <p>It runs as soon as a transaction that recorded events commits ({@link #wake}, called by {@link Outbox}), so an
 * event leaves within milliseconds, and every poll interval to catch up (other replicas' events, a broker outage).
 * Wakes that arrive while it runs are folded into one more pass. A batch's sends are pipelined and awaited
 * together: the producer keeps them in order per partition.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Arbitrary, fixed: the advisory lock key of the relay. Each service has its own database. Public so that a test
     * can hold it to keep the relay from publishing (an outbox that does not drain).
     */
    public static final long RELAY_LOCK = 7_401_122_905L;

    @Inject
    EntityManager em;

    @Inject
    EventMetrics metrics;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "pulse.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "pulse.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    /** Asks for a pass as soon as possible; cheap, never blocks the caller. */
    public void wake() {
        wanted.set(true);
        if (!running.get()) {
            try {
                worker.execute(this::relay);
            } catch (RejectedExecutionException shuttingDown) {
                // the application is stopping: the next start publishes what is left
            }
        }
    }

    @Scheduled(every = "${pulse.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (wanted.getAndSet(false)) {
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
                } while (sent == batchSize);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused, will retry: %s", e.getMessage());
        } finally {
            running.set(false);
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = em.createQuery(
                        "from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                .setMaxResults(batchSize).getResultList();
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            // A span per event, in the trace of the change that recorded it, ended when the broker has it (or not).
            Span span = tracing.publishing(event);
            sends.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage().whenComplete((ok, failure) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, "not published yet");
                }
                span.end();
            }));
        }
        // Only the events up to the first failure count as published: the rest are sent again next time (a
        // consumer recognises a redelivered event by its id).
        List<UUID> published = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                published.add(batch.get(i).id);
                metrics.published(batch.get(i).type);
            } catch (ExecutionException | TimeoutException e) {
                OutboxEvent event = batch.get(i);
                LOG.warnf("Event %s (%s) not published yet: %s", event.id, event.type, e.getMessage());
                em.createQuery("update OutboxEvent set attempts = attempts + 1 where id = :id")
                        .setParameter("id", event.id).executeUpdate();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!published.isEmpty()) {
            em.createQuery("update OutboxEvent set publishedAt = :now, attempts = attempts + 1 where id in :ids")
                    .setParameter("now", Instant.now()).setParameter("ids", published).executeUpdate();
        }
        return published.size();
    }

    /** Events not yet published: a gauge worth alerting on when it keeps growing. */
    public long backlog() {
        return QuarkusTransaction.joiningExisting().call(
                () -> OutboxEvent.count("publishedAt is null"));
    }

    /** Seconds since the oldest event not yet published was written; 0 when everything is published. */
    public double oldestUnpublishedAgeSeconds() {
        List<Instant> oldest = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                        "select createdAt from OutboxEvent where publishedAt is null order by seq", Instant.class)
                .setMaxResults(1).getResultList());
        return oldest.isEmpty() ? 0 : Math.max(0, Duration.between(oldest.get(0), Instant.now()).toMillis() / 1000.0);
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
