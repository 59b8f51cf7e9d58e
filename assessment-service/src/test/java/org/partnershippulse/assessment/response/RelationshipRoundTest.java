package org.partnershippulse.assessment.response;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Partnerships.Person;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;

/** A relationship round: designated respondents rate each other member organisation, for their organisation. */
@QuarkusTest
class RelationshipRoundTest {

    static final String RELATIONSHIP = """
            {"instrumentKey": "partner-relationships", "instrumentVersion": 1, "title": "Who works with whom", "audience": %s}""";

    static String people(Person... people) {
        StringBuilder ids = new StringBuilder();
        for (Person p : people) {
            ids.append(ids.isEmpty() ? "" : ", ").append('"').append(p.personId()).append('"');
        }
        return "{\"type\": \"PEOPLE\", \"personIds\": [" + ids + "]}";
    }

    static String tie(Person rated, String level, String amount) {
        return """
                {"organisationId": "%s", "answers": {"relationship-level": {"value": "%s"},
                 "interaction-frequency": {"value": "MONTHLY"}, "value-power-influence": {"value": "%s"},
                 "value-involvement": {"value": "%s"}, "value-resources": {"value": "%s"}, "trust-reliability": {"value": "%s"},
                 "trust-mission-commitment": {"value": "%s"}, "trust-openness": {"value": "%s"}}}"""
                .formatted(rated.organisationId(), level, amount, amount, amount, amount, amount, amount);
    }

    @Test
    void theCatalogueServesTheRelationshipInstrumentWithApshasContinuumInBothLanguages() {
        as(Partnerships.create().coordinator.user()).when().get("/instruments/partner-relationships/versions/1?lang=es")
                .then().statusCode(200)
                .body("type", equalTo("RELATIONSHIP"))
                .body("scales[0].options.value", equalTo(java.util.List.of("NONE", "NETWORKING", "COOPERATION", "COLLABORATION", "INTEGRATION")))
                .body("scales[0].options[3].label", equalTo("Colaboración"))
                .body("sections.key", equalTo(java.util.List.of("relationship", "value", "trust")));
    }

    @Test
    void aRelationshipRoundNeedsOneDesignatedPersonPerOrganisation() {
        Partnerships p = Partnerships.create();
        Person a = p.member("EDUCATION", "MEMBER");
        p.ready();
        as(p.coordinator.user()).body(RELATIONSHIP.formatted("{\"type\": \"ALL_MEMBERS\"}")).when().post(Rounds.of(p))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("audience.type"));
        as(p.coordinator.user()).body(RELATIONSHIP.formatted(people(a, p.coordinator))).when().post(Rounds.of(p))
                .then().statusCode(201);
    }

    @Test
    void designatedRespondentsRateEveryOtherOrganisationAndTheEventCarriesTheRatings() {
        Partnerships p = Partnerships.create();
        Person a = p.member("EDUCATION", "MEMBER");
        Person b = p.member("HEALTH", "MEMBER");
        p.ready();
        String round = Rounds.of(p) + "/" + as(p.coordinator.user()).body(RELATIONSHIP.formatted(people(a, b, p.coordinator)))
                .when().post(Rounds.of(p)).then().statusCode(201).extract().path("id");
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(200);
        String response = Rounds.response(round);

        // answers are per organisation: not the top-level answers, not oneself, not an organisation outside the partnership
        as(a.user()).body("{\"answers\": {\"relationship-level\": {\"value\": \"NONE\"}}}").when().put(response)
                .then().statusCode(400).body("violations.field", hasItem("answers"));
        as(a.user()).body("{\"answers\": {}, \"ratings\": [" + tie(a, "COOPERATION", "A_LITTLE") + "]}").when().put(response)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ratings[0].organisationId"))
                .body("violations[0].message", equalTo("is your own organisation: an organisation does not rate itself"));
        as(a.user()).body("{\"answers\": {}, \"ratings\": [{\"organisationId\": \"" + java.util.UUID.randomUUID() + "\", \"skipped\": true}]}")
                .when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("ratings[0].organisationId"))
                .body("violations[0].message", equalTo("is not a member organisation of this partnership"));
        as(a.user()).body("{\"answers\": {}, \"ratings\": [{\"organisationId\": \"" + b.organisationId()
                        + "\", \"answers\": {\"relationship-level\": {\"value\": \"FRIENDS\"}}}]}").when().put(response)
                .then().statusCode(400).body("violations[0].field", equalTo("ratings[0].answers.relationship-level"));

        // a draft may rate some; the submission must rate or skip every other member organisation
        as(a.user()).body("{\"answers\": {}, \"ratings\": [" + tie(b, "COLLABORATION", "A_GREAT_DEAL") + "]}").when().put(response)
                .then().statusCode(201).body("ratings", hasSize(1)).body("ratings[0].skipped", equalTo(false));
        as(a.user()).when().post(response + "/submit")
                .then().statusCode(400).body("violations", hasSize(1)).body("violations[0].field", equalTo("ratings"));
        String etag = as(a.user()).when().get(response).then().statusCode(200).extract().header("ETag");
        as(a.user()).header("If-Match", etag).body("{\"answers\": {}, \"ratings\": [" + tie(b, "COLLABORATION", "A_GREAT_DEAL")
                        + ", {\"organisationId\": \"" + p.coordinator.organisationId() + "\", \"answers\": {\"relationship-level\": {\"value\": \"COOPERATION\"}}}]}")
                .when().put(response).then().statusCode(200);
        // a relationship (above NONE) needs every dimension judged
        as(a.user()).when().post(response + "/submit")
                .then().statusCode(400).body("violations", hasSize(7))
                .body("violations.field", hasItem("ratings[1].answers.trust-openness"));
        etag = as(a.user()).when().get(response).then().extract().header("ETag");
        as(a.user()).header("If-Match", etag).body("{\"answers\": {}, \"ratings\": [" + tie(b, "COLLABORATION", "A_GREAT_DEAL")
                        + ", {\"organisationId\": \"" + p.coordinator.organisationId() + "\", \"skipped\": true}]}")
                .when().put(response).then().statusCode(200);
        as(a.user()).when().post(response + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));

        JsonNode event = Rounds.event(AssessmentEventType.RESPONSE_SUBMITTED, Rounds.id(round), p);
        assertEquals(0, event.path("answers").size());
        Map<String, JsonNode> byOrg = new HashMap<>();
        event.path("ratings").forEach(r -> byOrg.put(r.path("organisationId").asText(), r));
        assertEquals(2, byOrg.size());
        JsonNode toB = byOrg.get(b.organisationId().toString());
        assertEquals(false, toB.path("skipped").asBoolean());
        assertEquals(8, toB.path("answers").size());
        assertEquals("COLLABORATION", toB.path("answers").get(0).path("value").asText());
        assertEquals(true, byOrg.get(p.coordinator.organisationId().toString()).path("skipped").asBoolean());
        assertEquals(a.organisationId().toString(), event.path("organisationId").asText());
    }

    @Test
    void anotherRoundTakesNoRatings() {
        Partnerships p = Partnerships.create();
        Person a = p.member("EDUCATION", "MEMBER");
        p.ready();
        String response = Rounds.response(Rounds.open(p));
        as(a.user()).body("{\"answers\": {}, \"ratings\": [{\"organisationId\": \"" + p.coordinator.organisationId() + "\", \"skipped\": true}]}")
                .when().put(response).then().statusCode(400).body("violations[0].field", equalTo("ratings"));
    }
}
