package org.partnershippulse.system.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.EventTopics;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * The linking attack, tried on the public stream: a partnership that shares its results runs a round to the
 * end; a raw consumer of pulse.public.v1, knowing everything a platform administrator sees of the people (ids, names,
 * e-mails, login subjects) and the default respondent key, looks for any of them, or any respondent id derivable from
 * them, in every event of the partnership; and checks that every respondent group the results show is at least the
 * round's minimum. Prints {@code public stream: N events read, M linked to a person}; fails unless M is 0.
 */
@ExtendWith(RunningSystem.class)
class PublicStreamIT {

    static final String PUBLIC = "pulse.public.v1";
    static final String RESULTS = "org.partnershippulse.public.round.results-released.v1";
    /** The respondent key of the application's and docker-compose's defaults: the attacker had it. */
    static final String DEFAULT_KEY = "local-only-respondent-key";
    static final int MINIMUM = 3;
    static final ObjectMapper JSON = new ObjectMapper();

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());

    @Test
    void aRawSubscriberOfThePublicStreamCannotLinkAnyEventToAPerson() throws Exception {
        Coalition c = Coalition.assemble(api, "public", 12, 1,
                List.of("EDUCATION", "HEALTH_CARE", "HOUSING", "CHILD_WELFARE"), MINIMUM);
        String base = "/partnerships/" + c.partnershipId();
        UUID round = c.roundIds().get(0);

        PulseApi.Reply current = api.call("GET", PulseService.PARTNERSHIP, c.coordinator(), base, null, null);
        Map<String, Object> consent = new HashMap<>();
        for (String field : List.of("name", "geographyType", "geographyName", "status", "structure", "leadOrganisationId")) {
            consent.put(field, JSON.treeToValue(current.body().path(field), Object.class));
        }
        consent.put("sharesResultsPublicly", true);
        PulseApi.ok(api.call("PUT", PulseService.PARTNERSHIP, c.coordinator(), base, consent, current.etag()), "consent");
        for (int n = 0; n < c.slots(); n++) {
            PulseApi.ok(c.submit(c.slot(n), c.answers(n)), "submission " + n);
        }
        PulseApi.ok(api.call("POST", PulseService.ASSESSMENT, c.coordinator(), base + "/rounds/" + round + "/close", null, null), "close");

        EventTopics topics = new EventTopics(RunningSystem.env());
        List<EventTopics.Event> events = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            events.clear();
            topics.readAll(PUBLIC).stream().filter(e -> c.partnershipId().toString().equals(e.key())).forEach(events::add);
            return events.stream().anyMatch(e -> e.value().contains(RESULTS));
        });

        // what the attacker knows of the people: the platform administrator's view of everyone in the partnership
        Set<String> known = new LinkedHashSet<>();
        JsonNode people = api.get(PulseService.PARTNERSHIP, "admin", "/people?size=100&partnershipId=" + c.partnershipId());
        for (JsonNode person : people.path("items")) {
            known.add(person.path("id").asText());
            known.add(person.path("name").asText());
            known.add(person.path("email").asText());
            String subject = person.path("subject").asText("");
            if (!subject.isEmpty()) {
                known.add(subject);
                known.add(respondentId(DEFAULT_KEY, subject, round).toString());
            }
        }
        known.remove("");
        assertTrue(known.size() >= 3 * c.members().size(), "the attacker knows the people: " + known.size() + " identifiers");

        List<String> linked = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (EventTopics.Event e : events) {
            JsonNode event = JSON.readTree(e.value());
            types.add(event.path("type").asText());
            for (String identifier : known) {
                if (e.value().contains(identifier)) {
                    linked.add(event.path("type").asText() + " contains " + identifier);
                }
            }
            if (RESULTS.equals(event.path("type").asText())) {
                JsonNode participation = event.path("data").path("participation");
                for (String breakdown : List.of("bySector", "byRole")) {
                    for (JsonNode group : participation.path(breakdown)) {
                        if (group.path("responded").asInt() < MINIMUM) {
                            linked.add("group " + group.path("group").asText() + " of " + group.path("responded").asInt()
                                    + " respondents, below the minimum " + MINIMUM);
                        }
                    }
                }
                for (JsonNode item : event.path("data").path("items")) {
                    if (!item.path("withheld").asBoolean() && item.path("responses").asInt() < MINIMUM) {
                        linked.add("item " + item.path("itemKey").asText() + " shown with " + item.path("responses").asInt());
                    }
                }
            }
        }
        System.out.printf("public stream: %d events read, %d linked to a person%n", events.size(), linked.size());
        assertEquals(List.of(), linked);
        assertTrue(types.containsAll(List.of("org.partnershippulse.public.partnership.created.v1",
                "org.partnershippulse.public.partnership.updated.v1", "org.partnershippulse.public.membership.started.v1",
                "org.partnershippulse.public.round.opened.v1", "org.partnershippulse.public.round.closed.v1", RESULTS)),
                "the scripted round's public events: " + types);
    }

    /** What assessment-service publishes as respondentId (service-kit RespondentIds), recomputed by the attacker. */
    static UUID respondentId(String key, String subject, UUID roundId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] h = mac.doFinal((roundId + ":" + subject).getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x80);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
