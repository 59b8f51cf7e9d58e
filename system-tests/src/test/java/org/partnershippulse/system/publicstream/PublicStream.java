package org.partnershippulse.system.publicstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.systemkit.KafkaAccess;

/**
 * The public stream as a subscriber outside the system reads it: every record of {@code pulse.public.v1}, read as a
 * given Kafka principal with a plain Java consumer (no group: partitions assigned, nothing committed).
 */
final class PublicStream {

    static final String TOPIC = PublicEventType.TOPIC;
    static final String PARTNERSHIP_CREATED = PublicEventType.PARTNERSHIP_CREATED.type();
    static final String MEMBERSHIP_STARTED = PublicEventType.MEMBERSHIP_STARTED.type();
    static final String ROUND_OPENED = PublicEventType.ROUND_OPENED.type();
    static final String ROUND_CLOSED = PublicEventType.ROUND_CLOSED.type();
    static final String RESULTS_RELEASED = PublicEventType.ROUND_RESULTS_RELEASED.type();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: its key, headers and value (raw, and parsed when it is JSON). */
    record Record(int partition, long offset, String key, Map<String, String> headers, String value, JsonNode event) {
        String type() {
            return event == null ? "" : event.path("type").asText();
        }

        JsonNode data() {
            return event == null ? JSON.missingNode() : event.path("data");
        }
    }

    private PublicStream() {
    }

    /**
     * Every record of the topic from its beginning, read as {@code principal}, until the results of {@code roundId}
     * have been read and the partitions' ends (as they were at that moment) are reached; fails after {@code timeout}.
     */
    static List<Record> readUntilReleased(String principal, String roundId, Duration timeout) {
        Properties p = KafkaAccess.clientProperties(principal);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<Record> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Map<TopicPartition, Long>> end = new ArrayList<>(); // the ends once the results were read
            while (end.isEmpty() || partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(0).get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the results of round " + roundId + " were not on " + TOPIC + " within "
                            + timeout.toSeconds() + " s (" + records.size() + " records read as " + principal + ")");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Record record = record(r);
                    records.add(record);
                    if (end.isEmpty() && RESULTS_RELEASED.equals(record.type()) && roundId.equals(record.data().path("roundId").asText())) {
                        end.add(consumer.endOffsets(partitions));
                    }
                }
            }
        }
        return records;
    }

    private static Record record(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        JsonNode event;
        try {
            event = r.value() == null ? null : JSON.readTree(r.value());
        } catch (Exception e) {
            event = null;
        }
        return new Record(r.partition(), r.offset(), r.key(), headers, r.value(), event);
    }
}
