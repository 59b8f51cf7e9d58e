package org.partnershippulse.systemkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The system's Kafka topics seen from outside, as an operator's tools see them: read a whole topic (to count events
 * or find dead-letter records and their reasons), write a raw record (a poison event), and look at or reset a
 * consumer group's committed offsets. Every call opens and closes its own client, so it works across broker restarts.
 * Clients connect as {@link KafkaAccess#ADMIN} (super user), or as the principal given to the constructor.
 */
public final class EventTopics {

    public static final String PARTNERSHIP = "pulse.partnership.v1";
    public static final String ASSESSMENT = "pulse.assessment.v1";
    public static final String REPORTING_DLQ = "pulse.reporting.dlq.v1";
    public static final String ASSESSMENT_DLQ = "pulse.assessment.dlq.v1";
    public static final String PARTNERSHIP_DLQ = "pulse.partnership.dlq.v1";
    public static final String PUBLIC = "pulse.public.v1";
    public static final String REPORTING = "pulse.reporting.v1";

    /** One record as read: its value and headers (as UTF-8 strings). */
    public record Event(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {}

    private final String principal;

    public EventTopics(PulseEnvironment env) {
        this(env, KafkaAccess.ADMIN);
    }

    /** Topics as {@code principal} sees them: its ACLs apply (KafkaAccess reads the same PULSE_* environment). */
    public EventTopics(PulseEnvironment env, String principal) {
        this.principal = principal;
    }

    /** Every record of the topic from its beginning up to its end at the time of the call. */
    public List<Event> readAll(String topic) {
        Properties p = KafkaAccess.clientProperties(principal);
        // a group the principal's ACLs allow (subscribers: public-*); nothing is committed
        p.put(ConsumerConfig.GROUP_ID_CONFIG, (KafkaAccess.PUBLIC_SUBSCRIBER.equals(principal) ? "public-" : "")
                + "system-kit-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 2 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                        }
                        events.add(new Event(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers));
                    }
                }
            }
        }
        return events;
    }

    /** Writes one raw record (anything: the point is to send what no service would) and waits for the ack. */
    public void send(String topic, String key, String value) {
        Properties p = KafkaAccess.clientProperties(principal);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Records of the group's topics not yet committed by the group (end offset − committed, summed). */
    public long lag(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                    : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Moves the group's committed offsets back to the beginning of every partition of the topics, as
     * {@code kafka-consumer-groups --reset-offsets --to-earliest} does. The group must have no active member
     * (stop its consumers first), or the broker refuses.
     */
    public void resetToEarliest(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (String topic : topics) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(i -> earliest.put(new TopicPartition(topic, i.partition()), OffsetSpec.earliest()));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not reset group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Admin admin() {
        Properties p = KafkaAccess.clientProperties(principal);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(p);
    }
}
