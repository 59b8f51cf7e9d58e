package org.partnershippulse.systemkit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How a client reaches the local broker scripts/lib.sh runs, as one of its principals: SASL_SSL with SCRAM-SHA-512
 * and the CA made for the run directory ({@code $PULSE_RUN_DIR/kafka-security}: {@code <principal>.properties},
 * {@code <principal>.password}, {@code ca.pem}), or PLAINTEXT when the broker was started with
 * {@code PULSE_KAFKA_SECURITY=plaintext}. The principals and their ACLs: scripts/kafka/acls.txt.
 */
public final class KafkaAccess {

    /** Super user: the scripts and the tests' own consumers and producers (reading topics, writing poison). */
    public static final String ADMIN = "pulse-admin";
    /** What another county system gets: reads pulse.public.v1 only, with groups named public-*. */
    public static final String PUBLIC_SUBSCRIBER = "public-subscriber";

    private KafkaAccess() {
    }

    /** Bootstrap servers and security settings for a Java Kafka client connecting as {@code principal}. */
    public static Properties clientProperties(String principal) {
        PulseEnvironment env = PulseEnvironment.fromEnvironment();
        Properties p = new Properties();
        if (secured(env)) {
            Path file = dir(env).resolve(principal + ".properties");
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("no Kafka credentials for " + principal + " in " + file
                        + " (start the broker with scripts/lib.sh pulse_kafka_up, or set PULSE_KAFKA_SECURITY=plaintext)", e);
            }
        } else {
            p.put("security.protocol", "PLAINTEXT");
        }
        p.put("bootstrap.servers", env.kafkaBootstrap());
        return p;
    }

    /**
     * Settings for a Java client that authenticates with its TLS certificate instead (mTLS: the broker's second
     * listener, {@code PULSE_KAFKA_MTLS_PORT}, default Kafka port + 3; the certificate's CN is the principal, the same
     * ACLs apply). Only on the secured broker.
     */
    public static Properties mtlsClientProperties(String principal) {
        PulseEnvironment env = PulseEnvironment.fromEnvironment();
        if (!secured(env)) {
            throw new IllegalStateException("PULSE_KAFKA_SECURITY=plaintext: the broker has no mTLS listener");
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + PulseEnvironment.env("PULSE_KAFKA_MTLS_PORT", Integer.toString(env.kafkaPort() + 3)));
        p.put("security.protocol", "SSL");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", dir(env).resolve(principal + ".p12").toString());
        p.put("ssl.keystore.password", password(env, principal));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", dir(env).resolve("ca.pem").toString());
        return p;
    }

    /**
     * The environment of a Node client (clients/): {@code KAFKA_BROKERS}, and on the secured broker
     * {@code KAFKA_SASL_MECHANISM=scram-sha-512}, {@code KAFKA_USERNAME}, {@code KAFKA_PASSWORD} and
     * {@code KAFKA_CA_FILE} (PEM).
     */
    public static Map<String, String> nodeEnvironment(String principal) {
        PulseEnvironment env = PulseEnvironment.fromEnvironment();
        Map<String, String> e = new LinkedHashMap<>();
        e.put("KAFKA_BROKERS", env.kafkaBootstrap());
        if (secured(env)) {
            e.put("KAFKA_SASL_MECHANISM", "scram-sha-512");
            e.put("KAFKA_USERNAME", principal);
            e.put("KAFKA_PASSWORD", password(env, principal));
            e.put("KAFKA_CA_FILE", dir(env).resolve("ca.pem").toString());
        }
        return e;
    }

    /** The variables a service reads (service-kit's microprofile-config.properties) to connect as {@code principal}. */
    public static Map<String, String> serviceEnvironment(String principal) {
        PulseEnvironment env = PulseEnvironment.fromEnvironment();
        Map<String, String> e = new LinkedHashMap<>();
        e.put("KAFKA_BOOTSTRAP_SERVERS", env.kafkaBootstrap());
        if (secured(env)) {
            e.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            e.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            e.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + principal + "\" password=\"" + password(env, principal) + "\";");
            e.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            e.put("KAFKA_SSL_TRUSTSTORE_LOCATION", dir(env).resolve("ca.pem").toString());
        } else {
            e.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        }
        return e;
    }

    /** As scripts/lib.sh: SASL_SSL unless PULSE_KAFKA_SECURITY=plaintext. */
    public static boolean secured() {
        return secured(PulseEnvironment.fromEnvironment());
    }

    private static boolean secured(PulseEnvironment env) {
        return !"plaintext".equalsIgnoreCase(PulseEnvironment.env("PULSE_KAFKA_SECURITY", "sasl_ssl"));
    }

    private static Path dir(PulseEnvironment env) {
        return env.runDir().resolve("kafka-security");
    }

    private static String password(PulseEnvironment env, String principal) {
        Path file = dir(env).resolve(principal + ".password");
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no Kafka password for " + principal + " in " + file
                    + " (start the broker with scripts/lib.sh pulse_kafka_up)", e);
        }
    }
}
