package org.partnershippulse.system.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnershippulse.system.support.RunningSystem;
import org.partnershippulse.systemkit.PulseApi;
import org.partnershippulse.systemkit.PulseService;

/**
 * Issue 14: a raw consumer of the public stream tries to link events to people, as an outside county system that
 * also knows everything a platform administrator sees in {@code GET /people} (names, e-mails, login subjects) and the
 * default respondent key shipped in the configuration. After a scripted round (seven named people in three
 * organisations, one of them alone in its organisation and sector, reflections that name their authors) it reads
 * every record of {@code pulse.public.v1} as {@code public-subscriber} and tries: each identifier of each person, the
 * respondent ids the services would derive, the role grants and the coordinator's role, the reflection texts, events
 * that tie a round to an organisation, every group figure against the round's minimum (and the sector figures'
 * remainder), and whether the lone organisation is singled out. It prints each attempt and fails on any link found.
 */
@ExtendWith(RunningSystem.class)
class PublicStreamLinkageIT {

    /** assessment-service's {@code pulse.respondent-key} default, as shipped in application.properties and docker-compose. */
    private static final String DEFAULT_RESPONDENT_KEY = "local-only-respondent-key";
    private static final List<String> GROUP_COUNTS = List.of("responded", "responses", "respondents");

    private final PulseApi api = new PulseApi(RunningSystem.env(), RunningSystem.keycloak());
    private final List<String> tried = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();

    @Test
    void noPublicEventCanBeLinkedToAPerson() {
        long t0 = System.nanoTime();
        ScriptedRound round = ScriptedRound.play(api);
        long t1 = System.nanoTime();
        List<PublicStream.Record> records = PublicStream.readUntilReleased("public-subscriber", round.roundId, Duration.ofMinutes(2));
        long readMs = (System.nanoTime() - t1) / 1_000_000;
        Map<String, Integer> types = new TreeMap<>();
        records.forEach(r -> types.merge(r.type(), 1, Integer::sum));
        List<PublicStream.Record> ours = records.stream().filter(r -> round.partnershipId.equals(r.key())).toList();
        PublicStream.Record results = ours.stream().filter(r -> PublicStream.RESULTS_RELEASED.equals(r.type())
                && round.roundId.equals(r.data().path("roundId").asText())).findFirst().orElseThrow();
        // nothing to attack would prove nothing: the round's results must be there, with figures
        assertTrue(results.data().path("participation").path("responded").asInt() >= ScriptedRound.MINIMUM_GROUP_SIZE
                && results.data().toString().contains("distribution"), "the round's released results carry figures: " + results.value());

        identifiers(round, records);
        respondentIds(round, records);
        roles(round, records);
        reflections(round, records);
        roundsAndOrganisations(round, records);
        aggregates(records);
        loneOrganisation(round, results);

        System.out.printf("PUBLIC STREAM LINKAGE | %d records on %s %s, %d of the scripted partnership | %d attempts, %d links"
                        + " | play %d ms, read %d ms, total %d ms%n", records.size(), PublicStream.TOPIC, types, ours.size(),
                tried.size(), linked.size(), (t1 - t0) / 1_000_000, readMs, (System.nanoTime() - t0) / 1_000_000);
        tried.forEach(t -> System.out.println("  tried: " + t));
        linked.forEach(l -> System.out.println("  LINKED: " + l));
        assertEquals(List.of(), linked, "public events that can be linked to a person");
    }

    /** Person ids, login subjects, names, surnames and e-mails of the round's people and of everyone GET /people shows. */
    private void identifiers(ScriptedRound round, List<PublicStream.Record> records) {
        Map<String, String> needles = new LinkedHashMap<>();
        for (ScriptedRound.Person p : round.people) {
            needles.put(p.personId(), "person id of " + p.username());
            needles.put(p.subject(), "login subject of " + p.username());
            needles.put(p.name(), "name of " + p.username());
            needles.put(p.name().substring(p.name().indexOf(' ') + 1), "surname of " + p.username());
            needles.put(p.email(), "e-mail of " + p.username());
            needles.put(p.username(), "username of " + p.username());
        }
        int scripted = needles.size();
        for (JsonNode person : everyone()) {
            needles.putIfAbsent(person.path("id").asText(), "person id of " + person.path("name").asText());
            if (person.hasNonNull("subject")) {
                needles.putIfAbsent(person.path("subject").asText(), "login subject of " + person.path("name").asText());
            }
            needles.putIfAbsent(person.path("email").asText(), "e-mail of " + person.path("name").asText());
            String name = person.path("name").asText();
            if (name.length() >= 8) { // shorter names would match ordinary words, not people
                needles.putIfAbsent(name, "name " + name);
            }
        }
        search(records, needles, "identifiers of people: " + scripted + " of the round's 7 people and " + (needles.size() - scripted)
                + " more of everyone GET /people shows the administrator");
    }

