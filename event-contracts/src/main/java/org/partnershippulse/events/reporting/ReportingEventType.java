package org.partnershippulse.events.reporting;

import org.partnershippulse.kit.events.EventType;

/**
 * The internal events reporting-service publishes, on its own topic (read by partnership-service only). Keyed by
 * partnership id, so a partnership's releases stay in order. Each type names the record its data binds to.
 */
public enum ReportingEventType implements EventType {
    REPORT_RELEASED("org.partnershippulse.report.released.v1", ReportReleasedData.class);

    public static final String TOPIC = "pulse.reporting.v1";

    private final String type;
    private final Class<?> dataType;

    ReportingEventType(String type, Class<?> dataType) {
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
