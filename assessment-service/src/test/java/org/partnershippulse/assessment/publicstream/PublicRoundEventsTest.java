package org.partnershippulse.assessment.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.assessment.Http.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.events.publicstream.PublicRound;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;

/**
 * What an outside subscriber of pulse.public.v1 receives from assessment-service: a round opened, closed, reopened
 * and closed again, with its instrument and dates and nothing about who was invited or who answered; nothing for a
 * refused lifecycle step.
 */
@QuarkusTest
class PublicRoundEventsTest {

    private static final Set<String> PUBLIC_FIELDS = new TreeSet<>(Arrays.stream(PublicRound.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList());

    @Test
    void roundLifecycleIsPublicWithoutAudienceCountsOrPeople() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "LIVED_EXPERIENCE");
        p.withMembers("HEALTH").ready();
        String round = Rounds.open(p);
        String roundId = Rounds.id(round);
        String response = Rounds.response(round);
        as(member.user()).body(Rounds.fullPai("trust-team-building")).when().put(response).then().statusCode(201);
        as(member.user()).when().post(response + "/submit").then().statusCode(200);

        as(p.coordinator.user()).header("If-Match", "\"0\"").when().post(round + "/close").then().statusCode(412);
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(409);
        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200);
        as(p.coordinator.user()).body("{\"reason\": \"Asked by " + member.user().name() + "\"}").when().post(round + "/reopen")
                .then().statusCode(200);
        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200);

        List<EventLog.Event> events = EventLog.await(PublicEventType.TOPIC, e -> p.id.toString().equals(e.key())
                && roundId.equals(e.data().path("roundId").asText()), 4);
        assertEquals(List.of(PublicEventType.ROUND_OPENED.type(), PublicEventType.ROUND_CLOSED.type(),
                PublicEventType.ROUND_OPENED.type(), PublicEventType.ROUND_CLOSED.type()),
                events.stream().map(EventLog.Event::type).toList(), "the refused close and open published nothing");
        for (EventLog.Event e : events) {
            EventSchemas.assertValid(e.raw());
            JsonNode data = e.data();
            List<String> fields = new ArrayList<>();
            data.fieldNames().forEachRemaining(fields::add);
            assertEquals(PUBLIC_FIELDS, new TreeSet<>(fields), "only the instrument and dates: no audience or counts");
            for (Partnerships.Person person : List.of(member, p.coordinator, p.members.get(1))) {
                assertFalse(e.raw().contains(person.user().subject()), "a login subject on the public stream");
                assertFalse(e.raw().contains(person.user().name()), "a person's name on the public stream");
                assertFalse(e.raw().contains(person.personId().toString()), "a person id on the public stream");
            }
            assertEquals("bcr-partnership-assessment-inventory", data.path("instrumentKey").asText());
            assertEquals("Partnership Assessment Inventory", data.path("instrumentTitle").asText());
        }
        assertTrue(events.get(0).data().path("reopenedAt").isNull());
        assertTrue(events.get(1).data().path("closedAt").isTextual());
        assertTrue(events.get(2).data().path("reopenedAt").isTextual(), "a reopened round is opened again, with reopenedAt");
        assertTrue(events.get(2).data().path("closedAt").isNull());
    }
}
