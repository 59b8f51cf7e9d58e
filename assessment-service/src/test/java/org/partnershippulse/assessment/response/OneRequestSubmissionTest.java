package org.partnershippulse.assessment.response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;

/** POST /rounds/{id}/response/submission: save and submit a complete response in one request. */
@QuarkusTest
class OneRequestSubmissionTest {

    @Test
    void aCompleteResponseIsAcceptedAndPublishedOnceAlsoWhenRetried() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "LIVED_EXPERIENCE");
        Partnerships.Person marker = p.member("HEALTH_CARE", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);

        io.restassured.response.Response first = as(member.user()).body(Rounds.fullPai("trust-team-building"))
                .when().post(response + "/submission");
        String responseId = first.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("revisions", hasSize(1))
                .body("unsubmittedChanges", equalTo(false))
                .body("answers.trust-team-building.value", equalTo("NEEDS_IMMEDIATE_ATTENTION"))
                .body("results.lowestRated.itemKey", equalTo(List.of("trust-team-building")))
                .extract().path("id");

        // A retry (the answer was lost on the way back): the same submission, nothing recorded again.
        as(member.user()).body(Rounds.fullPai("trust-team-building")).when().post(response + "/submission")
                .then().statusCode(200)
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(responseId))
                .body("revision", equalTo(1))
                .body("revisions", hasSize(1));
        as(member.user()).when().get(response).then().statusCode(200).body("revision", equalTo(1));

        // Events of one partnership keep their order: once the marker's is there, a second one of ours would be too.
        as(marker.user()).body(Rounds.fullPai("none")).when().post(response + "/submission").then().statusCode(201);
        EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.RESPONSE_SUBMITTED.type(),
                d -> d.path("roundId").asText().equals(Rounds.id(round)), 2);
        List<EventLog.Event> ours = EventLog.readAll(AssessmentEventType.TOPIC).stream()
                .filter(e -> e.data().path("responseId").asText().equals(responseId)).toList();
        assertEquals(1, ours.size());
        EventSchemas.assertValid(ours.get(0).raw());
        assertEquals(p.id.toString(), ours.get(0).key());
        assertEquals(1, ours.get(0).data().path("revision").asInt());
        assertEquals("EDUCATION", ours.get(0).data().path("sector").asText());
        assertEquals("[\"LIVED_EXPERIENCE\"]", ours.get(0).data().path("roles").toString());
        assertEquals(31, ours.get(0).data().path("answers").size());
        assertEquals("We trust each other.", ours.get(0).data().path("reflections").get(0).path("text").asText());

        // Different answers are a revision, published as the second one.
        as(member.user()).header("If-Match", first.header("ETag")).body(Rounds.fullPai("none"))
                .when().post(response + "/submission")
                .then().statusCode(200)
                .body("revision", equalTo(2))
                .body("revisions.revision", equalTo(List.of(1, 2)))
                .body("results.lowestRated", hasSize(0));
        List<EventLog.Event> both = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.RESPONSE_SUBMITTED.type(),
                d -> d.path("responseId").asText().equals(responseId), 2);
        assertEquals(2, both.get(1).data().path("revision").asInt());
    }

    @Test
    void anIncompleteOrInvalidResponseIsRefusedWithNothingWritten() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));

        as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\"}}}")
                .when().post(response + "/submission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(30))
                .body("violations.field", hasItem("answers.trust-understanding-partners"))
                .body("violations.message", everyItem(equalTo("is required to submit")));
        as(member.user()).body(Rounds.fullPai("none").replace("\"CURRENTLY_EXISTS\"}", "\"SOMETIMES\"}"))
                .when().post(response + "/submission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", equalTo("must be one of [CURRENTLY_EXISTS, NEEDS_IMMEDIATE_ATTENTION, NEEDS_WORK_IN_FUTURE]"));
        as(member.user()).body(Rounds.fullPai("none").replace("\"language\": \"en\"", "\"language\": \"fr\""))
                .when().post(response + "/submission")
                .then().statusCode(400).body("violations[0].field", equalTo("language"));
        as(member.user()).body("{}").when().post(response + "/submission")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("answers"));

        // Nothing was written: no response, so a draft can still be created.
        as(member.user()).when().get(response).then().statusCode(404);
        as(member.user()).body("{\"answers\": {}}").when().put(response).then().statusCode(201).body("revision", equalTo(0));
    }

    @Test
    void aSavedDraftIsSubmittedWithTheAnswersSentAndAStaleETagIsRefused() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));
        String draft = as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\"}}}")
                .when().put(response).then().statusCode(201).extract().header("ETag");
        String changed = as(member.user()).header("If-Match", draft).body("{\"answers\": {}}")
                .when().put(response).then().statusCode(200).extract().header("ETag");

        as(member.user()).header("If-Match", draft).body(Rounds.fullPai("none")).when().post(response + "/submission")
                .then().statusCode(412).contentType("application/problem+json");
        as(member.user()).header("If-Match", changed).body(Rounds.fullPai("none")).when().post(response + "/submission")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1));
    }

    @Test
    void concurrentRetriesSubmitOnce() throws Exception {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);
        String body = Rounds.fullPai("none");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> as(member.user()).body(body).when().post(response + "/submission").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        // the others raced the creation (409) or came after it (200, the same submission)
        assertEquals(5, statuses.stream().filter(s -> s == 200 || s == 409).count(), statuses.toString());
        as(member.user()).when().get(response).then().statusCode(200).body("revision", equalTo(1));
        assertEquals(1, Rounds.event(AssessmentEventType.RESPONSE_SUBMITTED, Rounds.id(round), p).path("revision").asInt());
    }

    @Test
    void someoneElsesRoundOrAClosedRoundIsRefused() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);
        Partnerships other = Partnerships.create();
        Partnerships.Person stranger = other.member("HEALTH_CARE", "MEMBER");
        other.ready();

        // another partnership's people cannot tell the round exists
        as(stranger.user()).body(Rounds.fullPai("none")).when().post(response + "/submission")
                .then().statusCode(404).contentType("application/problem+json");
        as(other.coordinator.user()).body(Rounds.fullPai("none")).when().post(response + "/submission").then().statusCode(404);
        // nor can our member submit to theirs
        String theirs = Rounds.response(Rounds.open(other));
        as(member.user()).body(Rounds.fullPai("none")).when().post(theirs + "/submission").then().statusCode(404);
        as(stranger.user()).when().get(response).then().statusCode(404);

        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200);
        as(member.user()).body(Rounds.fullPai("none")).when().post(response + "/submission")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The round is closed: responses can no longer be saved or submitted"));
        as(member.user()).when().get(response).then().statusCode(404);
    }
}
