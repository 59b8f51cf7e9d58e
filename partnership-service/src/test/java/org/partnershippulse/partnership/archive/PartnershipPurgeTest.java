package org.partnershippulse.partnership.archive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.partnership.improvement.PlanFixtures;
import org.partnershippulse.partnership.audit.AuditEntry;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * A platform administrator deletes a partnership entirely: all its data goes, shared records another partnership sees
 * stay, one platform audit entry survives, and partnership.purged tells the other services to drop their copies.
 */
@QuarkusTest
class PartnershipPurgeTest {

    @Test
    void onlyAPlatformAdministratorPurgesAndThenNothingOfThePartnershipIsLeft() {
        Fixtures.World world = Fixtures.world("Purged");
        Fixtures.World other = Fixtures.world("Stays");
        // the school district is also a member of the other partnership: it stays, the family services go
        Fixtures.member(other.partnershipId(), world.memberOrganisation(), "MEMBER");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("decisionProcess", "Consensus")).when().post("/partnerships/{id}/agreements", world.partnershipId())
                .then().statusCode(201);
        UUID round = UUID.randomUUID();
        ArchiveResourceTest.released(world.partnershipId(), round, 1, true);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ArchiveResourceTest.stored(world.partnershipId()) == 1);
        // an improvement plan with a goal, a commitment and a check-in goes too
        String plan = PlanFixtures.plan(world, 2);
        String goal = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation()));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("organisationId", world.coordinatorOrganisation(), "contribution", "Data by the 5th",
                        "dueOn", java.time.LocalDate.now().plusMonths(1).toString()))
                .post(goal + "/commitments").then().statusCode(201);
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(Map.of("goalId", PlanFixtures.id(goal), "status",
                        "ON_TRACK", "value", 50)))).post(plan + "/check-ins").then().statusCode(201);
        String path = "/partnerships/" + world.partnershipId();

        given().when().delete(path + "?purge=true").then().statusCode(401);
        given().auth().oauth2(token(world.coordinator())).when().delete(path + "?purge=true").then().statusCode(403);
        given().auth().oauth2(token(world.member())).when().delete(path + "?purge=true").then().statusCode(403);
        given().auth().oauth2(token(other.coordinator())).when().delete(path + "?purge=true").then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().delete(path + "?purge=maybe").then().statusCode(400)
                .body("violations[0].field", equalTo("purge"));
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().delete(path).then().statusCode(409);

        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().delete(path + "?purge=true").then().statusCode(204);

        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get(path + "/archive").then().statusCode(404);
        given().auth().oauth2(token(world.coordinator())).when().get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get("/organisations/{id}", world.coordinatorOrganisation())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get("/organisations/{id}", world.memberOrganisation())
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get("/people/{id}", world.memberPersonId()).then().statusCode(404);
        assertEquals(0, ArchiveResourceTest.stored(world.partnershipId()));
        // one entry survives, in the platform's trail: which partnership and counts, nothing of its content
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() ->
                AuditEntry.count("entityId = ?1 and action = 'purged' and partnershipId is null", world.partnershipId())));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("partnershipId", world.partnershipId())));

        EventLog.Event purged = EventLog.awaitType(PartnershipEventType.TOPIC, PartnershipEventType.PARTNERSHIP_PURGED.type(),
                d -> world.partnershipId().toString().equals(d.path("partnershipId").asText()), 1).get(0);
        EventSchemas.assertValid(purged.raw());
        assertEquals(world.partnershipId().toString(), purged.key());

        given().auth().oauth2(token(other.coordinator())).when().get("/partnerships/{id}/archive", other.partnershipId())
                .then().statusCode(200);
    }
}
