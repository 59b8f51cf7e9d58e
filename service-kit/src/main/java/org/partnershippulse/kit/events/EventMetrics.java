package org.partnershippulse.kit.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The event counters every service exports on {@code /q/metrics} (names and labels in {@code contracts/metrics.txt}):
 * {@code pulse_events_published_total{type}}, {@code pulse_events_consumed_total{type,consumer}} and
 * {@code pulse_events_dead_lettered_total{type}}. Label values come only from the event-type enums and the
 * consumers' names, so a hostile or broken record cannot create series: a type no consumer knows is counted as
 * {@value #UNKNOWN}, a record that is not a CloudEvent as {@value #UNREADABLE}.
 */
@ApplicationScoped
public class EventMetrics {

    static final String UNKNOWN = "unknown";
    static final String UNREADABLE = "unreadable";

    @Inject
    MeterRegistry registry;

    /** One event the broker acknowledged (the outbox relay); a redelivery after a crash counts again. */
    public void published(String type) {
        Counter.builder("pulse.events.published").description("Events the broker acknowledged, by CloudEvent type")
                .tag("type", type).register(registry).increment();
    }

    /** One event a consumer applied for the first time (committed; redeliveries the inbox recognises are not counted). */
    public void consumed(String consumer, String type) {
        Counter.builder("pulse.events.consumed").description("Events applied by a consumer, by CloudEvent type")
                .tag("type", type).tag("consumer", consumer).register(registry).increment();
    }

    /** One record sent to the channel's dead-letter topic. */
    public void deadLettered(String type) {
        Counter.builder("pulse.events.dead.lettered")
                .description("Records sent to a dead-letter topic, by CloudEvent type (unknown, unreadable)")
                .tag("type", type).register(registry).increment();
    }
}
