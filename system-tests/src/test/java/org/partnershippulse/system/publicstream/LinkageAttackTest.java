package org.partnershippulse.system.publicstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The linkage attack of {@code PublicStreamLinkageIT} finds each kind of link it looks for (so the system test cannot
 * pass by looking in the wrong place) and finds none in events that carry only what the public stream may carry.
 */
class LinkageAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNERSHIP = "0b9d4a52-7c1e-4f0a-a8e3-5d2c6b1f3e77";
    private static final String ROUND = "3f1c2b7e-8a4d-4c55-9d0e-2b6f1a7c9e10";
    private static final String SUBJECT = "6a1f0c1e-1111-4c55-9d0e-2b6f1a7c9e10";
    private static final String LONE_ORG = "9e0d8c7b-2222-4c55-9d0e-2b6f1a7c9e10";
    private static final String ORG = "1a2b3c4d-3333-4c55-9d0e-2b6f1a7c9e10";
    private static final String GRANT = "5f5f5f5f-4444-4c55-9d0e-2b6f1a7c9e10";

    private final LinkageAttack.Knowledge knowledge = new LinkageAttack.Knowledge(
            Map.of("Rosalind Quillfeather", "name of rosalind", "rosalind@example.org", "e-mail of rosalind", SUBJECT, "subject of rosalind"),
            Set.of(SUBJECT), LinkageAttack.DEFAULT_RESPONDENT_KEY, Map.of(GRANT, "role grant of rosalind"),
            List.of("partners share what they know"), Map.of(ORG, "Riverside Unified", LONE_ORG, "Lived Experience Voices"),
            PARTNERSHIP, ROUND, new LinkageAttack.Lone(LONE_ORG, "Lived Experience Voices", "LIVED_EXPERIENCE", "Beatriz"));
    private long offset;

    @Test
    void eventsWithOnlyWhatIsPublicLinkNobody() {
        LinkageAttack attack = new LinkageAttack(knowledge).run(clean());
        assertEquals(List.of(), attack.linked());
        assertEquals(8, attack.tried().size(), "every attempt is reported: " + attack.tried());
    }

    @Test
    void eachKindOfLinkIsFound() {
        Map<String, String> leaks = Map.ofEntries(
                Map.entry("a name", membership(ORG, "Riverside Unified", "\"contact\":\"Rosalind Quillfeather\"")),
                Map.entry("an e-mail", membership(ORG, "Riverside Unified", "\"contact\":\"ROSALIND@example.org\"")),
                Map.entry("a login subject", round("round.closed", "\"closedBy\":\"" + SUBJECT + "\"")),
                Map.entry("a respondent id", round("round.closed", "\"last\":\""
                        + LinkageAttack.respondentId(LinkageAttack.DEFAULT_RESPONDENT_KEY, SUBJECT, UUID.fromString(ROUND)) + "\"")),
                Map.entry("a role grant", round("round.opened", "\"grant\":\"" + GRANT + "\"")),
                Map.entry("the coordinator's role", round("round.opened", "\"openedByRole\":\"COORDINATOR\"")),
                Map.entry("a reflection", results(6, "[{\"group\":\"CHILD_WELFARE\",\"responded\":3},{\"group\":\"EDUCATION\",\"responded\":3}]",
                        "\"quote\":\"Partners share what they know\"")),
                Map.entry("a round tied to an organisation", round("round.closed", "\"organisationId\":\"" + ORG + "\"")),
                Map.entry("a group below the minimum", results(7, "[{\"group\":\"CHILD_WELFARE\",\"responded\":3},"
                        + "{\"group\":\"EDUCATION\",\"responded\":3},{\"group\":\"HEALTH_CARE\",\"responded\":1}]", null)),
                Map.entry("figures of an item below the minimum", results(6, "[]", "\"items\":[{\"itemKey\":\"t1\",\"responses\":2,"
                        + "\"withheld\":false,\"distribution\":[{\"value\":\"agree\",\"count\":2}],\"mean\":3.0}]")),
                Map.entry("a hidden sector computed from the total", results(7, "[{\"group\":\"CHILD_WELFARE\",\"responded\":3},"
                        + "{\"group\":\"EDUCATION\",\"responded\":3}]", null)),
                Map.entry("the lone organisation's sector", results(6, "[{\"group\":\"CHILD_WELFARE\",\"responded\":3},"
                        + "{\"group\":\"LIVED_EXPERIENCE\",\"responded\":3}]", null)),
                Map.entry("whole-round results below the minimum", results(2, "[]", null)));
        leaks.forEach((what, leak) -> {
            List<PublicStream.Record> records = clean();
            records.add(record(leak));
            LinkageAttack attack = new LinkageAttack(knowledge).run(records);
            assertTrue(!attack.linked().isEmpty(), what + " was not found in " + leak);
        });
    }

    /** A scripted partnership's public life: created, two memberships, round opened and closed, results of six. */
    private List<PublicStream.Record> clean() {
        List<PublicStream.Record> records = new ArrayList<>();
        records.add(record(event("partnership.created", "\"partnershipId\":\"" + PARTNERSHIP + "\",\"name\":\"Riverside BCR\",\"structure\":\"STEERING_COMMITTEE\"")));
        records.add(record(membership(ORG, "Riverside Unified", null)));
        records.add(record(membership(LONE_ORG, "Lived Experience Voices", null)));
        records.add(record(round("round.opened", null)));
        records.add(record(round("round.closed", null)));
        records.add(record(results(6, "[{\"group\":\"CHILD_WELFARE\",\"responded\":3,\"invited\":3},{\"group\":\"EDUCATION\",\"responded\":3}]",
                "\"items\":[{\"itemKey\":\"t1\",\"responses\":6,\"withheld\":false,\"distribution\":[{\"value\":\"agree\",\"count\":1},"
                        + "{\"value\":\"disagree\",\"count\":5}],\"mean\":1.5},{\"itemKey\":\"t2\",\"responses\":2,\"withheld\":true,"
                        + "\"distribution\":[],\"mean\":null}],\"sectorDifferences\":[{\"itemKey\":\"t1\",\"sectors\":[{\"group\":\"EDUCATION\","
                        + "\"responses\":3,\"mean\":1.2}]}]")));
        return records;
    }

    private static String membership(String organisation, String name, String extra) {
        return event("membership.started", "\"partnershipId\":\"" + PARTNERSHIP + "\",\"organisationId\":\"" + organisation
                + "\",\"organisationName\":\"" + name + "\",\"sector\":\"EDUCATION\",\"role\":\"MEMBER\"" + (extra == null ? "" : "," + extra));
    }

    private static String round(String type, String extra) {
        return event(type, "\"partnershipId\":\"" + PARTNERSHIP + "\",\"roundId\":\"" + ROUND + "\",\"title\":\"Spring\""
                + (extra == null ? "" : "," + extra));
    }

    private static String results(int responded, String bySector, String extra) {
        return event("round.results-released", "\"partnershipId\":\"" + PARTNERSHIP + "\",\"roundId\":\"" + ROUND
                + "\",\"minimumGroupSize\":3,\"participation\":{\"invited\":8,\"responded\":" + responded + ",\"bySector\":" + bySector
                + ",\"byRole\":[]},\"sections\":[{\"key\":\"trust\",\"answers\":12,\"meanScore\":2.1}]" + (extra == null ? "" : "," + extra));
    }

    private static String event(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"org.partnershippulse.public." + type
                + ".v1\",\"partitionkey\":\"" + PARTNERSHIP + "\",\"data\":{" + data + "}}";
    }

    private PublicStream.Record record(String value) {
        try {
            return new PublicStream.Record(0, offset++, PARTNERSHIP, Map.of("content-type", "application/cloudevents+json"), value,
                    JSON.readTree(value));
        } catch (Exception e) {
            throw new IllegalStateException(value, e);
        }
    }
}
