package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic of the test broker from the beginning, as an independent subscriber would, to find the events a
 * test caused. The broker is shared by all tests of a JVM, so tests look for their own events by content.
 */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Event(String key, Map<String, String> headers, String raw) {
        public String contentType() {
            return headers.get("content-type");
        }

        public JsonNode value() {
            return parse(raw);
        }

        public String type() {
            return value().path("type").asText();
        }

        public String id() {
            return value().path("id").asText();
        }

        public JsonNode data() {
            return value().path("data");
        }
    }

    private EventLog() {
    }

    public static List<Event> readAll(String topic) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(),
                "enable.auto.commit", "false",
                "auto.offset.reset", "earliest",
                // give up quickly (and be retried by the caller) rather than block while a broker restarts
                "default.api.timeout.ms", "10000",
                "request.timeout.ms", "10000");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new java.util.HashMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                    events.add(new Event(r.key(), headers, r.value()));
                }
            }
        }
        return events;
    }

    /** Waits until the topic holds at least {@code count} events matching, and returns all that match. */
    public static List<Event> await(String topic, Predicate<Event> matching, int count) {
        List<List<Event>> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(Long.getLong("pulse.test.event-timeout-seconds", 90))).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> {
            List<Event> matches = readAll(topic).stream().filter(matching).toList();
            found.clear();
            found.add(matches);
            return matches.size() >= count;
        });
        return found.get(0);
    }

    /** Waits until the topic holds at least {@code count} records whose value contains the marker. */
    public static List<Event> awaitRaw(String topic, String marker, int count) {
        return await(topic, e -> e.raw() != null && e.raw().contains(marker), count);
    }

    /** Waits until the topic holds at least {@code count} CloudEvents of a type matching the predicate on data. */
    public static List<Event> awaitType(String topic, String type, Predicate<JsonNode> data, int count) {
        return await(topic, e -> e.raw() != null && e.raw().contains(type) && type.equals(e.type()) && data.test(e.data()), count);
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
