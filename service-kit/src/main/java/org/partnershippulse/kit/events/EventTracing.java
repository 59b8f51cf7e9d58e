package org.partnershippulse.kit.events;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trace context across the outbox and Kafka, as the CloudEvents Distributed Tracing extension carries it: the W3C
 * {@code traceparent} (and {@code tracestate}) of the work that recorded an event travels in the event itself, so the
 * relay's publish span and the consumer's span join the trace of the request that made the change. The context is
 * in the envelope, not in Kafka headers (the record's only header stays content-type). With tracing off nothing is
 * recorded and no event carries a context.
 */
@ApplicationScoped
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true")
    boolean disabled;

    /** False when the SDK is off (no endpoint): then every span here is a no-op and events carry no context. */
    boolean enabled() {
        return !disabled;
    }

    /** The current span's context as {traceparent, tracestate} (either may be null: no sampled span, no state). */
    static Carried current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Carried.NONE;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return new Carried(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The context an event carries, as a parent (the root context if it carries none, or an unreadable one). */
    static Context parent(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP);
    }

    /** The relay's span for sending one event: a child of the context the event was recorded in. */
    Span publishing(OutboxEvent event) {
        return tracer.spanBuilder(event.topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(parent(event.traceparent, event.tracestate))
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, event.topic)
                .setAttribute(OPERATION, "publish").setAttribute(MESSAGE_ID, event.id.toString())
                .setAttribute(EVENT_TYPE, event.type).startSpan();
    }

    /** A consumer's span for applying one event: a child of the context the event carries. */
    Span consuming(String consumer, CloudEvent event) {
        return tracer.spanBuilder(consumer + " process " + event.type()).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent(event.traceparent(), event.tracestate()))
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER_GROUP, consumer).setAttribute(MESSAGE_ID, event.id().toString())
                .setAttribute(EVENT_TYPE, event.type()).startSpan();
    }

    /**
     * The span of a batch's shared work (the inbox statement, netted writes): in the trace of its events when they
     * all carry the same one (the usual single-event batch), else a trace of its own; linked to each event either way.
     */
    Span batch(String consumer, List<CloudEvent> events) {
        var builder = tracer.spanBuilder(consumer + " apply batch").setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER_GROUP, consumer)
                .setAttribute(AttributeKey.longKey("messaging.batch.message_count"), (long) events.size());
        String trace = null;
        boolean oneTrace = !events.isEmpty();
        Context first = Context.root();
        for (CloudEvent event : events) {
            Context context = parent(event.traceparent(), event.tracestate());
            var spanContext = Span.fromContext(context).getSpanContext();
            if (!spanContext.isValid()) {
                oneTrace = false;
                continue;
            }
            builder.addLink(spanContext);
            if (trace == null) {
                trace = spanContext.getTraceId();
                first = context;
            } else if (!trace.equals(spanContext.getTraceId())) {
                oneTrace = false;
            }
        }
        builder.setParent(oneTrace ? first : Context.root());
        return builder.startSpan();
    }

    /** A context carried in an event; both null when there is none. */
    record Carried(String traceparent, String tracestate) {
        static final Carried NONE = new Carried(null, null);
    }
}
