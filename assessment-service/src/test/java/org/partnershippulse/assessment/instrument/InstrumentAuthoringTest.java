package org.partnershippulse.assessment.instrument;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Http;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestUser;

/** Platform administrators author instruments: drafts change under If-Match, published versions never. */
@QuarkusTest
class InstrumentAuthoringTest {

    static String definition(String key, String question) {
        return """
                {"key": "%s", "kind": "GROUP", "title": {"en": "Team pulse", "es": "Pulso del equipo"},
                 "languages": ["en", "es"],
                 "scales": [
                   {"key": "agreement", "type": "ORDINAL", "options": [
                     {"value": "DISAGREE", "score": 1, "label": {"en": "Disagree", "es": "En desacuerdo"}},
                     {"value": "AGREE", "score": 2, "label": {"en": "Agree", "es": "De acuerdo"}}]},
                   {"key": "hours", "type": "NUMERIC", "min": 0, "max": 40},
                   {"key": "comment", "type": "FREE_TEXT"}],
                 "sections": [{"key": "main", "title": {"en": "Main"}, "items": [
                   {"key": "we-meet", "text": {"en": "%s", "es": "Nos reunimos con regularidad."}, "scale": "agreement", "required": true, "noteAllowed": true},
                   {"key": "hours-per-month", "text": {"en": "Hours per month"}, "scale": "hours", "required": false, "noteAllowed": false},
                   {"key": "anything-else", "text": {"en": "Anything else?"}, "scale": "comment", "required": false, "noteAllowed": false}]}]}
                """.formatted(key, question);
    }

    static String freshKey() {
        return "pulse-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyPlatformAdministratorsAuthorInstruments() {
        Http.as(TestUser.OKAFOR).body(definition(freshKey(), "We meet regularly.")).when().post("/instruments")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aDraftIsEditedUnderIfMatchPublishedOnceAndThenImmutable() {
        String key = freshKey();
        String etag = Http.as(TestUser.ADMIN).body(definition(key, "We meet regularly.")).when().post("/instruments")
                .then().statusCode(201)
                .header("Location", endsWith("/instruments/" + key + "/versions/1"))
                .body("status", equalTo("DRAFT"))
                .extract().header("ETag");

        // A draft is invisible to everyone but administrators.
        Http.as(TestUser.OKAFOR).when().get("/instruments/" + key + "/versions/1").then().statusCode(404);

        String path = "/instruments/" + key + "/versions/1";
        Http.as(TestUser.ADMIN).body(definition(key, "We meet every month.")).when().put(path)
                .then().statusCode(428).contentType("application/problem+json");
        Http.as(TestUser.ADMIN).header("If-Match", "\"41\"").body(definition(key, "We meet every month.")).when().put(path)
                .then().statusCode(412).contentType("application/problem+json");
        String newEtag = Http.as(TestUser.ADMIN).header("If-Match", etag).body(definition(key, "We meet every month.")).when().put(path)
                .then().statusCode(200)
                .body("definition.sections[0].items[0].text.en", equalTo("We meet every month."))
                .extract().header("ETag");

        Http.as(TestUser.ADMIN).header("If-Match", newEtag).when().post(path + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        Http.as(TestUser.OKAFOR).when().get(path + "?lang=es").then().statusCode(200)
                .body("title", equalTo("Pulso del equipo"))
                .body("sections[0].title", equalTo("Main"))
                .body("sections[0].items[0].text", equalTo("Nos reunimos con regularidad."));

        Http.as(TestUser.ADMIN).header("If-Match", "*").body(definition(key, "Changed after publication.")).when().put(path)
                .then().statusCode(409).contentType("application/problem+json");
        Http.as(TestUser.ADMIN).when().post(path + "/publish").then().statusCode(409);

        List<EventLog.Event> events = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.INSTRUMENT_PUBLISHED.type(),
                data -> data.path("instrumentKey").asText().equals(key), 1);
        assertEquals(1, events.size());
        assertEquals("We meet every month.", events.get(0).data().path("instrument").path("sections").get(0)
                .path("items").get(0).path("text").path("en").asText());
        EventSchemas.assertValid(events.get(0).raw());
    }

    @Test
    void aNewVersionCarriesTheItemsByKey() {
        String key = freshKey();
        Http.as(TestUser.ADMIN).body(definition(key, "We meet regularly.")).when().post("/instruments").then().statusCode(201);
        Http.as(TestUser.ADMIN).when().post("/instruments/" + key + "/versions")
                .then().statusCode(409).contentType("application/problem+json");
        Http.as(TestUser.ADMIN).when().post("/instruments/" + key + "/versions/1/publish").then().statusCode(200);

        Http.as(TestUser.ADMIN).when().post("/instruments/" + key + "/versions")
                .then().statusCode(201)
                .body("version", equalTo(2))
                .body("status", equalTo("DRAFT"))
                .body("definition.sections[0].items.key", equalTo(List.of("we-meet", "hours-per-month", "anything-else")));

        Http.as(TestUser.ADMIN).when().get("/instruments?key=" + key + "&status=DRAFT")
                .then().statusCode(200).body("items.version", equalTo(List.of(2)));
        Http.as(TestUser.OKAFOR).when().get("/instruments?key=" + key)
                .then().statusCode(200).body("items.version", equalTo(List.of(1)));
    }

    @Test
    void aCarriedItemCannotChangeItsKindOfScale() {
        String key = freshKey();
        Http.as(TestUser.ADMIN).body(definition(key, "We meet regularly.")).when().post("/instruments").then().statusCode(201);
        Http.as(TestUser.ADMIN).when().post("/instruments/" + key + "/versions/1/publish").then().statusCode(200);
        Http.as(TestUser.ADMIN).when().post("/instruments/" + key + "/versions").then().statusCode(201);
        String changed = definition(key, "We meet regularly.").replace("\"scale\": \"agreement\"", "\"scale\": \"comment\"");
        Http.as(TestUser.ADMIN).header("If-Match", "*").body(changed).when().put("/instruments/" + key + "/versions/2")
                .then().statusCode(400).body("violations.field", hasItem("items.we-meet.scale"));
    }

    @Test
    void aSecondInstrumentWithTheSameKeyIsADuplicate() {
        Http.as(TestUser.ADMIN).body(definition("wested-essential-conditions", "x")).when().post("/instruments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://partnershippulse.org/problems/duplicate"))
                .body("violations[0].field", equalTo("key"));
    }

    @Test
    void invalidDefinitionsNameTheOffendingField() {
        String unknownScale = definition(freshKey(), "x").replace("\"scale\": \"agreement\"", "\"scale\": \"stars\"");
        Http.as(TestUser.ADMIN).body(unknownScale).when().post("/instruments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sections[0].items[0].scale"));

        String noEnglish = definition(freshKey(), "x").replace("\"title\": {\"en\": \"Team pulse\", ", "\"title\": {");
        Http.as(TestUser.ADMIN).body(noEnglish).when().post("/instruments")
                .then().statusCode(400).body("violations[0].field", equalTo("title.en"));

        String badKey = definition("Not A Key", "x");
        Http.as(TestUser.ADMIN).body(badKey).when().post("/instruments")
                .then().statusCode(400).body("violations[0].field", equalTo("key"));
    }
}