    /** The respondent ids assessment-service derives with the default key, for every login and every round on the stream. */
    private void respondentIds(ScriptedRound round, List<PublicStream.Record> records) {
        Set<String> rounds = new LinkedHashSet<>(List.of(round.roundId));
        records.forEach(r -> {
            if (r.data().hasNonNull("roundId")) {
                rounds.add(r.data().path("roundId").asText());
            }
        });
        Set<String> subjects = new LinkedHashSet<>();
        round.people.forEach(p -> subjects.add(p.subject()));
        everyone().forEach(p -> {
            if (p.hasNonNull("subject")) {
                subjects.add(p.path("subject").asText());
            }
        });
        Map<String, String> needles = new LinkedHashMap<>();
        for (String roundId : rounds) {
            for (String subject : subjects) {
                UUID id = respondentId(DEFAULT_RESPONDENT_KEY, subject, UUID.fromString(roundId));
                needles.put(id.toString(), "respondent id of login " + subject + " in round " + roundId);
                needles.put(id.toString().replace("-", ""), "respondent id (hex) of login " + subject + " in round " + roundId);
            }
        }
        search(records, needles, "respondent ids with the default key " + DEFAULT_RESPONDENT_KEY + ": " + subjects.size()
                + " logins x " + rounds.size() + " rounds");
    }

    /** Role grants never appear; COORDINATOR only as the label of an aggregate group (whose size the aggregates check). */
    private void roles(ScriptedRound round, List<PublicStream.Record> records) {
        Map<String, String> needles = new LinkedHashMap<>();
        round.people.forEach(p -> needles.put(p.roleGrantId(), "role grant of " + p.username() + " (" + p.role() + ")"));
        search(records, needles, "the round's " + needles.size() + " role grants");
        int before = linked.size();
        // the scripted partnership's events only: other partnerships' names and titles may use the word
        List<PublicStream.Record> ours = records.stream().filter(r -> round.partnershipId.equals(r.key())).toList();
        for (PublicStream.Record r : ours) {
            walk(r.event(), "", (path, node) -> {
                if (node.isTextual() && node.asText().toUpperCase(Locale.ROOT).contains("COORDINATOR") && !path.endsWith("/group")) {
                    linked.add("the coordinator's role at " + path + " of " + describe(r));
                }
            });
        }
        tried.add("the coordinator's role (one person holds it) in the partnership's " + ours.size()
                + " events, outside aggregate group labels: " + (linked.size() - before) + " found");
    }

    /** The reflections: their markers, their sentences and their authors' names (checked above) appear nowhere. */
    private void reflections(ScriptedRound round, List<PublicStream.Record> records) {
        Map<String, String> needles = new LinkedHashMap<>();
        round.people.forEach(p -> needles.put(p.reflectionMarker(), "reflection of " + p.username()));
        needles.put("I see partners share what they know", "the reflections' text");
        search(records, needles, "reflection texts of the round's 7 people");
    }

    /** Without the key, a response was still unique by round and organisation: no public event ties the two. */
    private void roundsAndOrganisations(ScriptedRound round, List<PublicStream.Record> records) {
        Set<String> organisationIds = new LinkedHashSet<>();
        records.stream().filter(r -> PublicStream.MEMBERSHIP_STARTED.equals(r.type()))
                .forEach(r -> organisationIds.add(r.data().path("organisationId").asText()));
        round.organisations.forEach(o -> organisationIds.add(o.id()));
        int before = linked.size();
        int withRound = 0;
        for (PublicStream.Record r : records) {
            if (!r.data().hasNonNull("roundId")) {
                continue;
            }
            withRound++;
            for (String organisation : organisationIds) {
                if (!organisation.isEmpty() && r.value().contains(organisation)) {
                    linked.add("round " + r.data().path("roundId").asText() + " and organisation " + organisation + " in " + describe(r));
                }
            }
            for (ScriptedRound.Organisation o : round.organisations) {
                if (r.value().toLowerCase(Locale.ROOT).contains(o.name().toLowerCase(Locale.ROOT))) {
                    linked.add("round and organisation name " + o.name() + " in " + describe(r));
                }
            }
        }
        tried.add(withRound + " events naming a round against " + organisationIds.size() + " organisations on the stream: "
                + (linked.size() - before) + " tie a round to an organisation");
    }

