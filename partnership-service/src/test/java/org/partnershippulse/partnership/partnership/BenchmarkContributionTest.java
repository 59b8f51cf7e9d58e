package org.partnershippulse.partnership.partnership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestUser;

/**
 * A partnership's choice to contribute to the benchmarks across partnerships (issue 18): made by its coordinators
 * only, audited, and carried to reporting in the partnership's internal event.
 */
@QuarkusTest
class BenchmarkContributionTest {

    private static final String PATH = "/partnerships/{id}/benchmark-contribution";

    @Test
    void coordinatorOptsInAndOutAuditedAndPublishedToTheServices() {
        Fixtures.World world = Fixtures.world("Benchmark opt-in");
        UUID p = world.partnershipId();
        String coordinator = token(world.coordinator());
        given().auth().oauth2(coordinator).get("/partnerships/{id}", p).then().statusCode(200)
                .body("contributesToBenchmarks", equalTo(false));

        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("contributes", true))
                .put(PATH, p).then().statusCode(200).header("ETag", "\"1\"")
                .body("contributesToBenchmarks", equalTo(true));
        // a later description change (PUT without the field) keeps the choice: it is not part of the description
        String etag = given().auth().oauth2(coordinator).get("/partnerships/{id}", p).then().extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.partnershipBody(Fixtures.unique("Renamed"))).put("/partnerships/{id}", p)
                .then().statusCode(200).body("contributesToBenchmarks", equalTo(true));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("contributes", false))
                .put(PATH, p).then().statusCode(200).body("contributesToBenchmarks", equalTo(false));

        given().auth().oauth2(coordinator).get("/partnerships/{id}/audit?size=100", p).then().statusCode(200)
                .body("items.summary", hasItem("Opted in to the benchmarks across partnerships (from its next release)"))
                .body("items.summary", hasItem("Opted out of the benchmarks across partnerships (from its next release)"));

        List<EventLog.Event> updates = EventLog.await(PartnershipEventType.TOPIC, e -> p.toString().equals(e.key())
                && PartnershipEventType.PARTNERSHIP_UPDATED.type().equals(e.type()), 3);
        updates.forEach(e -> EventSchemas.assertValid(e.raw()));
        assertTrue(updates.get(0).data().path("contributesToBenchmarks").asBoolean());
        assertTrue(updates.get(1).data().path("contributesToBenchmarks").asBoolean());
        assertFalse(updates.get(2).data().path("contributesToBenchmarks").asBoolean());
        assertEquals(3, updates.size());
    }

    @Test
    void onlyTheCoordinatorsDecideNotMembersAdministratorsOrOutsiders() {
        Fixtures.World world = Fixtures.world("Benchmark consent");
        UUID p = world.partnershipId();
        Map<String, Object> in = Map.of("contributes", true);
        given().auth().oauth2(token(world.member())).contentType(ContentType.JSON).body(in).put(PATH, p)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON).body(in).put(PATH, p)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(TestUser.fresh("outsider"))).contentType(ContentType.JSON).body(in).put(PATH, p)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(TestUser.ADMIN)).get("/partnerships/{id}", p).then()
                .body("contributesToBenchmarks", equalTo(false));
    }

    @Test
    void badInputNamesTheField() {
        Fixtures.World world = Fixtures.world("Benchmark input");
        String coordinator = token(world.coordinator());
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of())
                .put(PATH, world.partnershipId()).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("contributes"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(Map.of("contributes", "yes"))
                .put(PATH, world.partnershipId()).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("contributes"));
    }
}
