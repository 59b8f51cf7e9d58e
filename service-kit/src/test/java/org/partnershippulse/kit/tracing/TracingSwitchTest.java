package org.partnershippulse.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is on exactly when an OTLP endpoint is configured, unless explicitly turned off. */
class TracingSwitchTest {

    /** The service-kit line that maps the standard variable, as every service has it. */
    private static final Map<String, String> KIT = Map.of(TracingSwitch.ENDPOINT, "${OTEL_EXPORTER_OTLP_ENDPOINT:}");

    @Test
    void offWithoutAnEndpoint() {
        assertEquals("true", sdkDisabled(Map.of()));
    }

    @Test
    void offWithAnEmptyEndpoint() {
        // the ConfigMaps ship OTEL_EXPORTER_OTLP_ENDPOINT= (empty): tracing stays off
        assertEquals("true", sdkDisabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "")));
    }

    @Test
    void onWithTheStandardVariable() {
        SmallRyeConfig config = config(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));
        assertEquals("false", config.getOptionalValue(TracingSwitch.SDK_DISABLED, String.class).orElse(null));
        assertEquals("http://collector:4317", config.getOptionalValue(TracingSwitch.ENDPOINT, String.class).orElse(null));
    }

    @Test
    void onWithQuarkusOwnTracesEndpoint() {
        assertEquals("false", sdkDisabled(Map.of(TracingSwitch.TRACES_ENDPOINT, "http://collector:4318")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals("true", sdkDisabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                TracingSwitch.SDK_DISABLED, "true")));
        assertEquals("false", sdkDisabled(Map.of(TracingSwitch.SDK_DISABLED, "false")));
    }

    private static String sdkDisabled(Map<String, String> given) {
        return config(given).getOptionalValue(TracingSwitch.SDK_DISABLED, String.class).orElse(null);
    }

    private static SmallRyeConfig config(Map<String, String> given) {
        Map<String, String> properties = new HashMap<>(KIT);
        properties.putAll(given);
        // Quarkus' own mapping defaults (sdk.disabled=false, the endpoint localhost:4317) are in a defaults source
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new TracingSwitch())
                .withDefaultValue(TracingSwitch.SDK_DISABLED, "false")
                .withDefaultValue(TracingSwitch.TRACES_ENDPOINT, "http://localhost:4317")
                .withSources(new PropertiesConfigSource(properties, "test", 300)).build();
    }
}
