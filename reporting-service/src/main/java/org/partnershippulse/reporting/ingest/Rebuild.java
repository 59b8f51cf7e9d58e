package org.partnershippulse.reporting.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.partnershippulse.reporting.events.Consumption;
import org.partnershippulse.reporting.partnership.PartnershipEventsConsumer;

/**
 * Rebuilds every read model from the topics: empties them and replays both topics from the beginning with a consumer
 * of its own (no group: it assigns every partition and reads up to the end offsets it found), through the same
 * apply methods as the live channels.
 *
 * <p>It is one transaction, run with this instance's consumption paused ({@link Consumption#paused}), which first
 * locks the inbox table: consumers of other instances wait at their inbox insert (or time out and retry) until the
 * rebuild commits; all then skip what it already applied (same event ids) and go on in partition order. Readers keep
 * seeing the old reports until the commit (rows are deleted, not truncated). Poison events are skipped: they went to
 * the dead-letter topic when first consumed. If anything else fails, the whole rebuild is undone.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final List<String> READ_MODELS = List.of("partnership_view", "partnership_role_view", "round_view",
            "response_view", "respondent_count", "answer_count", "reflection_view", "diagnostic_ping");
    /** Events per flush of the persistence context, so that memory does not grow with the topics. */
    private static final int FLUSH_EVERY = 500;

    @Inject
    EntityManager em;

    @Inject
    CloudEventReader reader;

    @Inject
    AssessmentEventsConsumer assessment;

    @Inject
    PartnershipEventsConsumer partnerships;

    @Inject
    ReportingConfig config;

    @Inject
    Consumption consumption;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.assessment-events.topic")
    String assessmentTopic;

    @ConfigProperty(name = "mp.messaging.incoming.partnership-events.topic")
    String partnershipTopic;

    public record Result(long eventsRead, long eventsApplied, long poisonSkipped, long durationMillis) {
    }

    void atStart(@Observes StartupEvent start) {
        if (config.rebuild().atStart()) {
            LOG.infof("Rebuilt the read models at start: %s", run());
        }
    }

    public Result run() {
        return consumption.paused(this::rebuild);
    }

    private Result rebuild() {
        long started = System.nanoTime();
        long[] counts = new long[3];
        QuarkusTransaction.requiringNew().timeout((int) config.rebuild().timeout().toSeconds()).run(() -> {
            em.createNativeQuery("lock table processed_event in exclusive mode").executeUpdate();
            em.createNativeQuery("delete from processed_event where consumer in (?1, ?2)")
                    .setParameter(1, AssessmentEventsConsumer.CONSUMER).setParameter(2, PartnershipEventsConsumer.CONSUMER)
                    .executeUpdate();
            for (String table : READ_MODELS) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            replay(partnershipTopic, partnerships::apply, counts);
            replay(assessmentTopic, assessment::apply, counts);
            em.flush();
        });
        Result result = new Result(counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
        LOG.infof("Read models rebuilt: %s", result);
        return result;
    }

    private void replay(String topic, Consumer<CloudEvent> apply, long[] counts) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "reporting-rebuild-" + UUID.randomUUID(), "enable.auto.commit", "false",
                "auto.offset.reset", "earliest", "max.poll.records", "1000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    counts[0]++;
                    try {
                        apply.accept(reader.read(record.value()));
                        counts[1]++;
                    } catch (PoisonEventException e) {
                        counts[2]++;
                    }
                    if (counts[0] % FLUSH_EVERY == 0) {
                        em.flush();
                        em.clear();
                    }
                }
            }
        }
    }
}
