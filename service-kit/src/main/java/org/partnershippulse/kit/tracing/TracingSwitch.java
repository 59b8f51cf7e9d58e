package org.partnershippulse.kit.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * The one switch for tracing: OpenTelemetry is built into every service but its SDK stays off (no spans recorded, no
 * exporter, nothing sent) unless an OTLP endpoint is configured, by the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * or by {@code quarkus.otel.exporter.otlp.[traces.]endpoint}. An explicit {@code quarkus.otel.sdk.disabled} wins.
 * Without this, Quarkus would export to localhost:4317 by default, and retry there, on every laptop and test.
 */
@Priority(Priorities.APPLICATION + 100)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (given(value)) {
            return value;
        }
        if (ENDPOINT.equals(name)) {
            ConfigValue standard = context.proceed(STANDARD_ENDPOINT);
            return given(standard) ? standard.withName(name) : value;
        }
        if (SDK_DISABLED.equals(name)) {
            boolean endpoint = given(context.proceed(STANDARD_ENDPOINT)) || given(context.proceed(ENDPOINT))
                    || given(context.proceed(TRACES_ENDPOINT));
            return ConfigValue.builder().withName(name).withValue(Boolean.toString(!endpoint))
                    .withConfigSourceName("pulse tracing switch (no OTLP endpoint configured)").build();
        }
        return value;
    }

    /**
     * Set by someone, not blank. A mapping's built-in default (Quarkus' {@code sdk.disabled=false}) comes from a
     * defaults source of negative ordinal: that is no one's choice.
     */
    private static boolean given(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= 0;
    }
}
