package org.partnershippulse.systemkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How a client reaches the system's broker as one Kafka principal: bootstrap and security settings for a Java
 * client, or the KAFKA_* environment of the Node subscriber (clients/event-subscriber).
 *
 * <p>Placeholder of the outside-subscriber branch: the broker it runs against is still plaintext without ACLs, so
 * the principal is not used and no security settings are returned. The kafka-security branch replaces this class
 * with the SASL_SSL version (same signatures).
 */
public final class KafkaAccess {

    /** What another county system gets: reads pulse.public.v1 only, with groups named public-*. */
    public static final String PUBLIC_SUBSCRIBER = "public-subscriber";

    private KafkaAccess() {
    }

    /** Bootstrap and security settings for a Java Kafka client acting as {@code principal}. */
    public static Properties clientProperties(String principal) {
        Properties p = new Properties();
        p.put("bootstrap.servers", PulseEnvironment.fromEnvironment().kafkaBootstrap());
        return p;
    }

    /**
     * The environment of a Node client acting as {@code principal}: {@code KAFKA_BROKERS}, and for a secured broker
     * {@code KAFKA_SASL_MECHANISM} (scram-sha-512), {@code KAFKA_USERNAME}, {@code KAFKA_PASSWORD}, {@code KAFKA_CA_FILE}.
     */
    public static Map<String, String> nodeEnvironment(String principal) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BROKERS", PulseEnvironment.fromEnvironment().kafkaBootstrap());
        return env;
    }
}
