package org.partnershippulse.reporting.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.events.EventType;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;

/**
 * The events reporting-service needs for a round, as partnership-service and assessment-service publish them: a
 * partnership, a round of the real PAI instrument (from assessment-service's catalogue) and response revisions with
 * distinct respondents. The first events of each type are checked against the committed schemas, so the figures
 * are about events the services really send. Responses are written as strings: a million of them must be cheap.
 */
final class SyntheticEvents {

    static final String PARTNERSHIP_TOPIC = PartnershipEventType.TOPIC;
    static final String ASSESSMENT_TOPIC = AssessmentEventType.TOPIC;
    static final List<String> SECTORS = List.of("EDUCATION", "HEALTH_CARE", "FAITH_BASED", "BUSINESS");
    static final String ROLE = "MEMBER";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many events of each type are validated against their schema. */
    private static final int VALIDATED_PER_TYPE = 3;

    /** A rated item and its options with their scores (null for an option without a score). */
    record Item(String key, List<String> values, List<Integer> scores) {
    }

    private final JsonNode instrument;
    private final List<Item> items = new ArrayList<>();
    private int validatedResponses;
    private int validatedOthers;

    SyntheticEvents(Path repoRoot) throws IOException {
        ObjectNode catalogue = (ObjectNode) JSON.readTree(repoRoot.resolve(
                "assessment-service/src/main/resources/instruments/bcr-partnership-assessment-inventory.json").toFile());
        // The round event's snapshot is the catalogue entry without its version (carried beside it), with its
        // recommendations (none for the PAI).
        catalogue.remove("version");
        if (!catalogue.has("recommendations")) {
            catalogue.putArray("recommendations");
        }
        instrument = catalogue;
        for (JsonNode section : instrument.path("sections")) {
            for (JsonNode item : section.path("items")) {
                JsonNode scale = scale(item.path("scale").asText());
                if (scale != null && scale.path("options").size() > 0) {
                    List<String> values = new ArrayList<>();
                    List<Integer> scores = new ArrayList<>();
                    for (JsonNode o : scale.path("options")) {
                        values.add(o.path("value").asText());
                        scores.add(o.hasNonNull("score") ? o.path("score").asInt() : null);
                    }
                    items.add(new Item(item.path("key").asText(), values, scores));
                }
            }
        }
    }

    List<Item> items() {
        return items;
    }

    String instrumentKey() {
        return instrument.path("key").asText();
    }

    String partnershipCreated(UUID partnership, String name) {
        ObjectNode p = JSON.createObjectNode().put("partnershipId", partnership.toString()).put("name", name)
                .put("status", "ACTIVE").put("geographyType", "COUNTY").put("geographyName", "Bench")
                .put("structure", "LEADERSHIP_TABLE").put("version", 0);
        return checked(event("/partnership-service", PartnershipEventType.PARTNERSHIP_CREATED, partnership, p.toString()), false);
    }

    String roundOpened(UUID partnership, UUID round, int invited) {
        ObjectNode r = JSON.createObjectNode().put("roundId", round.toString()).put("partnershipId", partnership.toString())
                .put("title", "Benchmark round").put("instrumentKey", instrumentKey()).put("instrumentVersion", 1);
        r.set("instrument", instrument);
        r.put("confidentiality", "CONFIDENTIAL").put("minimumGroupSize", 5);
        r.putArray("allowedBreakdowns").add("SECTOR").add("ROLE");
        r.put("invitedCount", invited);
        r.putObject("invitedBySector");
        r.putObject("invitedByRole");
        r.put("respondedCount", 0).put("openedAt", Instant.now().toString());
        return checked(event("/assessment-service", AssessmentEventType.ROUND_OPENED, partnership, r.toString()), false);
    }

    /** One answer per rated item; choices[i] is the option index of items().get(i). */
    String responseSubmitted(UUID partnership, UUID round, UUID response, String sector, int[] choices) {
        StringBuilder d = new StringBuilder(3_000).append("{\"roundId\":\"").append(round)
                .append("\",\"partnershipId\":\"").append(partnership)
                .append("\",\"instrumentKey\":\"").append(instrumentKey()).append("\",\"instrumentVersion\":1")
                .append(",\"responseId\":\"").append(response).append("\",\"revision\":1,\"respondentId\":\"")
                .append(UUID.randomUUID()).append("\",\"organisationId\":null,\"organisationName\":null,\"sector\":\"")
                .append(sector).append("\",\"roles\":[\"").append(ROLE).append("\"],\"language\":\"en\",\"answers\":[");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            d.append(i == 0 ? "" : ",").append("{\"itemKey\":\"").append(item.key()).append("\",\"value\":\"")
                    .append(item.values().get(choices[i])).append("\"}");
        }
        d.append("],\"reflections\":[],\"submittedAt\":\"").append(Instant.now()).append("\"}");
        return checked(event("/assessment-service", AssessmentEventType.RESPONSE_SUBMITTED, partnership, d.toString()), true);
    }

    int[] randomChoices(Random random) {
        int[] choices = new int[items.size()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = random.nextInt(items.get(i).values().size());
        }
        return choices;
    }

    private String checked(String event, boolean response) {
        if (response ? validatedResponses++ < VALIDATED_PER_TYPE : validatedOthers++ < VALIDATED_PER_TYPE * 2) {
            EventSchemas.assertValid(event);
        }
        return event;
    }

    private static String event(String source, EventType type, UUID partnership, String data) {
        return TestEvents.cloudEvent(UUID.randomUUID(), source, type.type(), partnership.toString(), data);
    }

    private JsonNode scale(String key) {
        for (JsonNode s : instrument.path("scales")) {
            if (key.equals(s.path("key").asText())) {
                return s;
            }
        }
        return null;
    }
}
