package org.partnershippulse.reporting.freshness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.health.KafkaReachability;
import org.partnershippulse.reporting.config.ReportingConfig;

/**
 * How current the read models are, for the answers that come from them (headers {@code Pulse-Read-Model-As-Of} and
 * {@code Pulse-Read-Model-Stale}) and the gauge {@code pulse_read_model_staleness_seconds}. Staleness never makes the
 * service unready: a report a minute old is better than none.
 *
 * <p><b>As of</b> is the latest instant T such that every event on the consumed topics before T has been applied
 * (by any instance: the group's committed offsets, which are committed after a batch's transaction). Every check
 * interval this instance notes the topics' end offsets with the time it read them; once the group's committed
 * offsets reach a noted set, the read models are as of that time. When the last check found the group at the end
 * of every partition, staleness is 0; otherwise it is now − as-of, so it grows while the consumers lag and while
 * Kafka cannot be reached (nothing can be confirmed then). <b>Stale</b> means staleness above
 * {@code pulse.reporting.read-models.max-staleness}, or no confirmation since this instance started.
 */
@ApplicationScoped
public class ReadModelFreshness {

    private static final Logger LOG = Logger.getLogger(ReadModelFreshness.class);
    /** Noted end offsets kept while the consumers lag (an hour of checks at 5 s); older ones are dropped. */
    private static final int MAX_PENDING = 720;

    @Inject
    KafkaReachability kafka;

    @Inject
    ReportingConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.assessment-events.topic")
    String assessmentTopic;

    @ConfigProperty(name = "mp.messaging.incoming.partnership-events.topic")
    String partnershipTopic;

    @ConfigProperty(name = "mp.messaging.incoming.assessment-events.group.id")
    String group;

    @ConfigProperty(name = "pulse.kafka.probe-timeout", defaultValue = "PT3S")
    Duration timeout;

    private final Instant started = Instant.now();
    private final Deque<Noted> pending = new ArrayDeque<>();
    private List<TopicPartition> partitions;
    private volatile Instant asOf;
    private volatile boolean caughtUp;

    /** End offsets of every consumed partition, read at {@code at}. */
    private record Noted(Instant at, Map<TopicPartition, Long> end) {
    }

    /** What a response says about the read models it was computed from. */
    public record State(Instant asOf, boolean stale, Duration staleness) {
    }

    @PostConstruct
    void meters() {
        Gauge.builder("pulse.read.model.staleness", this, f -> f.state(Instant.now()).staleness().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("How far the read models may be behind the topics: 0 when the consumers were at the end of"
                        + " every partition at the last check, else the age of the oldest event possibly not applied")
                .register(registry);
    }

    @Scheduled(every = "${pulse.reporting.read-models.check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(Instant.now());
    }

    /** Notes the end offsets and compares the group's committed offsets with what was noted. */
    synchronized void check(Instant now) {
        try {
            Admin admin = kafka.admin();
            long ms = timeout.toMillis();
            if (partitions == null) {
                partitions = admin.describeTopics(List.of(assessmentTopic, partnershipTopic)).allTopicNames()
                        .get(ms, TimeUnit.MILLISECONDS).values().stream()
                        .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                        .toList();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(ms, TimeUnit.MILLISECONDS).forEach((p, o) -> end.put(p, o.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
            applied(new Noted(now, end), committed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            caughtUp = false;
        } catch (Exception e) {
            caughtUp = false;
            LOG.debugf("Read-model freshness not confirmed: %s", e);
        }
    }

    private void applied(Noted noted, Map<TopicPartition, OffsetAndMetadata> committed) {
        pending.addLast(noted);
        Noted reached = null;
        while (!pending.isEmpty() && covered(pending.peekFirst(), committed)) {
            reached = pending.pollFirst();
        }
        if (reached != null && (asOf == null || reached.at().isAfter(asOf))) {
            asOf = reached.at();
        }
        caughtUp = pending.isEmpty();
        while (pending.size() > MAX_PENDING) {
            pending.pollFirst();
        }
    }

    private static boolean covered(Noted noted, Map<TopicPartition, OffsetAndMetadata> committed) {
        return noted.end().entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
        });
    }

    /** The read models' state at {@code now}. */
    public State state(Instant now) {
        Instant known = asOf;
        if (caughtUp) {
            return new State(known, false, Duration.ZERO);
        }
        Duration staleness = Duration.between(known != null ? known : started, now);
        if (staleness.isNegative()) {
            staleness = Duration.ZERO;
        }
        return new State(known, known == null || staleness.compareTo(config.readModels().maxStaleness()) > 0, staleness);
    }
}
