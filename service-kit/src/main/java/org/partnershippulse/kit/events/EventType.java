package org.partnershippulse.kit.events;

/**
 * An event type a service publishes: its CloudEvents {@code type}, the topic it goes to and its schema version.
 * Each service lists its own in an enum implementing this.
 */
public interface EventType {

    /** e.g. {@code org.partnershippulse.partnership.created.v1}. */
    String type();

    String topic();

    default String dataschema() {
        return CloudEvent.SCHEMA_BASE + type() + ".json";
    }
}
