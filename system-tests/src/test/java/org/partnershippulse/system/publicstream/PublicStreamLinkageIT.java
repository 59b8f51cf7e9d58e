package org.partnershippulse.system.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.KafkaAccess;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * Issue 14: a raw consumer of the public stream tries to link events to people, as an outside county system that
 * also knows everything a platform administrator sees in {@code GET /people} (names, e-mails, login subjects) and the
 * default respondent key shipped in the configuration. After a scripted round (seven named people in three
 * organisations, one of them alone in its organisation and sector, reflections that name their authors) it reads
 * every record of {@code pulse.public.v1} as {@code public-subscriber} and makes the attempts of {@link LinkageAttack}:
 * each identifier of each person, the respondent ids the services would derive, the role grants and the coordinator's
 * role, the reflections, events that tie a round to an organisation, every group figure against the round's minimum
 * (and the sector figures' remainder), and singling out the lone organisation. It prints each attempt and fails on
 * any link found.
 */
@ExtendWith(RunningSystem.class)
class PublicStreamLinkageIT {

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());

    @Test
    void noPublicEventCanBeLinkedToAPerson() {
        long t0 = System.nanoTime();
        ScriptedRound round = ScriptedRound.play(api);
        long t1 = System.nanoTime();
        List<PublicStream.Record> records = PublicStream.readUntilReleased(KafkaAccess.PUBLIC_SUBSCRIBER, round.roundId, Duration.ofMinutes(2));
        long readMs = (System.nanoTime() - t1) / 1_000_000;
        Map<String, Integer> types = new TreeMap<>();
        records.forEach(r -> types.merge(r.type(), 1, Integer::sum));
        List<PublicStream.Record> ours = records.stream().filter(r -> round.partnershipId.equals(r.key())).toList();
        PublicStream.Record results = ours.stream().filter(r -> PublicStream.RESULTS_RELEASED.equals(r.type())
                && round.roundId.equals(r.data().path("roundId").asText())).findFirst().orElseThrow();
        // nothing to attack would prove nothing: the round's results must be there, with figures
        assertTrue(results.data().path("participation").path("responded").asInt() >= ScriptedRound.MINIMUM_GROUP_SIZE
                && results.data().toString().contains("distribution"), "the round's released results carry figures: " + results.value());

        LinkageAttack attack = new LinkageAttack(knowledge(round)).run(records);

        System.out.printf("PUBLIC STREAM LINKAGE | %d records on %s %s, %d of the scripted partnership | %d attempts, %d links"
                        + " | play %d ms, read %d ms, total %d ms%n", records.size(), PublicStream.TOPIC, types, ours.size(),
                attack.tried().size(), attack.linked().size(), (t1 - t0) / 1_000_000, readMs, (System.nanoTime() - t0) / 1_000_000);
        attack.tried().forEach(t -> System.out.println("  tried: " + t));
        attack.linked().forEach(l -> System.out.println("  LINKED: " + l));
        assertEquals(List.of(), attack.linked(), "public events that can be linked to a person");
    }

    /** The round's people as their partnership knows them, and everyone the platform administrator sees in GET /people. */
    private LinkageAttack.Knowledge knowledge(ScriptedRound round) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        Set<String> subjects = new LinkedHashSet<>();
        Map<String, String> grants = new LinkedHashMap<>();
        List<String> reflections = new ArrayList<>();
        for (ScriptedRound.Person p : round.people) {
            identifiers.put(p.personId(), "person id of " + p.username());
            identifiers.put(p.subject(), "login subject of " + p.username());
            identifiers.put(p.name(), "name of " + p.username());
            identifiers.put(p.name().substring(p.name().indexOf(' ') + 1), "surname of " + p.username());
            identifiers.put(p.email(), "e-mail of " + p.username());
            identifiers.put(p.username(), "username of " + p.username());
            subjects.add(p.subject());
            grants.put(p.roleGrantId(), "role grant of " + p.username() + " (" + p.role() + ")");
            reflections.add(p.reflectionMarker());
        }
        reflections.add(ScriptedRound.REFLECTION_TEXT);
        for (JsonNode person : everyone()) {
            String name = person.path("name").asText();
            identifiers.putIfAbsent(person.path("id").asText(), "person id of " + name);
            identifiers.putIfAbsent(person.path("email").asText(), "e-mail of " + name);
            if (person.hasNonNull("subject")) {
                identifiers.putIfAbsent(person.path("subject").asText(), "login subject of " + name);
                subjects.add(person.path("subject").asText());
            }
            if (name.length() >= 8) { // shorter names would match ordinary words, not people
                identifiers.putIfAbsent(name, "name " + name);
            }
        }
        Map<String, String> organisations = new LinkedHashMap<>();
        round.organisations.forEach(o -> organisations.put(o.id(), o.name()));
        ScriptedRound.Organisation lone = round.lone();
        return new LinkageAttack.Knowledge(identifiers, subjects, LinkageAttack.DEFAULT_RESPONDENT_KEY, grants, reflections,
                organisations, round.partnershipId, round.roundId,
                new LinkageAttack.Lone(lone.id(), lone.name(), lone.sector(), round.people.get(round.people.size() - 1).name()));
    }

    /** Every person the platform administrator sees, page by page. */
    private List<JsonNode> everyone() {
        List<JsonNode> everyone = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get(PulseService.PARTNERSHIP, ScriptedRound.ADMIN, "/people?size=100&page=" + page);
            body.path("items").forEach(everyone::add);
            if (page + 1 >= body.path("totalPages").asInt()) {
                return everyone;
            }
        }
    }
}
