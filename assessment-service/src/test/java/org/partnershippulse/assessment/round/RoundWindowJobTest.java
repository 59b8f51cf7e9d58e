package org.partnershippulse.assessment.round;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.assessment.Http.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;

/** Rounds open and close by themselves at their planned times, as their coordinator would. */
@QuarkusTest
class RoundWindowJobTest {

    @Inject
    RoundWindowJob job;

    @Test
    void aRoundOpensAndClosesAtItsPlannedTimesWithTheSameEventsAsByHand() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION", "HEALTH_CARE").ready();
        Instant opensAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = opensAt.plus(1, ChronoUnit.HOURS);
        String round = Rounds.draft(p, ", \"opensAt\": \"%s\", \"closesAt\": \"%s\"".formatted(opensAt, closesAt));

        job.followWindows(opensAt.minusSeconds(1));
        as(p.coordinator.user()).when().get(round).then().statusCode(200).body("status", equalTo("DRAFT"));

        job.followWindows(opensAt.plus(Duration.ofMinutes(1)));
        as(p.coordinator.user()).when().get(round).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("openedBy", equalTo("system")).body("invitedCount", equalTo(3))
                .header("ETag", equalTo("\"1\""));
        assertEquals(3, Rounds.event(AssessmentEventType.ROUND_OPENED, Rounds.id(round), p).path("invitedCount").asInt());

        // A coordinator acting on the draft they saw before is told it changed meanwhile.
        as(p.coordinator.user()).header("If-Match", "\"0\"").when().post(round + "/close").then().statusCode(412);

        job.followWindows(closesAt.plus(Duration.ofMinutes(1)));
        as(p.coordinator.user()).when().get(round).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo("system")).body("closedAt", notNullValue());
        Rounds.event(AssessmentEventType.ROUND_CLOSED, Rounds.id(round), p);
        // Nothing more to do, however often it runs.
        job.followWindows(closesAt.plus(Duration.ofMinutes(2)));
        as(p.coordinator.user()).when().get(round).then().body("status", equalTo("CLOSED"));
    }

    @Test
    void aCoordinatorsOwnStepsAreRecordedAsTheirs() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION").ready();
        String round = Rounds.open(p);
        as(p.coordinator.user()).when().get(round).then()
                .body("openedBy", equalTo(p.coordinator.user().username())).body("closedBy", nullValue());
    }

    @Test
    void theReminderIsDueOnceBeforeCloseAndNamesOnlyThoseWhoHaveNotSubmitted() {
        Partnerships p = Partnerships.create();
        Partnerships.Person submitter = p.member("EDUCATION", "MEMBER");
        Partnerships.Person pending = p.member("HEALTH_CARE", "MEMBER");
        p.ready();
        Instant closesAt = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String round = Rounds.draft(p, ", \"closesAt\": \"%s\"".formatted(closesAt));
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(200);
        JsonNode opened = Rounds.event(AssessmentEventType.ROUND_OPENED, Rounds.id(round), p);
        assertEquals(Set.of(p.coordinator.personId().toString(), submitter.personId().toString(),
                pending.personId().toString()), texts(opened.path("inviteePersonIds")));
        as(submitter.user()).body(Rounds.fullPai("trust-team-building")).when().put(Rounds.response(round))
                .then().statusCode(201);
        as(submitter.user()).when().post(Rounds.response(round) + "/submit").then().statusCode(200);

        assertEquals(0, job.remind(closesAt.minus(Duration.ofDays(4))), "not yet: more than three days before close");
        assertEquals(1, job.remind(closesAt.minus(Duration.ofDays(2))));
        assertEquals(0, job.remind(closesAt.minus(Duration.ofDays(1))), "once per round");

        JsonNode due = Rounds.event(AssessmentEventType.ROUND_REMINDER_DUE, Rounds.id(round), p);
        assertEquals(Set.of(p.coordinator.personId().toString(), pending.personId().toString()),
                texts(due.path("personIds")));
        assertEquals(closesAt, Instant.parse(due.path("closesAt").asText()));
        assertEquals(false, due.path("anonymous").asBoolean());
        // The closed event does not repeat who was invited.
        job.followWindows(closesAt.plus(Duration.ofMinutes(1)));
        assertTrue(Rounds.event(AssessmentEventType.ROUND_CLOSED, Rounds.id(round), p).path("inviteePersonIds").isNull());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
