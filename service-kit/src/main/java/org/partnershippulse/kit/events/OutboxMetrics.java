package org.partnershippulse.kit.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code pulse_outbox_backlog}: events committed but not yet published. It grows while Kafka is unreachable and
 * drains when it is back. {@code pulse_outbox_oldest_age_seconds}: how long the oldest of them has waited, which
 * tells a stuck relay from a busy one (the alert in deploy/monitoring). Both read the database at each scrape (the
 * partial index on unpublished rows keeps that cheap).
 */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("pulse.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events committed to the outbox and not yet published to Kafka")
                .register(registry);
        Gauge.builder("pulse.outbox.oldest.age.seconds", relay, OutboxRelay::oldestUnpublishedAgeSeconds)
                .description("Seconds the oldest event not yet published has waited in the outbox (0 when none)")
                .register(registry);
    }
}
