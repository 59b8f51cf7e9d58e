package org.partnershippulse.partnership.publicstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestUser;

/**
 * What an outside subscriber of pulse.public.v1 receives from partnership-service: every partnership and membership
 * change as it commits, valid against the committed schemas, naming organisations and sectors and never a person;
 * nothing for a request that was refused.
 */
@QuarkusTest
class PublicStreamTest {

    private static List<EventLog.Event> publicEvents(UUID partnershipId, int atLeast) {
        return EventLog.await(PublicEventType.TOPIC, e -> partnershipId.toString().equals(e.key()), atLeast);
    }

    private static List<String> types(List<EventLog.Event> events) {
        return events.stream().map(EventLog.Event::type).toList();
    }

    private static String etag(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void lifecycleIsPublishedWithOrganisationsAndSectorsAndNeverAPerson() {
        Fixtures.World world = Fixtures.world("Public lifecycle");
        UUID p = world.partnershipId();
        String coordinator = token(world.coordinator());
        given().auth().oauth2(coordinator).get("/partnerships/{id}", p).then().body("sharesResultsPublicly", equalTo(false));
        // a name nothing else in the world contains, for the member's person entry
        String memberName = "Zelda Quintero " + UUID.randomUUID();
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .header("If-Match", etag(coordinator, "/people/{id}", world.memberPersonId()))
                .body(Map.of("name", memberName, "email", world.member().email(), "organisationId", world.memberOrganisation().toString()))
                .put("/people/{id}", world.memberPersonId()).then().statusCode(200);

        Map<String, Object> consent = Fixtures.partnershipBody(Fixtures.unique("Public lifecycle, sharing"));
        consent.put("description", "Led by " + memberName + ", write to " + world.member().email());
        consent.put("sharesResultsPublicly", true);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", etag(coordinator, "/partnerships/{id}", p))
                .body(consent).put("/partnerships/{id}", p).then().statusCode(200).body("sharesResultsPublicly", equalTo(true));
        String membershipId = given().auth().oauth2(coordinator).queryParam("sector", "EDUCATION")
                .get("/partnerships/{id}/memberships", p).then().extract().path("items[0].id");
        given().auth().oauth2(coordinator).delete("/partnerships/{p}/memberships/{m}", p, membershipId).then().statusCode(200);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", etag(coordinator, "/partnerships/{id}", p))
                .body(Map.of("reason", "Merged into the county network; ask " + world.coordinator().name()))
                .post("/partnerships/{id}/dissolve", p).then().statusCode(200);

        List<EventLog.Event> events = publicEvents(p, 6);
        assertEquals(List.of(PublicEventType.PARTNERSHIP_CREATED.type(), PublicEventType.MEMBERSHIP_STARTED.type(),
                PublicEventType.MEMBERSHIP_STARTED.type(), PublicEventType.PARTNERSHIP_UPDATED.type(),
                PublicEventType.MEMBERSHIP_ENDED.type(), PublicEventType.PARTNERSHIP_DISSOLVED.type()), types(events));
        for (EventLog.Event e : events) {
            EventSchemas.assertValid(e.raw());
            assertEquals("application/cloudevents+json; charset=UTF-8", e.contentType());
            for (TestUser person : List.of(world.coordinator(), world.member())) {
                assertFalse(e.raw().contains(person.subject()), "a login subject on the public stream: " + e.raw());
                assertFalse(e.raw().contains(person.email()), "an e-mail on the public stream: " + e.raw());
            }
            assertFalse(e.raw().contains(memberName), "a person's name on the public stream: " + e.raw());
            assertFalse(e.raw().contains(world.memberPersonId().toString()), "a person id on the public stream: " + e.raw());
        }
        assertFalse(events.get(0).data().path("sharesResultsPublicly").asBoolean());
        assertTrue(events.get(3).data().path("sharesResultsPublicly").asBoolean());
        assertEquals(world.memberOrganisation().toString(), events.get(4).data().path("organisationId").asText());
        assertEquals("EDUCATION", events.get(4).data().path("sector").asText());
        assertEquals(java.time.LocalDate.now().toString(), events.get(4).data().path("leftOn").asText());
        assertEquals("DISSOLVED", events.get(5).data().path("status").asText());
        assertEquals(java.time.LocalDate.now().toString(), events.get(5).data().path("dissolvedOn").asText());

        // the services learn the consent from the internal event
        EventLog.Event updated = EventLog.await(PartnershipEventType.TOPIC, e -> p.toString().equals(e.key())
                && PartnershipEventType.PARTNERSHIP_UPDATED.type().equals(e.type()), 1).get(0);
        EventSchemas.assertValid(updated.raw());
        assertTrue(updated.data().path("sharesResultsPublicly").asBoolean());
    }

    @Test
    void aRefusedRequestPublishesNothing() {
        UUID p = Fixtures.partnership("Public refusals");
        UUID organisation = Fixtures.organisation("Refused org", "HOUSING");
        Fixtures.member(p, organisation, "MEMBER");
        String admin = token(TestUser.ADMIN);
        String stale = etag(admin, "/partnerships/{id}", p);
        Map<String, Object> body = Fixtures.partnershipBody(Fixtures.unique("Public refusals, renamed"));
        body.put("sharesResultsPublicly", true);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", stale)
                .body(body).put("/partnerships/{id}", p).then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", stale)
                .body(body).put("/partnerships/{id}", p).then().statusCode(412);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("organisationId", organisation, "role", "MEMBER"))
                .post("/partnerships/{id}/memberships", p).then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("organisationId", UUID.randomUUID(), "role", "MEMBER"))
                .post("/partnerships/{id}/memberships", p).then().statusCode(400);
        given().auth().oauth2(token(TestUser.fresh("stranger"))).contentType(ContentType.JSON)
                .header("If-Match", etag(admin, "/partnerships/{id}", p))
                .body(Map.of("reason", "Not mine to dissolve")).post("/partnerships/{id}/dissolve", p).then().statusCode(404);
        Map<String, Object> bad = new java.util.HashMap<>(body);
        bad.put("sharesResultsPublicly", "yes");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag(admin, "/partnerships/{id}", p))
                .body(bad).put("/partnerships/{id}", p).then().statusCode(400)
                .body("violations[0].field", equalTo("sharesResultsPublicly"));

        // a change after the refusals: the relay publishes in commit order, so anything refused would be before it
        UUID later = Fixtures.organisation("Accepted org", "HEALTH_CARE");
        Fixtures.member(p, later, "MEMBER");
        List<EventLog.Event> events = new ArrayList<>(publicEvents(p, 4));
        assertEquals(List.of(PublicEventType.PARTNERSHIP_CREATED.type(), PublicEventType.MEMBERSHIP_STARTED.type(),
                PublicEventType.PARTNERSHIP_UPDATED.type(), PublicEventType.MEMBERSHIP_STARTED.type()), types(events));
        assertEquals(later.toString(), events.get(3).data().path("organisationId").asText());
    }
}
