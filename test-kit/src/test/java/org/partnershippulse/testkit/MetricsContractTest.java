package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsContractTest {

    /** With tracing on, Micrometer appends an exemplar to a sample: its trace labels and value are not the sample's. */
    @Test
    void readsTheSampleNotItsExemplar() {
        String scrape = """
                # TYPE pulse_events_consumed_total counter
                pulse_events_consumed_total{consumer="partnership-events",type="a.v1"} 2.0 # {span_id="9c36",trace_id="c483"} 1.0 1796322690.717
                pulse_events_consumed_total{consumer="partnership-events",type="b.v1"} 3.0
                pulse_outbox_backlog 4.0
                """;
        assertEquals(2.0, MetricsContract.value(scrape, "pulse_events_consumed_total", Map.of("type", "a.v1")));
        assertEquals(5.0, MetricsContract.value(scrape, "pulse_events_consumed_total", Map.of("consumer", "partnership-events")));
        assertEquals(4.0, MetricsContract.value(scrape, "pulse_outbox_backlog", Map.of()));
        assertEquals(0.0, MetricsContract.value(scrape, "pulse_events_consumed_total", Map.of("trace_id", "c483")));
    }
}
