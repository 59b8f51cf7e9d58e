package org.partnershippulse.assessment.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.AssessmentTopicsResource;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.TestEvents;

/** partnership-service's events, and nothing else, decide who belongs to a partnership here. */
@QuarkusTest
class PartnershipProjectionTest {

    @Test
    void aRevokedRoleTakesAwayAccessToThePartnershipsRounds() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        p.revoke(member);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                as(member.user()).when().get("/partnerships/" + p.id + "/rounds").statusCode() == 404);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String marker = UUID.randomUUID().toString();
        Partnerships p = Partnerships.create();
        TestEvents.publish(Partnerships.TOPIC, p.id.toString(), "{not json " + marker);
        p.publish(PartnershipEventType.ROLE_GRANTED, "{\"roleId\": \"" + UUID.randomUUID() + "\", \"note\": \"" + marker + "\"}");
        Partnerships.Person member = p.member("HEALTH_CARE", "MEMBER");
        p.ready();

        List<EventLog.Event> dead = EventLog.awaitRaw(AssessmentTopicsResource.DLQ, marker, 2);
        assertEquals(2, dead.size());
        as(member.user()).when().get("/partnerships/" + p.id + "/rounds").then().statusCode(200);
    }

    @Test
    void anEventOfAnUnknownTypeGoesToTheDeadLetterTopicWithItsReason() {
        String marker = UUID.randomUUID().toString();
        Partnerships p = Partnerships.create();
        p.publish("org.example.agreement.signed.v1", "{\"agreementId\": \"" + marker + "\"}");
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();

        List<EventLog.Event> dead = EventLog.awaitRaw(AssessmentTopicsResource.DLQ, marker, 1);
        assertEquals(1, dead.size());
        assertEquals("unknown event type org.example.agreement.signed.v1", dead.get(0).headers().get("dead-letter-reason"));
        as(member.user()).when().get("/partnerships/" + p.id + "/rounds").then().statusCode(200);
    }
}
