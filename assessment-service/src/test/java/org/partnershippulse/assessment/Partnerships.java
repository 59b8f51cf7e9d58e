package org.partnershippulse.assessment;

import static org.partnershippulse.assessment.Http.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.events.EventType;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestUser;

/**
 * A partnership as partnership-service would announce it on pulse.partnership.v1: the partnership, its member
 * organisations and its people's roles. Each test builds its own, with fresh people, so tests never share state.
 */
public final class Partnerships {

    public static final String TOPIC = PartnershipEventType.TOPIC;
    private static final String SOURCE = "/partnership-service";

    public record Person(TestUser user, UUID personId, UUID organisationId, String organisationName, String sector, String role) {
    }

    public final UUID id = UUID.randomUUID();
    public final Person coordinator;
    public final List<Person> members = new ArrayList<>();

    private Partnerships(String declaredDimension) {
        publish(PartnershipEventType.PARTNERSHIP_CREATED, """
                {"partnershipId":"%s","name":"Eastside Families %s","status":"ACTIVE","geographyType":"CITY",
                 "geographyName":"Eastside","structure":"STEERING_COMMITTEE","declaredDimension":%s,
                 "aspiredDimension":null,"leadOrganisationId":null,"version":1}"""
                .formatted(id, id.toString().substring(0, 6), declaredDimension == null ? "null" : "\"" + declaredDimension + "\""));
        coordinator = person("coordinator", "CHILD_WELFARE", "COORDINATOR");
    }

    /** A new partnership with a coordinator, declared as COOPERATION. */
    public static Partnerships create() {
        return new Partnerships("COOPERATION");
    }

    /** Adds a person with a role, from their own new member organisation in the sector. */
    public Person member(String sector, String role) {
        Person p = person("member-" + (members.size() + 1), sector, role);
        members.add(p);
        return p;
    }

    public Partnerships withMembers(String... sectors) {
        for (String sector : sectors) {
            member(sector, "MEMBER");
        }
        return this;
    }

    public void revoke(Person p) {
        publish(PartnershipEventType.ROLE_REVOKED, roleJson(p, UUID.nameUUIDFromBytes((p.personId() + p.role()).getBytes()), "\"" + Instant.now() + "\""));
    }

    /** Waits until the projection knows everyone: each can list the partnership's rounds. */
    public Partnerships ready() {
        List<Person> everyone = new ArrayList<>(members);
        everyone.add(coordinator);
        for (Person p : everyone) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    as(p.user()).when().get("/partnerships/" + id + "/rounds").statusCode() == 200);
        }
        return this;
    }

    private Person person(String name, String sector, String role) {
        TestUser user = TestUser.fresh(name + "-" + UUID.randomUUID().toString().substring(0, 6));
        UUID organisationId = UUID.randomUUID();
        String organisationName = sector.charAt(0) + sector.substring(1).toLowerCase().replace('_', ' ') + " agency " + organisationId.toString().substring(0, 4);
        Person p = new Person(user, UUID.randomUUID(), organisationId, organisationName, sector, role);
        publish(PartnershipEventType.MEMBERSHIP_STARTED, """
                {"membershipId":"%s","partnershipId":"%s","organisationId":"%s","organisationName":"%s","sector":"%s",
                 "role":"MEMBER","joinedOn":"2026-01-15","leftOn":null,"version":1}"""
                .formatted(UUID.randomUUID(), id, organisationId, organisationName, sector));
        publish(PartnershipEventType.ROLE_GRANTED, roleJson(p, UUID.nameUUIDFromBytes((p.personId() + role).getBytes()), "null"));
        return p;
    }

    private String roleJson(Person p, UUID roleId, String revokedAt) {
        return """
                {"roleId":"%s","partnershipId":"%s","personId":"%s","subject":"%s","personName":"%s","organisationId":"%s",
                 "organisationName":"%s","sector":"%s","role":"%s","grantedAt":"2026-01-15T10:00:00Z","revokedAt":%s}"""
                .formatted(roleId, id, p.personId(), p.user().subject(), p.user().name(), p.organisationId(),
                        p.organisationName(), p.sector(), p.role(), revokedAt);
    }

    public void publish(EventType type, String data) {
        publish(type.type(), data);
    }

    /** Any type, also one outside the contract. */
    public void publish(String type, String data) {
        TestEvents.publish(TOPIC, id.toString(), TestEvents.cloudEvent(UUID.randomUUID(), SOURCE, type, id.toString(), data));
    }
}
