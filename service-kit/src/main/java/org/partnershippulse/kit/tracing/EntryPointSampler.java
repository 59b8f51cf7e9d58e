package org.partnershippulse.kit.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A trace starts only where work enters a service: an HTTP request (SERVER) or a consumed event (CONSUMER); below
 * those, a span follows its parent's decision. Statements with no request or event around them (the outbox relay's
 * poll every second, health probes, scheduled jobs) would otherwise each be a trace of one database span. Quarkus
 * takes this bean instead of {@code quarkus.otel.traces.sampler}.
 */
@Singleton
public class EntryPointSampler implements Sampler {

    private final Sampler parentBased = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        if (root && spanKind != SpanKind.SERVER && spanKind != SpanKind.CONSUMER) {
            return SamplingResult.drop();
        }
        return parentBased.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "EntryPointSampler{" + parentBased.getDescription() + "}";
    }
}