    /**
     * Every results event: whole-round, group and item counts at or above the round's minimum (an item below it withheld,
     * without figures), and per breakdown by sector (one sector per person) the rest of the round beside the shown
     * groups, which a reader computes from the total, zero or at or above the minimum too.
     */
    private void aggregates(List<PublicStream.Record> records) {
        int before = linked.size();
        int events = 0;
        int[] checked = {0};
        for (PublicStream.Record r : records) {
            if (!PublicStream.RESULTS_RELEASED.equals(r.type())) {
                continue;
            }
            events++;
            JsonNode data = r.data();
            int minimum = data.path("minimumGroupSize").asInt(0);
            if (minimum < 2) {
                linked.add("results without a minimum group size of at least 2: " + describe(r));
                continue;
            }
            int total = data.path("participation").path("responded").asInt(-1);
            checked[0]++;
            if (total < minimum) {
                linked.add("results of " + total + " respondents, below the minimum " + minimum + ": " + describe(r));
            }
            walk(data, "", (path, node) -> {
                if (!node.isObject()) {
                    return;
                }
                if (node.has("group")) {
                    for (String count : GROUP_COUNTS) {
                        if (node.has(count)) {
                            checked[0]++;
                            if (node.path(count).asInt() < minimum) {
                                linked.add("group " + node.path("group").asText() + " of " + node.path(count).asInt() + " at " + path
                                        + " (minimum " + minimum + ") in " + describe(r));
                            }
                        }
                    }
                }
                if (node.has("responses") && !node.has("group")) {
                    checked[0]++;
                    boolean figures = node.path("distribution").size() > 0 || node.path("mean").isNumber()
                            || node.path("median").isNumber() || node.path("share").isNumber() || node.path("ratedHigh").isNumber();
                    if (node.path("responses").asInt() < minimum && figures) {
                        linked.add("figures of " + node.path("responses").asInt() + " answers at " + path + " (minimum "
                                + minimum + ") in " + describe(r));
                    }
                }
            });
            JsonNode bySector = data.path("participation").path("bySector");
            if (bySector.isArray() && bySector.size() > 0 && total >= 0) {
                int shown = 0;
                for (JsonNode g : bySector) {
                    shown += g.path("responded").asInt();
                }
                int rest = total - shown;
                checked[0]++;
                if (rest != 0 && rest < minimum) {
                    linked.add("the sectors not shown add up to " + rest + " respondents (total " + total + " minus shown "
                            + shown + ", minimum " + minimum + ") in " + describe(r));
                }
            }
        }
        tried.add(events + " results events, " + checked[0] + " counts against their round's minimum: " + (linked.size() - before) + " below");
    }

    /** The organisation with one respondent: never in the round's results, its sector never a shown group. */
    private void loneOrganisation(ScriptedRound round, PublicStream.Record results) {
        ScriptedRound.Organisation lone = round.lone();
        ScriptedRound.Person person = round.people.get(round.people.size() - 1);
        int before = linked.size();
        if (results.value().contains(lone.id()) || results.value().contains(lone.name())) {
            linked.add("the lone organisation " + lone.name() + " is named in the round's results");
        }
        walk(results.data(), "", (path, node) -> {
            if (node.isObject() && lone.sector().equals(node.path("group").asText())) {
                linked.add("the lone organisation's sector " + lone.sector() + " is shown as a group at " + path + ": " + node);
            }
        });
        tried.add("single out " + lone.name() + " (" + lone.sector() + ", only " + person.name() + " responded): "
                + (linked.size() - before) + " ways found");
    }

    private void search(List<PublicStream.Record> records, Map<String, String> needles, String what) {
        int before = linked.size();
        for (PublicStream.Record r : records) {
            String haystack = (r.key() + "\n" + r.headers() + "\n" + r.value()).toLowerCase(Locale.ROOT);
            needles.forEach((needle, meaning) -> {
                if (!needle.isBlank() && haystack.contains(needle.toLowerCase(Locale.ROOT))) {
                    linked.add(meaning + " (\"" + needle + "\") in " + describe(r));
                }
            });
        }
        tried.add(what + " (" + needles.size() + " strings x " + records.size() + " records): " + (linked.size() - before) + " found");
    }

    /** Every person the platform administrator sees, page by page. */
    private List<JsonNode> everyone() {
        if (everyone == null) {
            everyone = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = api.get(PulseService.PARTNERSHIP, ScriptedRound.ADMIN, "/people?size=100&page=" + page);
                body.path("items").forEach(everyone::add);
                if (page + 1 >= body.path("totalPages").asInt()) {
                    break;
                }
            }
        }
        return everyone;
    }

    private List<JsonNode> everyone;

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node == null) {
            return;
        }
        visit.accept(path, node);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path + "/" + e.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }

    private static String describe(PublicStream.Record r) {
        return r.type() + " at " + PublicStream.TOPIC + "/" + r.partition() + "@" + r.offset();
    }

    /** As assessment-service derives it (service-kit RespondentIds), computed here as an outsider holding the key would. */
    static UUID respondentId(String key, String subject, UUID roundId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((roundId + ":" + subject).getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x80);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
