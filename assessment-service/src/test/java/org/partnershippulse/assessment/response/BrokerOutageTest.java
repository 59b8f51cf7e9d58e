package org.partnershippulse.assessment.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EmbeddedKafkaBroker;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;

/** A committed submission is always published, also when Kafka is down at the time, and exactly once. */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void submissionsDuringABrokerOutageArePublishedExactlyOnceWhenItReturns() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION", "HEALTH_CARE", "LIVED_EXPERIENCE", "EDUCATION");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);

        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.shared();
        List<String> responseIds = new ArrayList<>();
        broker.stop();
        try {
            for (Partnerships.Person member : p.members) {
                as(member.user()).body(Rounds.fullPai("trust-team-building")).when().put(response).then().statusCode(201);
                responseIds.add(as(member.user()).when().post(response + "/submit").then().statusCode(200).extract().path("id"));
            }
        } finally {
            broker.start();
        }

        Set<String> ids = new HashSet<>(responseIds);
        List<EventLog.Event> events = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.RESPONSE_SUBMITTED.type(),
                d -> ids.contains(d.path("responseId").asText()), responseIds.size());
        for (String id : responseIds) {
            List<EventLog.Event> forResponse = events.stream().filter(e -> e.data().path("responseId").asText().equals(id)).toList();
            assertEquals(1, forResponse.size(), "events for response " + id);
            EventSchemas.assertValid(forResponse.get(0).raw());
            assertEquals(p.id.toString(), forResponse.get(0).key());
        }
        assertEquals(responseIds.size(), events.stream().map(EventLog.Event::id).distinct().count());
    }
}
