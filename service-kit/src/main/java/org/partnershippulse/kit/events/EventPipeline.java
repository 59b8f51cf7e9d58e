package org.partnershippulse.kit.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a service consumes events. A batch (one poll of a channel, or a slice of a topic replayed) is applied in
 * one transaction: every record parsed on its own (a CloudEvent of a type the consumer knows, its data bound to the
 * type's record), one inbox statement for all event ids, each new event handled in order by its type's
 * {@link EventHandler}, then the batch's {@link BatchWork}. Each record keeps its own outcome: a poison one
 * (malformed, unknown type, data the handler refuses) is nacked, so the channel's dead-letter topic gets it with the
 * reason, and its inbox row is removed (a redelivery is dead-lettered again); the others are applied. Any other
 * failure is transient: the whole batch is undone and retried with backoff, the partition waiting, until it applies.
 */
@ApplicationScoped
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class);
    /** Below this many records, reading them in parallel costs more than it saves. */
    private static final int PARALLEL_FROM = 200;

    @Inject
    CloudEventReader reader;

    @Inject
    Inbox inbox;

    @Inject
    EventTracing tracing;

    @Inject
    EventMetrics metrics;

    /** Reads a record and binds its data in one pass ({@link CloudEventReader#readBound}); false: tree first. */
    @ConfigProperty(name = "pulse.events.streaming-read", defaultValue = "true")
    boolean streamingRead;

    @ConfigProperty(name = "pulse.events.retry.initial-delay", defaultValue = "PT0.2S")
    Duration retryInitialDelay;

    @ConfigProperty(name = "pulse.events.retry.max-delay", defaultValue = "PT30S")
    Duration retryMaxDelay;

    /** Fair: a waiting {@link #paused} (a rebuild) is not starved by a steady stream of events. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    /**
     * What a batch did.
     *
     * @param poison position in the batch → why that event cannot be applied
     * @param types position in the batch → the record's type as the metrics name it ({@link EventMetrics})
     * @param applied positions of the events applied for the first time
     */
    public record Outcome(Map<Integer, PoisonEventException> poison, List<Runnable> afterCommit, List<String> types,
            Set<Integer> applied) {
    }

    /**
     * Live consumption of one poll of a channel: applies it (retrying transient failures), dead-letters each poison
     * record with its reason, then acknowledges the batch.
     */
    public CompletionStage<Void> consume(EventHandlers handlers, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<String> values = records.stream().map(KafkaRecord::getPayload).toList();
        // The batch's span covers its transaction up to the commit (where Hibernate flushes the handlers' writes);
        // each event's handling has a span of its own in the event's trace (apply).
        Span span = tracing.batch(handlers.consumer(), tracing.enabled() ? traced(values) : List.of());
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = retrying(handlers.consumer(), () -> apply(handlers, values, false));
            outcome.afterCommit().forEach(Runnable::run);
            outcome.applied().forEach(i -> metrics.consumed(handlers.consumer(), outcome.types().get(i)));
            outcome.poison().keySet().forEach(i -> metrics.deadLettered(outcome.types().get(i)));
            // Dead-lettered before the batch's offsets are committed: a crash in between redelivers, never loses.
            CompletableFuture.allOf(outcome.poison().entrySet().stream()
                    .map(p -> records.get(p.getKey()).nack(p.getValue()).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)).join();
            if (!outcome.poison().isEmpty()) {
                span.setAttribute("pulse.events.dead_lettered", outcome.poison().size());
            }
        } finally {
            span.end();
        }
        return batch.ack();
    }

    /** The batch's readable events, for their trace contexts (a poison one is left to apply to report). */
    private List<CloudEvent> traced(List<String> values) {
        List<CloudEvent> events = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                events.add(reader.read(value));
            } catch (PoisonEventException e) {
                // no context to follow
            }
        }
        return events;
    }

    /** Runs work (a rebuild) with this instance's consumption paused, outside any transaction. */
    public <T> T paused(Supplier<T> work) {
        gate.writeLock().lock();
        try {
            return work.get();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private Outcome retrying(String consumer, Supplier<Outcome> inTransaction) {
        Outcome[] result = new Outcome[1];
        new Retry(retryInitialDelay, retryMaxDelay, d -> Thread.sleep(d.toMillis())).untilApplied(() -> {
            gate.readLock().lock();
            try {
                result[0] = QuarkusTransaction.requiringNew().call(inTransaction::get);
            } finally {
                gate.readLock().unlock();
            }
        }, (attempt, wait, failure) -> LOG.warnf("%s: attempt %d to apply a batch failed (%s); retrying in %s ms",
                consumer, attempt, failure, wait.toMillis()));
        return result[0];
    }

    /**
     * Applies the records in the caller's transaction, in order; see the class comment. {@code replay} tells the
     * handlers that history is replayed (a rebuild).
     */
    public Outcome apply(EventHandlers handlers, List<String> values, boolean replay) {
        return apply(handlers, read(handlers, values), replay);
    }

    /** Records read and bound, not yet applied: a replay reads the next slice while the current one is written. */
    public static final class Read {
        private final List<Parsed> parsed;

        private Read(List<Parsed> parsed) {
            this.parsed = parsed;
        }

        public int size() {
            return parsed.size();
        }
    }

    /** Reads and binds the records (no database, no transaction needed): the first half of {@link #apply}. */
    public Read read(EventHandlers handlers, List<String> values) {
        return new Read(parse(handlers, values));
    }

    /** Applies records read by {@link #read} in the caller's transaction, as {@link #apply(EventHandlers, List, boolean)}. */
    public Outcome apply(EventHandlers handlers, Read read, boolean replay) {
        List<Parsed> parsed = read.parsed;
        Map<Integer, PoisonEventException> poison = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            if (p.poison() != null) {
                poison.put(i, p.poison());
            } else {
                ids.add(p.event().id());
            }
        }
        Set<UUID> first = inbox.firstDeliveries(handlers.consumer(), ids);
        Batch batch = new Batch(replay);
        Set<Integer> applied = new LinkedHashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            // A redelivery, or the same event twice in the batch: only its first occurrence is applied.
            if (p.poison() != null || !first.remove(p.event().id())) {
                continue;
            }
            applied.add(i); // a known type without a handler counts too: this consumer is done with it
            if (p.route().handler() == null) {
                continue;
            }
            Span span = replay ? Span.getInvalid() : tracing.consuming(handlers.consumer(), p.event());
            try (Scope scope = span.makeCurrent()) {
                handle(p, new EventHandler.Delivery(p.event(), i, batch));
            } catch (PoisonEventException e) {
                span.setStatus(StatusCode.ERROR, "poison: " + e.getMessage());
                poison.put(i, e);
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
        }
        for (BatchWork work : batch.works()) {
            poison.putAll(work.finish());
        }
        applied.removeAll(poison.keySet());
        inbox.forget(handlers.consumer(), poison.keySet().stream().map(i -> parsed.get(i).event())
                .filter(e -> e != null).map(CloudEvent::id).toList());
        List<String> types = parsed.stream().map(p -> p.event() == null ? EventMetrics.UNREADABLE
                : handlers.route(p.event().type()) == null ? EventMetrics.UNKNOWN : p.event().type()).toList();
        return new Outcome(poison, batch.afterCommitActions(), types, applied);
    }

    @SuppressWarnings("unchecked")
    private static <T> void handle(Parsed p, EventHandler.Delivery delivery) {
        ((EventHandler<T>) p.route().handler()).handle((T) p.data(), delivery);
    }

    /** A record read: its event (null if unreadable), its type's route and bound data, or why it is poison. */
    private record Parsed(CloudEvent event, EventHandlers.Route<?> route, Object data, PoisonEventException poison) {
    }

    /**
     * Reads and binds every record on its own (no database): in parallel for a large batch (a replayed slice), where
     * reading the JSON is most of the work.
     */
    private List<Parsed> parse(EventHandlers handlers, List<String> values) {
        IntStream positions = IntStream.range(0, values.size());
        return (values.size() >= PARALLEL_FROM ? positions.parallel() : positions).mapToObj(i -> {
            CloudEvent event = null;
            try {
                if (streamingRead) {
                    CloudEventReader.Bound bound = reader.readBound(values.get(i), type -> {
                        EventHandlers.Route<?> r = handlers.route(type);
                        return r == null || r.handler() == null ? null : r.data();
                    });
                    event = bound.event();
                    EventHandlers.Route<?> route = handlers.route(event.type());
                    if (route == null) {
                        throw new PoisonEventException("unknown event type " + event.type());
                    }
                    return new Parsed(event, route, bound.data(), null);
                }
                event = reader.read(values.get(i));
                EventHandlers.Route<?> route = handlers.route(event.type());
                if (route == null) {
                    throw new PoisonEventException("unknown event type " + event.type());
                }
                return new Parsed(event, route, route.handler() == null ? null : reader.data(event, route.data()), null);
            } catch (PoisonEventException e) {
                return new Parsed(event, null, null, e);
            }
        }).toList();
    }
}
