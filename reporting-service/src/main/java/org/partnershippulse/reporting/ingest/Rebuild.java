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
 * {@value #SLICE} events applied by the same {@link EventPipeline} and handlers as live consumption: so a rebuild equals incremental
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
    /**
     * Events applied together: their inbox rows, response rows and netted counts are each written by one statement.
     * Larger slices write the counts of a round fewer times; memory grows with the slice, not with the topics.
     */
    private static final int SLICE = 5_000;

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
        long[] counts = new long[3];
        QuarkusTransaction.requiringNew().timeout((int) config.rebuild().timeout().toSeconds()).run(() -> {
            em.createNativeQuery("lock table processed_event in exclusive mode").executeUpdate();
            inbox.clear(List.of(AssessmentEventsConsumer.CONSUMER, PartnershipProjection.CONSUMER));
            for (String table : concat(PartnershipProjection.TABLES, READ_MODELS)) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            replay(partnershipTopic, partnerships.handlers(), counts);
            replay(assessmentTopic, assessment.handlers(), counts);
            em.flush();
        });
        Result result = new Result(counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Read models rebuilt: %s", result);
        return result;
    }

    /** Reads the topic up to the end it found when it started, a slice at a time, each slice applied as a batch. */
    private void replay(String topic, EventHandlers handlers, long[] counts) {
        // the service's own connection settings (TLS, its SASL principal); ACLs allow it groups reporting-rebuild-*
        Map<String, Object> props = kafkaClients.config(Map.of(
                "group.id", "reporting-rebuild-" + UUID.randomUUID(), "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "max.poll.records", String.valueOf(SLICE),
                "fetch.max.bytes", String.valueOf(64 << 20), "max.partition.fetch.bytes", String.valueOf(16 << 20)));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> slice = new ArrayList<>(SLICE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        slice.add(record.value());
                    }
                }
                if (slice.size() >= SLICE) {
                    applySlice(handlers, slice, counts);
                }
            }
            applySlice(handlers, slice, counts);
        }
    }

    private void applySlice(EventHandlers handlers, List<String> slice, long[] counts) {
        if (slice.isEmpty()) {
            return;
        }
        int poison = pipeline.apply(handlers, slice, true).poison().size();
        counts[0] += slice.size();
        counts[1] += slice.size() - poison;
        counts[2] += poison;
        slice.clear();
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
