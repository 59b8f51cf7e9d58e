package org.partnershippulse.assessment.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.MetricsContract;
import org.partnershippulse.testkit.TestEvents;

/**
 * What an operator's dashboard and alerts read (contracts/metrics.txt, deploy/monitoring): each business metric
 * moves when its thing happens, and /q/metrics carries every metric the contract lists for this service.
 */
@QuarkusTest
class MetricsTest {

    static final String CONSUMER = "partnership-events";

    static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String name, Map<String, String> labels) {
        return MetricsContract.value(scrape(), name, labels);
    }

    @Test
    void aSubmissionIsCountedAcceptedAndItsEventPublished() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);
        double accepted = value("pulse_submissions_accepted_total", Map.of());
        Map<String, String> submitted = Map.of("type", AssessmentEventType.RESPONSE_SUBMITTED.type());
        double published = value("pulse_events_published_total", submitted);

        as(member.user()).body(Rounds.fullPai("trust-team-building")).when().put(response).then().statusCode(201);
        as(member.user()).when().post(response + "/submit").then().statusCode(200);
        // submitting again with nothing changed is not a new submission
        as(member.user()).when().post(response + "/submit").then().statusCode(200);

        assertEquals(accepted + 1, value("pulse_submissions_accepted_total", Map.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(published + 1, value("pulse_events_published_total", submitted)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(0.0, value("pulse_outbox_backlog", Map.of())));
        assertEquals(0.0, value("pulse_outbox_oldest_age_seconds", Map.of()));
    }

    @Test
    void consumedAndDeadLetteredEventsAreCountedByType() {
        Map<String, String> granted = Map.of("type", PartnershipEventType.ROLE_GRANTED.type(), "consumer", CONSUMER);
        double consumed = value("pulse_events_consumed_total", granted);
        double unreadable = value("pulse_events_dead_lettered_total", Map.of("type", "unreadable"));
        double unknown = value("pulse_events_dead_lettered_total", Map.of("type", "unknown"));
        double badGrant = value("pulse_events_dead_lettered_total", Map.of("type", PartnershipEventType.ROLE_GRANTED.type()));

        Partnerships p = Partnerships.create();
        TestEvents.publish(Partnerships.TOPIC, p.id.toString(), "{not json");
        p.publish("org.example.partnership.renamed.v9", "{}");
        p.publish(PartnershipEventType.ROLE_GRANTED, "{\"roleId\": \"" + UUID.randomUUID() + "\"}");
        p.member("HEALTH_CARE", "MEMBER");
        p.ready();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = scrape();
            assertEquals(unreadable + 1, MetricsContract.value(now, "pulse_events_dead_lettered_total", Map.of("type", "unreadable")));
            assertEquals(unknown + 1, MetricsContract.value(now, "pulse_events_dead_lettered_total", Map.of("type", "unknown")));
            assertEquals(badGrant + 1, MetricsContract.value(now, "pulse_events_dead_lettered_total",
                    Map.of("type", PartnershipEventType.ROLE_GRANTED.type())));
            // the coordinator's and the member's grants were applied; the broken one was not
            assertEquals(consumed + 2, MetricsContract.value(now, "pulse_events_consumed_total", granted));
        });
    }

    @Test
    void everyMetricTheContractListsForThisServiceIsExported() {
        aSubmissionIsCountedAcceptedAndItsEventPublished();
        consumedAndDeadLetteredEventsAreCountedByType();
        MetricsContract.assertExported("assessment-service", scrape());
    }
}
