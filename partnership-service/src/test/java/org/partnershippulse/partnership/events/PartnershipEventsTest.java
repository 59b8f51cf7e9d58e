package org.partnershippulse.partnership.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.events.partnership.PartnershipEventType.*;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.testkit.EmbeddedKafkaBroker;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class PartnershipEventsTest {

    private static final String TOPIC = PartnershipEventType.TOPIC;

    private static List<EventLog.Event> eventsOf(UUID partnershipId, int atLeast) {
        return EventLog.await(TOPIC, e -> partnershipId.toString().equals(e.key()), atLeast);
    }

    @Test
    void everyChangeIsPublishedAsValidCloudEventKeyedByPartnership() {
        Fixtures.World world = Fixtures.world("Events");
        String etag = given().auth().oauth2(token(world.coordinator())).get("/partnerships/{id}", world.partnershipId())
                .then().extract().header("ETag");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.partnershipBody(Fixtures.unique("Events renamed"))).put("/partnerships/{id}", world.partnershipId())
                .then().statusCode(200);

        // created, 2 memberships, 2 roles, updated
        List<EventLog.Event> events = eventsOf(world.partnershipId(), 6);
        assertEquals(Stream.of(PARTNERSHIP_CREATED, MEMBERSHIP_STARTED, MEMBERSHIP_STARTED, ROLE_GRANTED, ROLE_GRANTED,
                        PARTNERSHIP_UPDATED).map(PartnershipEventType::type).toList(),
                events.stream().map(EventLog.Event::type).toList());
        events.forEach(e -> EventSchemas.assertValid(e.raw()));
        EventLog.Event membership = events.get(2);
        assertEquals("EDUCATION", membership.data().path("sector").asText());
        assertEquals(world.memberOrganisation().toString(), membership.data().path("organisationId").asText());
        EventLog.Event role = events.get(4);
        assertEquals(world.member().subject(), role.data().path("subject").asText());
        assertEquals("EDUCATION", role.data().path("sector").asText());
    }

    @Test
    void everyEventTypeIsPublishedAndMatchesItsSchema() {
        Fixtures.World world = Fixtures.world("All events");
        UUID p = world.partnershipId();
        String coordinator = token(world.coordinator());
        String membershipId = given().auth().oauth2(coordinator).queryParam("sector", "EDUCATION")
                .get("/partnerships/{id}/memberships", p).then().extract().path("items[0].id");
        String etag = given().auth().oauth2(coordinator).get("/partnerships/{p}/memberships/{m}", p, membershipId)
                .then().extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("role", "STEERING_COMMITTEE", "joinedOn", "2025-01-15", "contribution", "Attendance data"))
                .put("/partnerships/{p}/memberships/{m}", p, membershipId).then().statusCode(200);
        String roleId = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("personId", world.memberPersonId(), "role", "COMMUNICATIONS"))
                .post("/partnerships/{id}/roles", p).then().statusCode(201).extract().path("id");
        given().auth().oauth2(coordinator).delete("/partnerships/{p}/roles/{r}", p, roleId).then().statusCode(200);
        String personEtag = given().auth().oauth2(coordinator).get("/people/{id}", world.memberPersonId()).then().extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", personEtag)
                .body(Map.of("name", "Renamed Member", "email", "renamed-" + UUID.randomUUID() + "@example.org",
                        "organisationId", world.memberOrganisation().toString()))
                .put("/people/{id}", world.memberPersonId()).then().statusCode(200);
        given().auth().oauth2(coordinator).delete("/partnerships/{p}/memberships/{m}", p, membershipId).then().statusCode(200);
        String partnershipEtag = given().auth().oauth2(coordinator).get("/partnerships/{id}", p).then().extract().header("ETag");
        partnershipEtag = given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", partnershipEtag)
                .body(Fixtures.partnershipBody(Fixtures.unique("All events, sustaining")))
                .put("/partnerships/{id}", p).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", partnershipEtag)
                .body(Map.of("reason", "Work continues elsewhere")).post("/partnerships/{id}/dissolve", p).then().statusCode(200);

        // created, 2 memberships started, 2 roles granted, membership changed, role granted and revoked,
        // person updated, membership ended, partnership updated and dissolved
        List<EventLog.Event> events = eventsOf(p, 12);
        events.forEach(e -> EventSchemas.assertValid(e.raw()));
        // The improvement context's types (plans, goals, ...) are covered by ImprovementEventsTest; notification.due
        // comes from assessment's events, not from these requests (NotificationMailTest has it); partnership.purged ends a
        // partnership for good (PartnershipPurgeTest).
        assertEquals(java.util.Arrays.stream(PartnershipEventType.values())
                        .filter(t -> t.dataType().getPackage() == PartnershipEventType.class.getPackage())
                        .filter(t -> t != PartnershipEventType.NOTIFICATION_DUE && t != PartnershipEventType.PARTNERSHIP_PURGED)
                        .map(PartnershipEventType::type).collect(Collectors.toSet()),
                events.stream().map(EventLog.Event::type).collect(Collectors.toSet()));
        EventLog.Event ended = events.stream().filter(e -> e.type().equals(MEMBERSHIP_ENDED.type())).findFirst().orElseThrow();
        assertEquals(java.time.LocalDate.now().toString(), ended.data().path("leftOn").asText());
        EventLog.Event renamed = events.stream().filter(e -> e.type().equals(PERSON_UPDATED.type())).findFirst().orElseThrow();
        assertEquals("Renamed Member", renamed.data().path("personName").asText());
    }

    /** The transactional outbox: changes committed while Kafka is down are published once it is back, each once. */
    @Test
    void changesMadeWhileTheBrokerIsDownArePublishedExactlyOnceAfterwards() {
        UUID partnershipId = Fixtures.partnership("Outage");
        eventsOf(partnershipId, 1);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        broker.stop();
        Set<String> organisations;
        try {
            organisations = java.util.stream.IntStream.range(0, 5).mapToObj(i -> {
                UUID org = Fixtures.organisation("Outage org " + i, "HOUSING");
                given().auth().oauth2(token(TestUser.ADMIN)).contentType(ContentType.JSON)
                        .body(Map.of("organisationId", org, "role", "MEMBER"))
                        .post("/partnerships/{id}/memberships", partnershipId).then().statusCode(201);
                return org.toString();
            }).collect(Collectors.toSet());
        } finally {
            broker.start();
        }

        List<EventLog.Event> events = eventsOf(partnershipId, 6);
        List<EventLog.Event> started = events.stream().filter(e -> e.type().equals(MEMBERSHIP_STARTED.type())).toList();
        assertEquals(5, started.size());
        assertEquals(organisations, started.stream().map(e -> e.data().path("organisationId").asText()).collect(Collectors.toSet()));
        assertEquals(events.size(), events.stream().map(EventLog.Event::id).distinct().count(), "no event twice");
    }
}
