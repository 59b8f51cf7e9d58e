package org.partnershippulse.kit.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.partnershippulse.kit.events.KafkaClients;

/**
 * Whether the service reaches its Kafka brokers, for people and dashboards, never for Kubernetes: a {@code @Wellness}
 * check (in {@code /q/health} and {@code /q/health/well}, not in {@code /q/health/ready} nor {@code /live}) and the
 * gauge {@code pulse_kafka_reachable}. A broker outage must not take the services out of their Service: the writers
 * keep accepting (the outbox holds the events) and reporting keeps answering, saying its read models are stale. The
 * channels' own readiness checks are off for the same reason (service-kit's configuration).
 *
 * <p>Probed on a schedule (describe the cluster, with a short timeout), so a health request never waits on Kafka.
 * The admin client is shared with whoever needs one more look at the brokers (reporting's read-model freshness).
 */
@ApplicationScoped
public class KafkaReachability {

    @Inject
    KafkaClients clients;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "pulse.kafka.probe-timeout", defaultValue = "PT3S")
    Duration timeout;

    private volatile Admin admin;
    private volatile boolean stopped;
    private volatile Instant lastReached;
    private volatile Instant lastProbed;
    private volatile String lastError = "not probed yet";

    @PostConstruct
    void meters() {
        Gauge.builder("pulse.kafka.reachable", this, k -> k.reachable() ? 1 : 0)
                .description("1 while the last probe of the Kafka brokers (describe cluster) succeeded, else 0")
                .register(registry);
    }

    @Scheduled(every = "${pulse.kafka.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        Instant at = Instant.now();
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            lastReached = at;
            lastError = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
        } finally {
            lastProbed = at;
        }
    }

    /** True while the last probe reached the brokers. */
    public boolean reachable() {
        return lastError == null && lastReached != null;
    }

    /** Why the last probe failed; null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    /** When the brokers were last probed; null before the first probe. */
    public Instant lastProbed() {
        return lastProbed;
    }

    /** When the brokers last answered; null if never since start. */
    public Instant lastReached() {
        return lastReached;
    }

    /** A client of the service's own principal and TLS settings, made at first use, closed at shutdown. */
    public synchronized Admin admin() {
        if (stopped) {
            throw new IllegalStateException("stopping");
        }
        if (admin == null) {
            admin = Admin.create(clients.config(Map.of(
                    "client.id", "pulse-health-" + Long.toHexString(System.nanoTime()),
                    "request.timeout.ms", String.valueOf(timeout.toMillis()),
                    "default.api.timeout.ms", String.valueOf(timeout.toMillis()))));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        stopped = true;
        if (admin != null) {
            admin.close(Duration.ZERO); // in-flight probes are abandoned: stopping never waits on the brokers
        }
    }

    @Wellness
    @ApplicationScoped
    public static class Check implements HealthCheck {

        @Inject
        KafkaReachability kafka;

        @Override
        public HealthCheckResponse call() {
            HealthCheckResponseBuilder r = HealthCheckResponse.named("Kafka brokers (not part of readiness)")
                    .status(kafka.reachable());
            // through the methods: kafka is a client proxy, its fields are not the bean's
            if (kafka.lastReached() != null) {
                r.withData("lastReached", kafka.lastReached().toString());
            }
            if (kafka.lastProbed() != null) {
                r.withData("lastProbed", kafka.lastProbed().toString());
            }
            if (kafka.lastError() != null) {
                r.withData("error", kafka.lastError());
            }
            return r.build();
        }
    }
}
