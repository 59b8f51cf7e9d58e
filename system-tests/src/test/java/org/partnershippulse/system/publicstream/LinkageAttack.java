package org.partnershippulse.system.publicstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.partnershippulse.kit.security.RespondentIds;

/**
 * An outsider's attempts to link public events to people, given what the outsider knows (see {@link Knowledge}).
 * Each attempt is recorded in {@link #tried()} with what it looked for; every link found is in {@link #linked()}.
 * Kept apart from the system test so that {@code LinkageAttackTest} can show each attempt finds what it looks for.
 */
final class LinkageAttack {

    /** assessment-service's {@code pulse.respondent-key} default, as shipped in application.properties and docker-compose. */
    static final String DEFAULT_RESPONDENT_KEY = "local-only-respondent-key";
    private static final List<String> GROUP_COUNTS = List.of("responded", "responses", "respondents");

    /** An organisation with a single respondent, in a sector of its own, in the attacked round. */
    record Lone(String organisationId, String organisationName, String sector, String respondent) {}

    /**
     * What the outsider knows: identifiers of people (string to what it is: person ids, subjects, names, e-mails),
     * the login subjects (to derive respondent ids with the respondent key), role grant ids (to what they are), the
     * reflection texts the people wrote, the organisations (id to name), and the attacked partnership, round and lone
     * organisation.
     */
    record Knowledge(Map<String, String> identifiers, Set<String> subjects, String respondentKey, Map<String, String> roleGrants,
                     List<String> reflections, Map<String, String> organisations, String partnershipId, String roundId, Lone lone) {}

    private final Knowledge k;
    private final List<String> tried = new ArrayList<>();
    private final List<String> linked = new ArrayList<>();

    LinkageAttack(Knowledge knowledge) {
        this.k = knowledge;
    }

    List<String> tried() {
        return tried;
    }

    List<String> linked() {
        return linked;
    }

    LinkageAttack run(List<PublicStream.Record> records) {
        search(records, k.identifiers(), k.identifiers().size() + " identifiers of people (ids, login subjects, names, e-mails)");
        respondentIds(records);
        search(records, k.roleGrants(), k.roleGrants().size() + " role grants");
        coordinatorRole(records);
        Map<String, String> reflections = new LinkedHashMap<>();
        k.reflections().forEach(r -> reflections.put(r, "a reflection"));
        search(records, reflections, k.reflections().size() + " reflection texts");
        roundsAndOrganisations(records);
        aggregates(records);
        loneOrganisation(records);
        return this;
    }

    /** The respondent ids assessment-service derives with the key, for every known login and every round on the stream. */
    private void respondentIds(List<PublicStream.Record> records) {
        Set<String> rounds = new LinkedHashSet<>(List.of(k.roundId()));
        records.forEach(r -> {
            if (r.data().path("roundId").isTextual()) {
                rounds.add(r.data().path("roundId").asText());
            }
        });
        Map<String, String> needles = new LinkedHashMap<>();
        for (String roundId : rounds) {
            UUID round;
            try {
                round = UUID.fromString(roundId);
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (String subject : k.subjects()) {
                UUID id = respondentId(k.respondentKey(), subject, round);
                needles.put(id.toString(), "respondent id of login " + subject + " in round " + roundId);
                needles.put(id.toString().replace("-", ""), "respondent id (hex) of login " + subject + " in round " + roundId);
            }
        }
        search(records, needles, "respondent ids with the key " + k.respondentKey() + ": " + k.subjects().size() + " logins x "
                + rounds.size() + " rounds");
    }

    /** COORDINATOR (one person holds it) only as the label of an aggregate group, whose size {@link #aggregates} checks. */
    private void coordinatorRole(List<PublicStream.Record> records) {
        int before = linked.size();
        // the attacked partnership's events only: other partnerships' names and titles may use the word
        List<PublicStream.Record> ours = records.stream().filter(r -> k.partnershipId().equals(r.key())).toList();
        for (PublicStream.Record r : ours) {
            walk(r.event(), "", (path, node) -> {
                if (node.isTextual() && node.asText().toUpperCase(Locale.ROOT).contains("COORDINATOR") && !path.endsWith("/group")) {
                    linked.add("the coordinator's role at " + path + " of " + describe(r));
                }
            });
        }
        tried.add("the coordinator's role in the partnership's " + ours.size() + " events, outside aggregate group labels: "
                + (linked.size() - before) + " found");
    }

    /** Without the key, a response was still unique by round and organisation: no public event may tie the two. */
    private void roundsAndOrganisations(List<PublicStream.Record> records) {
        Map<String, String> organisations = new LinkedHashMap<>(k.organisations());
        records.stream().filter(r -> PublicStream.MEMBERSHIP_STARTED.equals(r.type()))
                .forEach(r -> organisations.putIfAbsent(r.data().path("organisationId").asText(), r.data().path("organisationName").asText()));
        int before = linked.size();
        int withRound = 0;
        for (PublicStream.Record r : records) {
            if (!r.data().path("roundId").isTextual()) {
                continue;
            }
            withRound++;
            String value = r.value().toLowerCase(Locale.ROOT);
            organisations.forEach((id, name) -> {
                if (!id.isEmpty() && value.contains(id.toLowerCase(Locale.ROOT))) {
                    linked.add("round " + r.data().path("roundId").asText() + " and organisation " + id + " in " + describe(r));
                } else if (name.length() >= 8 && value.contains(name.toLowerCase(Locale.ROOT))) {
                    linked.add("round " + r.data().path("roundId").asText() + " and organisation " + name + " in " + describe(r));
                }
            });
        }
        tried.add(withRound + " events naming a round against " + organisations.size() + " organisations: "
                + (linked.size() - before) + " tie a round to an organisation");
    }

    /**
     * Every results event: whole-round, group and item counts at or above the round's minimum (an item below it
     * withheld, without figures), and by sector (one sector per person) the rest of the round beside the shown groups,
     * which a reader computes from the total, zero or at or above the minimum too.
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
                } else if (node.has("responses")) {
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

    /** The organisation with one respondent: never in the round's events, its sector never a shown group of the round. */
    private void loneOrganisation(List<PublicStream.Record> records) {
        Lone lone = k.lone();
        int before = linked.size();
        for (PublicStream.Record r : records) {
            if (!k.roundId().equals(r.data().path("roundId").asText())) {
                continue;
            }
            if (r.value().contains(lone.organisationId()) || r.value().contains(lone.organisationName())) {
                linked.add("the lone organisation " + lone.organisationName() + " is named in " + describe(r));
            }
            walk(r.data(), "", (path, node) -> {
                if (node.isObject() && lone.sector().equals(node.path("group").asText())) {
                    linked.add("the lone organisation's sector " + lone.sector() + " is a group at " + path + " of " + describe(r) + ": " + node);
                }
            });
        }
        tried.add("single out " + lone.organisationName() + " (" + lone.sector() + ", only " + lone.respondent() + " responded): "
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
        return (r.type().isEmpty() ? "a record" : r.type()) + " at " + PublicStream.TOPIC + "/" + r.partition() + "@" + r.offset();
    }

    /** As assessment-service derives it: an outsider holding the key computes the same (service-kit RespondentIds). */
    static UUID respondentId(String key, String subject, UUID roundId) {
        return RespondentIds.of(key, subject, roundId);
    }
}
