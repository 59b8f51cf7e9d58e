package org.partnershippulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The name reader MonitoringTest relies on: it finds every metric, and nothing else, so a misspelt name is caught. */
class PromQlTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNoFunctionLabelOrDuration() {
        assertEquals(Set.of("pulse_events_dead_lettered_total"), PromQl.metricNames("""
                sum by (namespace, job, type) (increase(pulse_events_dead_lettered_total[15m])) > 0
                or sum by (namespace, job, type) (pulse_events_dead_lettered_total unless pulse_events_dead_lettered_total offset 15m) > 0"""));
        assertEquals(Set.of("http_server_requests_seconds_count"), PromQl.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{namespace=~\"$namespace\", status=~\"5..\"}[$__rate_interval])) "
                        + "/ sum without (pod) (rate(http_server_requests_seconds_count{job=~\"${job}\"}[5m])) > 0.05"));
        assertEquals(Set.of("up"), PromQl.metricNames("absent(up{job=\"partnership-service\"}) or absent(up{job=\"reporting-service\"})"));
        assertEquals(Set.of("pulse_outbox_backlog", "agroal_active_count"), PromQl.metricNames(
                "topk(10, max by (job) (pulse_outbox_backlog) * on (pod) group_left agroal_active_count) * 60 + 1e3"));
    }

    @Test
    void aMisspeltMetricIsFoundAsItIsWritten() {
        assertEquals(Set.of("pulse_outbox_oldest_age"), PromQl.metricNames("max by (job) (pulse_outbox_oldest_age) > 300"));
    }

    @Test
    void findsTheLabelsEachSelectorMatchesOn() {
        assertEquals(Map.of("jvm_memory_used_bytes", Set.of("namespace", "area"), "http_server_requests_seconds_count", Set.of("route")),
                PromQl.selectorLabels("sum(jvm_memory_used_bytes{namespace=~\"$namespace\", area=\"heap\"}) "
                        + "/ rate(http_server_requests_seconds_count{route!=\"/q/health\"}[5m])"));
    }
}
