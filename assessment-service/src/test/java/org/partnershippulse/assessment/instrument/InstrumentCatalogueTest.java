package org.partnershippulse.assessment.instrument;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Http;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestUser;

/** The seeded catalogue holds the four instruments of the source documents, item for item. */
@QuarkusTest
class InstrumentCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFourSeedInstrumentsArePublishedAsVersionOne() {
        Http.as(TestUser.OKAFOR).when().get("/instruments?status=PUBLISHED&size=100&key=wested-essential-conditions")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].itemCount", equalTo(29))
                .body("items[0].kind", equalTo("GROUP"));
        Http.as(TestUser.OKAFOR).when().get("/instruments?size=100")
                .then().statusCode(200)
                .body("items.findAll { it.version == 1 && it.status == 'PUBLISHED' }.key", hasItems(
                        "bcr-partnership-assessment-inventory", "bcr-leadership-self-assessment",
                        "wested-essential-conditions", "aphsa-dimensions-of-partnership"));
    }

    @Test
    void everySectionHasTheExpectedNumberOfItems() throws IOException {
        JsonNode expectations = resource("instrument-expectations.json");
        for (Iterator<Map.Entry<String, JsonNode>> it = expectations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = it.next();
            JsonNode instrument = get(expected.getKey(), "en");
            int total = 0;
            List<String> sectionKeys = new ArrayList<>();
            for (JsonNode section : instrument.path("sections")) {
                sectionKeys.add(section.path("key").asText());
                assertEquals(expected.getValue().path("sections").path(section.path("key").asText()).asInt(-1),
                        section.path("items").size(), expected.getKey() + " / " + section.path("key").asText());
                total += section.path("items").size();
            }
            assertEquals(expected.getValue().path("items").asInt(), total, expected.getKey());
            assertEquals(expected.getValue().path("sections").size(), sectionKeys.size(), expected.getKey());
        }
    }

    @Test
    void theInstrumentsHaveTheShapeOfTheSourceDocuments() {
        JsonNode pai = get("bcr-partnership-assessment-inventory", "en");
        assertEquals(List.of("Trust", "Shared Values", "Organizational Culture", "Capacity Building", "Integrated Learning",
                "Systems, Structure, and Accountability"), titles(pai).subList(0, 6));
        assertEquals(7, pai.path("sections").size(), "six elements and the Step 2 reflection");
        assertEquals(List.of("Currently Exists/ Maintain", "Needs Immediate Attention", "Needs work in the future"),
                pai.findValue("scales").get(0).findValuesAsText("label"));

        JsonNode leadership = get("bcr-leadership-self-assessment", "en");
        assertEquals("PERSONAL", leadership.path("kind").asText());
        assertEquals(8, leadership.path("sections").get(0).path("items").size());
        assertEquals(3, leadership.path("sections").get(1).path("items").size());

        JsonNode wested = get("wested-essential-conditions", "en");
        assertEquals(7, wested.path("sections").size());
        assertEquals(List.of("Pending", "Emerging", "Implementing", "Sustaining"), wested.path("scales").get(0).findValuesAsText("label"));
        for (JsonNode condition : wested.path("sections")) {
            String key = condition.path("key").asText();
            long startHere = count(wested.path("recommendations"), key, "START_HERE");
            long goDeeper = count(wested.path("recommendations"), key, "GO_DEEPER");
            assertEquals(true, startHere > 0 && goDeeper > 0, "Things to try for " + key);
        }

        JsonNode aphsa = get("aphsa-dimensions-of-partnership", "en");
        assertEquals(8, aphsa.path("sections").size());
        for (JsonNode row : aphsa.path("sections")) {
            for (JsonNode item : row.path("items")) {
                assertEquals(List.of("NETWORKING", "COOPERATION", "COLLABORATION", "INTEGRATION"), item.path("options").findValuesAsText("value"));
            }
        }
    }

    @Test
    void everyTextIsServedWordForWordFromTheSeedInBothLanguages() throws IOException {
        for (String key : CatalogueSeeder.SEEDS) {
            JsonNode seed = resource("instruments/" + key + ".json");
            for (String language : List.of("en", "es")) {
                JsonNode served = get(key, language);
                assertEquals(language, served.path("language").asText());
                assertEquals(seed.path("title").path(language).asText(), served.path("title").asText(), key);
                for (int s = 0; s < seed.path("sections").size(); s++) {
                    JsonNode seedSection = seed.path("sections").get(s);
                    JsonNode servedSection = served.path("sections").get(s);
                    assertEquals(seedSection.path("title").path(language).asText(), servedSection.path("title").asText());
                    for (int i = 0; i < seedSection.path("items").size(); i++) {
                        JsonNode seedItem = seedSection.path("items").get(i);
                        JsonNode servedItem = servedSection.path("items").get(i);
                        assertEquals(seedItem.path("key").asText(), servedItem.path("key").asText());
                        assertEquals(seedItem.path("text").path(language).asText(), servedItem.path("text").asText(),
                                key + "/" + seedItem.path("key").asText() + " in " + language);
                    }
                }
                for (int r = 0; r < seed.path("recommendations").size(); r++) {
                    assertEquals(seed.path("recommendations").get(r).path("text").path(language).asText(),
                            served.path("recommendations").get(r).path("text").asText());
                }
            }
        }
    }

    @Test
    void anUntranslatedLanguageFallsBackToEnglish() {
        Http.as(TestUser.OKAFOR).when().get("/instruments/wested-essential-conditions/versions/1?lang=fr")
                .then().statusCode(200)
                .header("Content-Language", "en")
                .body("language", equalTo("en"))
                .body("sections[0].title", equalTo("Collaborative Leadership Capacity"));
    }

    @Test
    void aMalformedLanguageOrUnknownFilterIsANamedValidationProblem() {
        Http.as(TestUser.OKAFOR).when().get("/instruments/wested-essential-conditions/versions/1?lang=spanish")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lang"));
        Http.as(TestUser.OKAFOR).when().get("/instruments?kind=TEAM")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        Http.as(TestUser.OKAFOR).when().get("/instruments?sort=color")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void anUnknownInstrumentVersionIsNotFound() {
        Http.as(TestUser.OKAFOR).when().get("/instruments/wested-essential-conditions/versions/99")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void searchFindsInstrumentsByTitle() {
        Http.as(TestUser.OKAFOR).when().get("/instruments?q=leadership self")
                .then().statusCode(200)
                .body("items.key", hasItems("bcr-leadership-self-assessment"))
                .body("totalItems", equalTo(1));
    }

    @Test
    void theSeededInstrumentsArePublishedAsEventsWithTheirFullSnapshot() {
        List<EventLog.Event> events = EventLog.awaitType(AssessmentEventType.TOPIC, AssessmentEventType.INSTRUMENT_PUBLISHED.type(),
                data -> data.path("instrumentKey").asText().equals("wested-essential-conditions"), 1);
        EventLog.Event event = events.get(events.size() - 1);
        assertEquals("wested-essential-conditions", event.key());
        assertEquals(29, event.data().path("instrument").path("sections").findValues("items").stream().mapToInt(JsonNode::size).sum());
        EventSchemas.assertValid(event.raw());
    }

    static JsonNode get(String key, String language) {
        Response response = Http.as(TestUser.OKAFOR).when().get("/instruments/" + key + "/versions/1?lang=" + language)
                .then().statusCode(200).extract().response();
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> titles(JsonNode instrument) {
        List<String> titles = new ArrayList<>();
        instrument.path("sections").forEach(s -> titles.add(s.path("title").asText()));
        return titles;
    }

    private static long count(JsonNode recommendations, String section, String level) {
        int n = 0;
        for (JsonNode r : recommendations) {
            if (r.path("section").asText().equals(section) && r.path("level").asText().equals(level)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = InstrumentCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }
}
