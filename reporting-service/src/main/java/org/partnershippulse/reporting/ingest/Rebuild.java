package org.partnershippulse.reporting.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.events.EventHandlers;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.kit.events.Inbox;
import org.partnershippulse.kit.events.KafkaClients;
import org.partnershippulse.projection.PartnershipProjection;
import org.partnershippulse.reporting.config.ReportingConfig;

/**
 * Rebuilds every read model from the topics: empties them and replays both topics from the beginning with a consumer
 * of its own (no group: it assigns every partition and reads up to the end offsets it found), in slices of
 * {@code pulse.reporting.rebuild.slice} events applied by the same {@link EventPipeline} and handlers as live consumption: so a rebuild equals incremental
 * consumption by construction, and writes a round's counts once per slice instead of once per response. Releases
 * are not read models: a rebuild keeps them and cuts none (what was published stays as it was published).
 *
 * <p>It is one transaction, run with this instance's consumption paused ({@link EventPipeline#paused}), which first
 * locks the inbox table: consumers of other instances wait at their inbox insert (or time out and retry) until the
 * rebuild commits; all then skip what it already applied (same event ids) and go on in partition order. Readers keep
 * seeing the old reports until the commit (rows are deleted, not truncated). Poison events are skipped: they went to
 * the dead-letter topic when first consumed. If anything else fails, the whole rebuild is undone.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final List<String> READ_MODELS = List.of("round_view", "response_view", "respondent_count",
            "answer_count", "reflection_view", "diagnostic_ping", "network_rating");

    @Inject
    EntityManager em;

    @Inject
    EventPipeline pipeline;

    @Inject
    Inbox inbox;

    @Inject
    PartnershipProjection partnerships;

    @Inject
    AssessmentEventsConsumer assessment;

    @Inject
    ReportingConfig config;

    @Inject
    KafkaClients kafkaClients;

    @ConfigProperty(name = "mp.messaging.incoming.assessment-events.topic")
    String assessmentTopic;

    @ConfigProperty(name = "mp.messaging.incoming.partnership-events.topic")
    String partnershipTopic;

    public record Result(long eventsRead, long eventsApplied, long poisonSkipped, long durationMillis) {
    }

    /** False while a rebuild asked for at start has not committed: the read models are not loaded yet. */
    private volatile boolean loaded = true;

    void atStart(@Observes StartupEvent start) {
        if (config.rebuild().atStart()) {
            loaded = false;
            LOG.infof("Rebuilt the read models at start: %s", run());
            loaded = true;
        }
    }

    /** Whether the read models can be served (readiness): not during a rebuild asked for at start. */
    public boolean loaded() {
        return loaded;
    }

    public Result run() {
        return pipeline.paused(this::rebuild);
    }

    private Result rebuild() {
        long started = System.nanoTime();
        Stats stats = new Stats();
        QuarkusTransaction.requiringNew().timeout((int) config.rebuild().timeout().toSeconds()).run(() -> {
            em.createNativeQuery("lock table processed_event in exclusive mode").executeUpdate();
            inbox.clear(List.of(AssessmentEventsConsumer.CONSUMER, PartnershipProjection.CONSUMER));
            for (String table : concat(PartnershipProjection.TABLES, READ_MODELS)) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            stats.cleared = System.nanoTime() - started;
            replay(partnershipTopic, partnerships.handlers(), stats);
            replay(assessmentTopic, assessment.handlers(), stats);
            em.flush();
        });
        Result result = new Result(stats.read, stats.applied, stats.poison, (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Read models rebuilt: %s; seconds spent: clearing %.1f, polling Kafka %.1f, reading JSON %.1f, "
                + "applying (handlers and SQL) %.1f, waiting for the next slice %.1f (prefetch %s)", result,
                stats.cleared / 1e9, stats.polling / 1e9, stats.reading / 1e9, stats.applying / 1e9, stats.waiting / 1e9,
                config.rebuild().prefetch());
        return result;
    }

    /** Counts and where the time went (nanoseconds; polling and reading overlap applying when prefetching). */
    private static final class Stats {
        long read;
        long applied;
        long poison;
        long cleared;
        volatile long polling;
        volatile long reading;
        long applying;
        long waiting;
    }

    /** A slice as the reader hands it over: its records read and bound, or none at the end of the topic. */
    private record Slice(int size, EventPipeline.Read read) {
    }

    /**
     * Reads the topic up to the end it found when it started, a slice at a time, each slice applied as a batch. The
     * records are polled and their JSON read on a thread of their own: while this (the transaction's) thread writes
     * a slice, the reader prepares the next one ({@code pulse.reporting.rebuild.prefetch}), so the JSON work and
     * PostgreSQL's work overlap. Only the reader touches the consumer, and only the transaction's thread the database.
     */
    private void replay(String topic, EventHandlers handlers, Stats stats) {
        // the service's own connection settings (TLS, its SASL principal); ACLs allow it groups reporting-rebuild-*
        Map<String, Object> props = kafkaClients.config(Map.of(
                "group.id", "reporting-rebuild-" + UUID.randomUUID(), "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "max.poll.records", String.valueOf(config.rebuild().slice()),
                "fetch.max.bytes", String.valueOf(64 << 20), "max.partition.fetch.bytes", String.valueOf(16 << 20)));
        boolean prefetch = config.rebuild().prefetch();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "read-model-rebuild-reader");
            t.setDaemon(true);
            return t;
        });
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        try {
            Map<TopicPartition, Long> end = reader.submit(() -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return consumer.endOffsets(partitions);
            }).get();
            Callable<Slice> next = () -> nextSlice(consumer, end, handlers, stats);
            Future<Slice> coming = reader.submit(next);
            while (true) {
                long waitStarted = System.nanoTime();
                Slice slice = coming.get();
                stats.waiting += System.nanoTime() - waitStarted;
                if (slice.size() == 0) {
                    break;
                }
                if (prefetch) {
                    coming = reader.submit(next);
                }
                long applyStarted = System.nanoTime();
                applySlice(handlers, slice, stats);
                stats.applying += System.nanoTime() - applyStarted;
                if (!prefetch) {
                    coming = reader.submit(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // the consumer is closed once the reader no longer uses it (it may be polling when applying failed)
            reader.shutdownNow();
            try {
                reader.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close();
        }
    }

    /** Polls up to {@code pulse.reporting.rebuild.slice} records below the end offsets and reads them (on the reader thread). */
    private Slice nextSlice(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, EventHandlers handlers,
                            Stats stats) {
        long pollStarted = System.nanoTime();
        List<String> values = new ArrayList<>(config.rebuild().slice());
        while (values.size() < config.rebuild().slice() && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    values.add(record.value());
                }
            }
        }
        long readStarted = System.nanoTime();
        stats.polling += readStarted - pollStarted;
        Slice slice = new Slice(values.size(), pipeline.read(handlers, values));
        stats.reading += System.nanoTime() - readStarted;
        return slice;
    }

    private void applySlice(EventHandlers handlers, Slice slice, Stats stats) {
        int poison = pipeline.apply(handlers, slice.read(), true).poison().size();
        stats.read += slice.size();
        stats.applied += slice.size() - poison;
        stats.poison += poison;
        // Nothing of a slice is needed by the next: memory stays flat however long the topics are.
        em.flush();
        em.clear();
    }

    private static List<String> concat(Collection<String> first, Collection<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
