package org.partnershippulse.reporting.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.MetricsContract;
import org.partnershippulse.testkit.TestEvents;

/**
 * What an operator's dashboard and alerts read (contracts/metrics.txt, deploy/monitoring): events applied and
 * dead-lettered are counted by type and consumer, a public release is counted as published, and /q/metrics carries
 * every metric the contract lists for this service.
 */
@QuarkusTest
class MetricsTest {

    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of("EDUCATION", 4), Map.of("MEMBER", 4), List.of("SECTOR"));

    static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String name, Map<String, String> labels) {
        return MetricsContract.value(scrape(), name, labels);
    }

    @Test
    void appliedAndDeadLetteredEventsAreCountedAndAPublicReleaseIsPublished() {
        Map<String, String> submitted = Map.of("type", AssessmentEventType.RESPONSE_SUBMITTED.type(), "consumer", "assessment-events");
        Map<String, String> released = Map.of("type", PublicEventType.ROUND_RESULTS_RELEASED.type());
        double consumed = value("pulse_events_consumed_total", submitted);
        double unreadable = value("pulse_events_dead_lettered_total", Map.of("type", "unreadable"));
        double unknown = value("pulse_events_dead_lettered_total", Map.of("type", "unknown"));
        double published = value("pulse_events_published_total", released);

        Partnership p = Partnership.create("Metrics " + UUID.randomUUID(), null);
        p.shareResultsPublicly(true, 1);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        String first = ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of("trust-team-building", "CURRENTLY_EXISTS")));
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), first); // a redelivery: not counted again
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of("trust-team-building", "NEEDS_WORK_IN_FUTURE")));
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), "{not json");
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), TestEvents.cloudEvent(UUID.randomUUID(),
                "/assessment-service", "org.example.round.renamed.v9", p.id().toString(), "{}"));
        Releases.cut(round, 2);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = scrape();
            assertEquals(consumed + 2, MetricsContract.value(now, "pulse_events_consumed_total", submitted));
            assertEquals(unreadable + 1, MetricsContract.value(now, "pulse_events_dead_lettered_total", Map.of("type", "unreadable")));
            assertEquals(unknown + 1, MetricsContract.value(now, "pulse_events_dead_lettered_total", Map.of("type", "unknown")));
            assertEquals(published + 1, MetricsContract.value(now, "pulse_events_published_total", released));
        });
    }

    @Test
    void everyMetricTheContractListsForThisServiceIsExported() {
        appliedAndDeadLetteredEventsAreCountedAndAPublicReleaseIsPublished();
        MetricsContract.assertExported("reporting-service", scrape());
    }
}
