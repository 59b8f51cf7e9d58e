package org.partnershippulse.events.assessment;

import org.partnershippulse.kit.events.EventType;

/**
 * The events assessment-service publishes, all on one topic. Round and response events are keyed by partnership,
 * so a partnership's events stay in order; instrument events by instrument key. Each type names the record its
 * data binds to.
 */
public enum AssessmentEventType implements EventType {
    PING("org.partnershippulse.diagnostics.ping.v1", PingData.class),
    INSTRUMENT_PUBLISHED("org.partnershippulse.instrument.published.v1", InstrumentPublishedData.class),
    ROUND_OPENED("org.partnershippulse.round.opened.v1", RoundData.class),
    ROUND_REOPENED("org.partnershippulse.round.reopened.v1", RoundData.class),
    ROUND_CLOSED("org.partnershippulse.round.closed.v1", RoundData.class),
    ROUND_REMINDER_DUE("org.partnershippulse.round.reminder-due.v1", RoundReminderDueData.class),
    RESPONSE_SUBMITTED("org.partnershippulse.assessment.response-submitted.v1", ResponseSubmittedData.class);

    public static final String TOPIC = "pulse.assessment.v1";

    private final String type;
    private final Class<?> dataType;

    AssessmentEventType(String type, Class<?> dataType) {
        this.type = type;
        this.dataType = dataType;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** The payload record of this type (its {@code data}). */
    public Class<?> dataType() {
        return dataType;
    }
}
