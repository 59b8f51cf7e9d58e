package org.partnershippulse.kit.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the whole event, attributes and data, is the Kafka record value
 * (content type {@code application/cloudevents+json}). {@code partitionkey} is the partitioning extension: the
 * partnership id, also the record key, so all events of a partnership stay in order. {@code traceparent} and
 * {@code tracestate} are the Distributed Tracing extension: the W3C trace context of the work that recorded the event,
 * present only when tracing is on ({@link EventTracing}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String partitionkey,
        String traceparent,
        String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SCHEMA_BASE = "https://partnershippulse.org/schemas/events/";
}
