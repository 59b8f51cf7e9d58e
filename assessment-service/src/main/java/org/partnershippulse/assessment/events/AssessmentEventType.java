package org.partnershippulse.assessment.events;

import org.partnershippulse.kit.events.EventType;

/** The events assessment-service publishes, all on one topic keyed by partnership, so they stay in order. */
public enum AssessmentEventType implements EventType {
    PING("org.partnershippulse.diagnostics.ping.v1");

    public static final String TOPIC = "pulse.assessment.v1";

    private final String type;

    AssessmentEventType(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
