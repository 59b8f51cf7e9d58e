package org.partnershippulse.kit.events;

/**
 * An event type a service publishes: its CloudEvents {@code type}, the topic it goes to and its schema version.
 * The event types are enums implementing this in event-contracts, one per publisher, with their payload records.
 */
public interface EventType {

    /** e.g. {@code org.partnershippulse.partnership.created.v1}. */
    String type();

    String topic();

    default String dataschema() {
        return CloudEvent.SCHEMA_BASE + type() + ".json";
    }
}
