package org.partnershippulse.partnership.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.events.OutboxRelay;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.MetricsContract;

/**
 * What an operator's dashboard and alerts read (contracts/metrics.txt, deploy/monitoring): an outbox that does not
 * drain shows in the backlog and the age of its oldest event, published events are counted by type, and /q/metrics
 * carries every metric the contract lists for this service.
 */
@QuarkusTest
class MetricsTest {

    @Inject
    AgroalDataSource db;

    static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String name, Map<String, String> labels) {
        return MetricsContract.value(scrape(), name, labels);
    }

    @Test
    void anOutboxThatDoesNotDrainShowsItsBacklogAndAgeUntilTheEventIsPublished() throws Exception {
        Map<String, String> created = Map.of("type", PartnershipEventType.PARTNERSHIP_CREATED.type());
        double published = value("pulse_events_published_total", created);
        try (Connection relayBlocked = db.getConnection(); Statement s = relayBlocked.createStatement()) {
            // the relay takes this lock for each pass: while the test holds it, nothing leaves the outbox
            s.execute("select pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            Fixtures.partnership("Stuck outbox");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String now = scrape();
                assertTrue(MetricsContract.value(now, "pulse_outbox_backlog", Map.of()) >= 1, "backlog");
                assertTrue(MetricsContract.value(now, "pulse_outbox_oldest_age_seconds", Map.of()) >= 2, "oldest age");
            });
            assertEquals(published, value("pulse_events_published_total", created));
            s.execute("select pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = scrape();
            assertEquals(0.0, MetricsContract.value(now, "pulse_outbox_backlog", Map.of()));
            assertEquals(0.0, MetricsContract.value(now, "pulse_outbox_oldest_age_seconds", Map.of()));
            assertEquals(published + 1, MetricsContract.value(now, "pulse_events_published_total", created));
        });
    }

    @Test
    void everyMetricTheContractListsForThisServiceIsExported() {
        Fixtures.partnership("Metrics");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                MetricsContract.assertExported("partnership-service", scrape()));
    }
}
