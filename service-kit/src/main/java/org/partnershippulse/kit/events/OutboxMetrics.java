package org.partnershippulse.kit.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code pulse_outbox_backlog}: events committed but not yet published. It grows while Kafka is unreachable and
 * drains when it is back; a backlog that keeps growing is worth an alert.
 */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("pulse.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events committed to the outbox and not yet published to Kafka")
                .register(registry);
    }
}
