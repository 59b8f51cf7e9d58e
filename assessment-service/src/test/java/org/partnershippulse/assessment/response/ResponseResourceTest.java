package org.partnershippulse.assessment.response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

@QuarkusTest
class ResponseResourceTest {

    @Test
    void aDraftIsSavedPartiallyAndEachAnswerIsCheckedAgainstTheScale() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));

        as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"SOMETIMES\"}}}").when().put(response)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("answers.trust-team-building"))
                .body("violations[0].message", equalTo("must be one of [CURRENTLY_EXISTS, NEEDS_IMMEDIATE_ATTENTION, NEEDS_WORK_IN_FUTURE]"));
        as(member.user()).body("{\"answers\": {\"trust-in-the-weather\": {\"value\": \"CURRENTLY_EXISTS\"}}}").when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("answers.trust-in-the-weather"));
        as(member.user()).body("{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\", \"note\": \"x\"}}}").when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("answers.trust-team-building.note"));
        as(member.user()).body("{\"language\": \"fr\", \"answers\": {}}").when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("language"));

        as(member.user()).body("{\"language\": \"es\", \"answers\": {\"trust-team-building\": {\"value\": \"NEEDS_WORK_IN_FUTURE\"}}}")
                .when().put(response)
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("revision", equalTo(0))
                .body("answers.trust-team-building.value", equalTo("NEEDS_WORK_IN_FUTURE"))
                .body("results", equalTo(null));

        // Saved drafts are still incomplete: submission names every missing required item.
        as(member.user()).when().post(response + "/submit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(30))
                .body("violations.field", hasItem("answers.trust-understanding-partners"))
                .body("violations.message", everyItem(equalTo("is required to submit")));
        as(member.user()).when().get(response).then().statusCode(200).body("language", equalTo("es"));
    }

    @Test
    void submittingGivesOwnResultsAndPublishesAnOpaqueResponseEventForEveryRevision() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "LIVED_EXPERIENCE");
        p.ready();
        String round = Rounds.open(p);
        String roundId = round.substring(round.lastIndexOf('/') + 1);
        String response = Rounds.response(round);

        as(member.user()).body(Rounds.fullPai("trust-team-building")).when().put(response).then().statusCode(201);
        io.restassured.response.Response submitted = as(member.user()).when().post(response + "/submit");
        String etag = submitted.header("ETag");
        String responseId = submitted
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("revisions", hasSize(1))
                .body("results.lowestRated.itemKey", equalTo(List.of("trust-team-building")))
                .body("results.lowestRated[0].label", equalTo("Needs Immediate Attention"))
                .body("results.sections[0].key", equalTo("trust"))
                .body("results.sections[0].meanScore", equalTo(2.6f))
                .extract().path("id");

        List<EventLog.Event> first = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.RESPONSE_SUBMITTED.type(),
                d -> d.path("responseId").asText().equals(responseId), 1);
        EventLog.Event event = first.get(0);
        EventSchemas.assertValid(event.raw());
        assertEquals(p.id.toString(), event.key());
        assertEquals(roundId, event.data().path("roundId").asText());
        assertEquals(1, event.data().path("revision").asInt());
        assertEquals("EDUCATION", event.data().path("sector").asText());
        assertEquals(member.organisationName(), event.data().path("organisationName").asText());
        assertEquals("[\"LIVED_EXPERIENCE\"]", event.data().path("roles").toString());
        assertEquals(31, event.data().path("answers").size());
        assertEquals("We trust each other.", event.data().path("reflections").get(0).path("text").asText());
        String respondentId = event.data().path("respondentId").asText();
        assertNotEquals(member.user().subject(), respondentId);
        // reporting-service recognises the author's own response by the same keyed hash (personal view)
        assertEquals(org.partnershippulse.kit.security.RespondentIds.of("test-respondent-key", member.user().subject(),
                java.util.UUID.fromString(roundId)).toString(), respondentId);
        assertEquals(false, event.raw().contains(member.user().subject()));

        // Revise: change an answer under If-Match, then submit again.
        String revised = Rounds.fullPai("none").replace("\"language\": \"en\"", "\"language\": \"es\"");
        String etag2 = as(member.user()).header("If-Match", etag).body(revised).when().put(response)
                .then().statusCode(200).body("unsubmittedChanges", equalTo(true)).body("revision", equalTo(1))
                .extract().header("ETag");
        as(member.user()).header("If-Match", etag).body(revised).when().put(response).then().statusCode(412);
        as(member.user()).header("If-Match", etag2).when().post(response + "/submit")
                .then().statusCode(200)
                .body("revision", equalTo(2))
                .body("revisions.revision", equalTo(List.of(1, 2)))
                .body("results.lowestRated", hasSize(0));
        List<EventLog.Event> both = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.RESPONSE_SUBMITTED.type(),
                d -> d.path("responseId").asText().equals(responseId), 2);
        assertEquals(2, both.size());
        EventLog.Event second = both.get(1);
        EventSchemas.assertValid(second.raw());
        assertEquals(2, second.data().path("revision").asInt());
        assertEquals("es", second.data().path("language").asText());
        assertEquals(respondentId, second.data().path("respondentId").asText());
        assertNotEquals(event.id(), second.id());
    }

    @Test
    void theEssentialConditionsSuggestThingsToTryForTheLowestRatedCondition() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("HEALTH_CARE", "MEMBER");
        p.ready();
        String round = Rounds.draft(p, "");
        as(p.coordinator.user()).header("If-Match", "*").body("""
                {"instrumentKey": "wested-essential-conditions", "instrumentVersion": 1, "title": "Conditions"}""")
                .when().put(round).then().statusCode(200);
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(200);
        StringBuilder answers = new StringBuilder();
        int[] counts = {5, 3, 3, 4, 6, 5, 3};
        for (int c = 1; c <= 7; c++) {
            for (int i = 1; i <= counts[c - 1]; i++) {
                String value = c == 3 ? "EMERGING" : "SUSTAINING";
                answers.append(answers.isEmpty() ? "" : ", ").append("\"indicator-%d-%d\": {\"value\": \"%s\"%s}"
                        .formatted(c, i, value, c == 3 && i == 1 ? ", \"note\": \"Se necesitan más espacios de encuentro\"" : ""));
            }
        }
        String response = Rounds.response(round);
        as(member.user()).body("{\"language\": \"es\", \"answers\": {" + answers + "}}").when().put(response).then().statusCode(201);
        as(member.user()).when().post(response + "/submit")
                .then().statusCode(200)
                .body("results.lowestRated.itemKey", equalTo(List.of("indicator-3-1", "indicator-3-2", "indicator-3-3")))
                .body("results.lowestRated[0].label", equalTo("Emergente"))
                .body("results.recommendations.sectionKey", everyItem(equalTo("condition-3")))
                .body("results.recommendations.level", everyItem(equalTo("START_HERE")))
                .body("results.recommendations.size()", equalTo(4));
    }

    @Test
    void aSecondResponseIsADuplicateAlsoUnderConcurrentRequests() throws Exception {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));
        String body = "{\"answers\": {\"trust-team-building\": {\"value\": \"CURRENTLY_EXISTS\"}}}";

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> as(member.user()).body(body).when().put(response).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

        as(member.user()).body(body).when().put(response)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/duplicate"))
                .body("violations[0].field", equalTo("response"));
    }

    @Test
    void nothingIsSavedOrSubmittedOnceTheRoundCloses() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);
        String etag = as(member.user()).body(Rounds.fullPai("none")).when().put(response).then().statusCode(201).extract().header("ETag");
        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200);

        as(member.user()).when().post(response + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The round is closed: responses can no longer be saved or submitted"));
        as(member.user()).header("If-Match", etag).body(Rounds.fullPai("none")).when().put(response).then().statusCode(409);
    }

    @Test
    void onlyTheAuthorReadsAResponse() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String response = Rounds.response(round);
        as(member.user()).body(Rounds.fullPai("none")).when().put(response).then().statusCode(201);
        as(member.user()).when().post(response + "/submit").then().statusCode(200);

        as(member.user()).when().get(response).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // The coordinator has no response of their own, and there is no way to read anyone else's.
        as(p.coordinator.user()).when().get(response).then().statusCode(404).contentType("application/problem+json");
        as(p.coordinator.user()).when().get(round + "/participation").then().statusCode(200)
                .body("respondedCount", equalTo(1))
                .body("responded[0].name", equalTo(member.user().name()))
                .body("responded[0].answers", equalTo(null))
                // who, never when: a time beside a name would tell whose answers a report change came from
                .body("responded[0].keySet()", equalTo(java.util.Set.of("personId", "name", "organisationName")));
        Partnerships other = Partnerships.create().ready();
        as(other.coordinator.user()).when().get(response).then().statusCode(404);
        as(other.coordinator.user()).body(Rounds.fullPai("none")).when().put(response).then().statusCode(404);
    }
}
