package org.partnershippulse.system.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.KafkaAccess;

/**
 * The broker scripts/lib.sh runs is the one a county runs: SASL_SSL, one SCRAM principal per service and ACLs
 * (scripts/kafka/acls.txt). An outside subscriber reads the public stream and nothing else; a service cannot read or
 * forge another's topic; a wrong password gets nobody in; on the mTLS listener the client certificate is the principal. Nothing is written to any topic (every write here is
 * refused before a record exists), so other tests' event counts are untouched.
 */
class KafkaAclsIT {

    @BeforeAll
    static void securedBroker() {
        assumeTrue(KafkaAccess.secured(), "PULSE_KAFKA_SECURITY=plaintext: the broker has no ACLs to test");
    }

    @Test
    void theSubscriberReadsThePublicStream() {
        // Describe + Read on pulse.public.v1 with a public-* group: partitions found, offsets readable
        try (KafkaConsumer<String, String> c = consumer(KafkaAccess.PUBLIC_SUBSCRIBER, "public-acl-test-")) {
            List<TopicPartition> partitions = partitions(c, EventTopics.PUBLIC);
            assertEquals(3, partitions.size());
            c.assign(partitions);
            c.seekToBeginning(partitions);
            c.poll(Duration.ofSeconds(1));
            assertEquals(3, c.endOffsets(partitions).size());
        }
    }

    @Test
    void theSubscriberIsRefusedTheInternalTopics() {
        for (String internal : List.of(EventTopics.PARTNERSHIP, EventTopics.ASSESSMENT, EventTopics.ASSESSMENT_DLQ,
                EventTopics.REPORTING_DLQ, EventTopics.PARTNERSHIP_DLQ)) {
            try (KafkaConsumer<String, String> c = consumer(KafkaAccess.PUBLIC_SUBSCRIBER, "public-acl-test-")) {
                assertThrows(TopicAuthorizationException.class, () -> c.partitionsFor(internal, Duration.ofSeconds(30)),
                        "public-subscriber reading " + internal);
            }
        }
    }

    @Test
    void theSubscriberCannotPublishToThePublicStream() {
        // refused at the producer's first request (no Write anywhere: not even a producer id) or at the topic
        assertInstanceOf(AuthorizationException.class, refusedWrite(KafkaAccess.PUBLIC_SUBSCRIBER, EventTopics.PUBLIC));
    }

    @Test
    void theSubscriberUsesOnlyItsOwnGroups() {
        try (KafkaConsumer<String, String> c = consumer(KafkaAccess.PUBLIC_SUBSCRIBER, "reporting-service-")) {
            c.subscribe(List.of(EventTopics.PUBLIC));
            assertThrows(GroupAuthorizationException.class, () -> c.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aServiceIsRefusedTopicsItHasNoAclFor() {
        // assessment-service never reads its own answers back, nor reporting's dead letters
        assertInstanceOf(TopicAuthorizationException.class, refusedRead("assessment-service", EventTopics.ASSESSMENT));
        assertInstanceOf(TopicAuthorizationException.class, refusedRead("assessment-service", EventTopics.REPORTING_DLQ));
        // partnership-service reads only assessment's events (for its notifications), not even the topic it writes
        assertInstanceOf(TopicAuthorizationException.class, refusedRead("partnership-service", EventTopics.PARTNERSHIP));
        // reporting-service cannot forge partnership or assessment events
        assertInstanceOf(AuthorizationException.class, refusedWrite("reporting-service", EventTopics.PARTNERSHIP));
        assertInstanceOf(AuthorizationException.class, refusedWrite("reporting-service", EventTopics.ASSESSMENT));
    }

    @Test
    void aWrongPasswordGetsNobodyIn() {
        Properties p = KafkaAccess.clientProperties(KafkaAccess.PUBLIC_SUBSCRIBER);
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"pulse-admin\" password=\"guessed\";");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "public-acl-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            assertThrows(SaslAuthenticationException.class, () -> c.partitionsFor(EventTopics.PUBLIC, Duration.ofSeconds(30)));
        }
    }

    @Test
    void withMutualTlsTheClientCertificateIsThePrincipal() {
        // the same ACLs as with SCRAM: the certificate CN=public-subscriber reads the public stream only
        try (KafkaConsumer<String, String> c = mtlsConsumer(KafkaAccess.PUBLIC_SUBSCRIBER)) {
            assertEquals(3, partitions(c, EventTopics.PUBLIC).size());
            assertThrows(TopicAuthorizationException.class, () -> c.partitionsFor(EventTopics.ASSESSMENT, Duration.ofSeconds(30)));
        }
        try (KafkaConsumer<String, String> c = mtlsConsumer("reporting-service")) {
            assertEquals(3, partitions(c, EventTopics.ASSESSMENT).size());
        }
        // no certificate, no entry
        Properties anonymous = KafkaAccess.mtlsClientProperties(KafkaAccess.PUBLIC_SUBSCRIBER);
        anonymous.keySet().removeIf(k -> k.toString().startsWith("ssl.keystore."));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(anonymous, new StringDeserializer(), new StringDeserializer())) {
            assertThrows(SslAuthenticationException.class, () -> c.partitionsFor(EventTopics.PUBLIC, Duration.ofSeconds(30)));
        }
    }

    private static KafkaConsumer<String, String> mtlsConsumer(String principal) {
        return new KafkaConsumer<>(KafkaAccess.mtlsClientProperties(principal), new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String groupPrefix) {
        Properties p = KafkaAccess.clientProperties(principal);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix.endsWith("-") ? groupPrefix + UUID.randomUUID() : groupPrefix);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(30)).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** The exception a read of partition 0 from its beginning ends with (no group: no group ACL involved). */
    private static Throwable refusedRead(String principal, String topic) {
        Properties p = KafkaAccess.clientProperties(principal);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    c.poll(Duration.ofSeconds(1));
                } catch (RuntimeException e) {
                    return e;
                }
            }
            throw new AssertionError(principal + " could read " + topic);
        }
    }

    /** The cause of a refused send (the record never reaches the topic), or fails the test if it was written. */
    private static Throwable refusedWrite(String principal, String topic) {
        Properties p = KafkaAccess.clientProperties(principal);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "acl-test", "{\"forged\":true}")).get(40, TimeUnit.SECONDS);
            throw new AssertionError(principal + " could write to " + topic);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (AuthorizationException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(principal + " writing to " + topic + ": " + e, e);
        }
    }
}
