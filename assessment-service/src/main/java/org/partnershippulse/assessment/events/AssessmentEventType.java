package org.partnershippulse.assessment.events;

import org.partnershippulse.kit.events.EventType;

/**
 * The events assessment-service publishes, all on one topic. Round and response events are keyed by partnership,
 * so a partnership's events stay in order; instrument events by instrument key.
 */
public enum AssessmentEventType implements EventType {
    PING("org.partnershippulse.diagnostics.ping.v1"),
    INSTRUMENT_PUBLISHED("org.partnershippulse.instrument.published.v1"),
    ROUND_OPENED("org.partnershippulse.round.opened.v1"),
    ROUND_REOPENED("org.partnershippulse.round.reopened.v1"),
    ROUND_CLOSED("org.partnershippulse.round.closed.v1"),
    RESPONSE_SUBMITTED("org.partnershippulse.assessment.response-submitted.v1");

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
