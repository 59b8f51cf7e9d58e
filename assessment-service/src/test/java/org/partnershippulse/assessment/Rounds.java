package org.partnershippulse.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partnershippulse.assessment.Http.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;

/** Rounds and answers as tests need them: a coordinator's PAI round, a respondent's full set of answers. */
public final class Rounds {

    public static final String PAI = """
            {"instrumentKey": "bcr-partnership-assessment-inventory", "instrumentVersion": 1, "title": "Spring check-in"%s}""";

    private Rounds() {
    }

    public static String of(Partnerships p) {
        return "/partnerships/" + p.id + "/rounds";
    }

    /** Creates a PAI round as the coordinator and returns its path; {@code extra} adds request fields. */
    public static String draft(Partnerships p, String extra) {
        String id = as(p.coordinator.user()).body(PAI.formatted(extra)).when().post(of(p))
                .then().statusCode(201).extract().path("id");
        return of(p) + "/" + id;
    }

    public static String open(Partnerships p) {
        String path = draft(p, "");
        as(p.coordinator.user()).when().post(path + "/open").then().statusCode(200);
        return path;
    }

    public static String id(String roundPath) {
        return roundPath.substring(roundPath.lastIndexOf('/') + 1);
    }

    public static String response(String roundPath) {
        return "/rounds/" + id(roundPath) + "/response";
    }

    /**
     * Every PAI attribute rated CURRENTLY_EXISTS except {@code lowItem} (NEEDS_IMMEDIATE_ATTENTION), and one
     * reflection, from the seed file itself.
     */
    public static String fullPai(String lowItem) {
        StringBuilder answers = new StringBuilder();
        for (JsonNode section : seed("bcr-partnership-assessment-inventory").path("sections")) {
            for (JsonNode item : section.path("items")) {
                if (!item.path("scale").asText().equals("pai-status")) {
                    continue;
                }
                String key = item.path("key").asText();
                String value = key.equals(lowItem) ? "NEEDS_IMMEDIATE_ATTENTION" : "CURRENTLY_EXISTS";
                answers.append(answers.isEmpty() ? "" : ", ").append("\"").append(key).append("\": {\"value\": \"")
                        .append(value).append("\"}");
            }
        }
        answers.append(", \"reflection-major-strengths\": {\"value\": \"We trust each other.\"}");
        return "{\"language\": \"en\", \"answers\": {" + answers + "}}";
    }

    /** The one event of this type about the round, checked against its schema and keyed by the partnership; its data. */
    public static JsonNode event(AssessmentEventType type, String roundId, Partnerships p) {
        List<EventLog.Event> events = EventLog.awaitType(AssessmentEventType.TOPIC, type.type(),
                d -> d.path("roundId").asText().equals(roundId), 1);
        assertEquals(1, events.size());
        assertEquals(p.id.toString(), events.get(0).key());
        EventSchemas.assertValid(events.get(0).raw());
        return events.get(0).data();
    }

    public static JsonNode seed(String key) {
        try (InputStream in = Rounds.class.getClassLoader().getResourceAsStream("instruments/" + key + ".json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
