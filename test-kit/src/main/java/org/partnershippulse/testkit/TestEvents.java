package org.partnershippulse.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records to the test broker as another service would. */
public final class TestEvents {

    private TestEvents() {
    }

    public static void publish(String topic, String key, String value) {
        Map<String, Object> config = Map.of("bootstrap.servers", EmbeddedKafkaBroker.shared().bootstrapServers(), "acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** A structured-mode CloudEvent with the given data (a JSON object literal). */
    public static String cloudEvent(UUID id, String source, String type, String partitionKey, String dataJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","time":"%s","datacontenttype":"application/json",\
                "dataschema":"https://partnershippulse.org/schemas/events/%s.json","partitionkey":"%s","data":%s}"""
                .formatted(id, source, type, Instant.now(), type, partitionKey, dataJson);
    }
}
