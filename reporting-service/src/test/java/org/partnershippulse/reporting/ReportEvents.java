package org.partnershippulse.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestUser;

/**
 * Events as partnership-service and assessment-service publish them, each checked against its committed schema
 * before it is produced, so that the fixtures cannot drift from the contracts.
 */
public final class ReportEvents {

    public static final String PARTNERSHIP_TOPIC = PartnershipEventType.TOPIC;
    public static final String ASSESSMENT_TOPIC = AssessmentEventType.TOPIC;
    public static final String DLQ = "pulse.reporting.dlq.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportEvents() {
    }

    /** A partnership with a coordinator and a member, as partnership-service announces them. */
    public record Partnership(UUID id, TestUser coordinator, TestUser member) {
        public static Partnership create(String name, String declaredDimension) {
            Partnership p = new Partnership(UUID.randomUUID(), TestUser.fresh("coordinator"), TestUser.fresh("member"));
            ObjectNode data = JSON.createObjectNode().put("partnershipId", p.id.toString()).put("name", name)
                    .put("status", "ACTIVE").put("geographyType", "COUNTY").put("geographyName", "Riverside")
                    .put("structure", "LEADERSHIP_TABLE").put("declaredDimension", declaredDimension).put("version", 0);
            publishPartnership(p.id, PartnershipEventType.PARTNERSHIP_CREATED.type(), data);
            p.grant(p.coordinator, "COORDINATOR");
            p.grant(p.member, "MEMBER");
            return p;
        }

        /**
         * The partnership's consent to publish released results on the public stream, as partnership-service announces
         * a change of it ({@code version} above the last one).
         */
        public void shareResultsPublicly(boolean shares, long version) {
            ObjectNode data = JSON.createObjectNode().put("partnershipId", id.toString()).put("name", "Sharing " + id)
                    .put("status", "ACTIVE").put("geographyType", "COUNTY").put("geographyName", "Riverside")
                    .put("structure", "LEADERSHIP_TABLE").put("version", version).put("sharesResultsPublicly", shares);
            publishPartnership(id, PartnershipEventType.PARTNERSHIP_UPDATED.type(), data);
        }

        /**
         * The partnership's choice to contribute to the benchmarks, as partnership-service announces a change of it
         * ({@code version} above the last one).
         */
        public void contributeToBenchmarks(boolean contributes, long version) {
            ObjectNode data = JSON.createObjectNode().put("partnershipId", id.toString()).put("name", "Benchmarking " + id)
                    .put("status", "ACTIVE").put("geographyType", "COUNTY").put("geographyName", "Riverside")
                    .put("structure", "LEADERSHIP_TABLE").put("version", version).put("contributesToBenchmarks", contributes);
            publishPartnership(id, PartnershipEventType.PARTNERSHIP_UPDATED.type(), data);
        }

        /** @return the role's id (to revoke it) */
        public UUID grant(TestUser user, String role) {
            UUID roleId = UUID.randomUUID();
            publishPartnership(id, PartnershipEventType.ROLE_GRANTED.type(), role(roleId, user, role));
            return roleId;
        }

        public void revoke(UUID roleId, TestUser user, String role) {
            publishPartnership(id, PartnershipEventType.ROLE_REVOKED.type(), role(roleId, user, role)
                    .put("revokedAt", Instant.now().toString()));
        }

        private ObjectNode role(UUID roleId, TestUser user, String role) {
            return JSON.createObjectNode().put("roleId", roleId.toString()).put("partnershipId", id.toString())
                    .put("personId", UUID.nameUUIDFromBytes(user.subject().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                    .put("subject", user.subject()).put("personName", user.name()).put("role", role)
                    .put("grantedAt", Instant.now().toString());
        }
    }

    /** A small PAI-like instrument: two elements, a free-text reflection, WestEd-style things to try. */
    public static ObjectNode instrument() {
        ObjectNode i = JSON.createObjectNode().put("key", "bcr-partnership-assessment-inventory").put("kind", "GROUP");
        i.set("title", text("Partnership Assessment Inventory"));
        i.set("languages", JSON.createArrayNode().add("en"));
        ArrayNode scales = i.putArray("scales");
        ObjectNode pai = scales.addObject().put("key", "pai-status").put("type", "ORDINAL");
        ArrayNode options = pai.putArray("options");
        options.addObject().put("value", "CURRENTLY_EXISTS").put("score", 3).set("label", text("Currently Exists/ Maintain"));
        options.addObject().put("value", "NEEDS_IMMEDIATE_ATTENTION").put("score", 1).set("label", text("Needs Immediate Attention"));
        options.addObject().put("value", "NEEDS_WORK_IN_FUTURE").put("score", 2).set("label", text("Needs work in the future"));
        scales.addObject().put("key", "free-text").put("type", "FREE_TEXT");
        ArrayNode sections = i.putArray("sections");
        section(sections, "trust", "Trust", Map.of(
                "trust-understanding-partners", "Time spent to develop understanding of partners' strengths.",
                "trust-team-building", "Investment in team building activities."), "pai-status");
        section(sections, "capacity-building", "Capacity Building", Map.of(
                "capacity-early-strategic-plan", "Develop a strategic plan at partnership's inception."), "pai-status");
        section(sections, "reflection", "Step 2: Reflection", Map.of(
                "reflection-major-strengths", "What are the major strengths?"), "free-text");
        ArrayNode recs = i.putArray("recommendations");
        recs.addObject().put("section", "capacity-building").put("level", "GO_DEEPER").set("text", text("Revisit the plan yearly."));
        recs.addObject().put("section", "capacity-building").put("level", "START_HERE").set("text", text("Map who brings which resources."));
        recs.addObject().put("section", "trust").put("level", "START_HERE").set("text", text("Hold a partner showcase."));
        i.putArray("discussionQuestions");
        return i;
    }

    /** A Leadership Self-Assessment-like personal instrument: three roles rated 1–5 and a self-reflection. */
    public static ObjectNode leadershipInstrument() {
        ObjectNode i = JSON.createObjectNode().put("key", "bcr-leadership-self-assessment").put("kind", "PERSONAL");
        i.set("title", text("Leadership Self-Assessment"));
        i.set("languages", JSON.createArrayNode().add("en"));
        ArrayNode scales = i.putArray("scales");
        ArrayNode options = scales.addObject().put("key", "leadership-ability").put("type", "ORDINAL").putArray("options");
        for (int score = 1; score <= 5; score++) {
            options.addObject().put("value", String.valueOf(score)).put("score", score)
                    .set("label", text(score == 1 ? "Not Able" : score == 5 ? "Very Able" : String.valueOf(score)));
        }
        scales.addObject().put("key", "free-text").put("type", "FREE_TEXT");
        ArrayNode sections = i.putArray("sections");
        section(sections, "roles", "Leadership Roles and Responsibilities", Map.of("visionary", "Visionary",
                "trust-builder", "Trust builder", "entrepreneur", "Entrepreneur"), "leadership-ability");
        section(sections, "self-reflection", "Self-reflection", Map.of(
                "self-reflection-strengths", "My strengths as a leader"), "free-text");
        i.putArray("recommendations");
        i.putArray("discussionQuestions");
        return i;
    }

    private static void section(ArrayNode sections, String key, String title, Map<String, String> items, String scale) {
        ObjectNode s = sections.addObject().put("key", key);
        s.set("title", text(title));
        ArrayNode list = s.putArray("items");
        new java.util.TreeMap<>(items).forEach((k, t) -> {
            ObjectNode item = list.addObject().put("key", k);
            item.set("text", text(t));
            item.put("scale", scale).put("required", false).put("noteAllowed", true);
        });
    }

    public static ObjectNode text(String en) {
        return JSON.createObjectNode().put("en", en);
    }

    public record RoundSettings(int minimumGroupSize, int invitedCount, Map<String, Integer> invitedBySector,
                                Map<String, Integer> invitedByRole, List<String> allowedBreakdowns) {
    }

    public static UUID openRound(Partnership p, RoundSettings s) {
        return openRound(p.id(), s, instrument());
    }

    public static UUID openRound(UUID partnershipId, RoundSettings s, ObjectNode instrument) {
        UUID roundId = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode().put("roundId", roundId.toString()).put("partnershipId", partnershipId.toString())
                .put("title", "Spring review").put("instrumentKey", instrument.path("key").asText()).put("instrumentVersion", 1);
        data.set("instrument", instrument);
        data.put("confidentiality", "CONFIDENTIAL").put("minimumGroupSize", s.minimumGroupSize());
        ArrayNode breakdowns = data.putArray("allowedBreakdowns");
        s.allowedBreakdowns().forEach(breakdowns::add);
        data.put("invitedCount", s.invitedCount());
        data.set("invitedBySector", JSON.valueToTree(s.invitedBySector()));
        data.set("invitedByRole", JSON.valueToTree(s.invitedByRole()));
        data.put("respondedCount", 0).put("openedAt", Instant.now().toString());
        publishAssessment(partnershipId, AssessmentEventType.ROUND_OPENED.type(), data);
        OPENED.put(roundId, data);
        return roundId;
    }

    /** What each round was opened with: closing and reopening publish the same round again. */
    private static final Map<UUID, ObjectNode> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    public static void closeRound(UUID partnershipId, UUID roundId) {
        ObjectNode data = OPENED.get(roundId).deepCopy().put("closedAt", Instant.now().toString());
        publishAssessment(partnershipId, AssessmentEventType.ROUND_CLOSED.type(), data);
    }

    public static void reopenRound(UUID partnershipId, UUID roundId) {
        ObjectNode data = OPENED.get(roundId).deepCopy().put("reopenReason", "A partner asked to correct an answer");
        publishAssessment(partnershipId, AssessmentEventType.ROUND_REOPENED.type(), data);
    }

    /** A response revision; answers map item key to option value; notes and reflections map item key to text. */
    public record Response(UUID responseId, int revision, String sector, List<String> roles, Map<String, String> answers,
                           Map<String, String> notes, Map<String, String> reflections) {
        public static Response of(String sector, List<String> roles, Map<String, String> answers) {
            return new Response(UUID.randomUUID(), 1, sector, roles, answers, Map.of(), Map.of());
        }

        public Response revised(int revision, Map<String, String> answers) {
            return new Response(responseId, revision, sector, roles, answers, notes, reflections);
        }

        public Response withNote(String item, String note) {
            Map<String, String> n = new LinkedHashMap<>(notes);
            n.put(item, note);
            return new Response(responseId, revision, sector, roles, answers, n, reflections);
        }

        public Response withReflection(String item, String text) {
            Map<String, String> r = new LinkedHashMap<>(reflections);
            r.put(item, text);
            return new Response(responseId, revision, sector, roles, answers, notes, r);
        }
    }

    /** @return the CloudEvent as published (to publish it again) */
    public static String submit(UUID partnershipId, UUID roundId, Response r) {
        return submit(partnershipId, roundId, r, UUID.randomUUID());
    }

    /** As assessment-service publishes it with a respondentId derived from the respondent's login. */
    public static String submit(UUID partnershipId, UUID roundId, Response r, UUID respondentId) {
        String event = responseEvent(partnershipId, roundId, r, respondentId);
        TestEvents.publish(ASSESSMENT_TOPIC, partnershipId.toString(), event);
        return event;
    }

    /** The response-submitted CloudEvent, checked against its schema, not published. */
    public static String responseEvent(UUID partnershipId, UUID roundId, Response r, UUID respondentId) {
        ObjectNode data = JSON.createObjectNode().put("roundId", roundId.toString()).put("partnershipId", partnershipId.toString())
                .put("instrumentKey", "bcr-partnership-assessment-inventory").put("instrumentVersion", 1)
                .put("responseId", r.responseId().toString()).put("revision", r.revision())
                .put("respondentId", respondentId.toString()).put("organisationId", UUID.randomUUID().toString())
                .put("organisationName", "Org of " + r.responseId()).put("sector", r.sector());
        ArrayNode roles = data.putArray("roles");
        r.roles().forEach(roles::add);
        data.put("language", "en");
        ArrayNode answers = data.putArray("answers");
        r.answers().forEach((item, value) -> answers.addObject().put("itemKey", item).put("value", value)
                .put("note", r.notes().get(item)));
        ArrayNode reflections = data.putArray("reflections");
        r.reflections().forEach((item, text) -> reflections.addObject().put("itemKey", item).put("text", text));
        data.put("submittedAt", Instant.now().toString());
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service",
                AssessmentEventType.RESPONSE_SUBMITTED.type(), partnershipId.toString(), data.toString());
        EventSchemas.assertValid(event);
        return event;
    }

    public static String publishAssessment(UUID partnershipId, String type, ObjectNode data) {
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service", type, partnershipId.toString(), data.toString());
        EventSchemas.assertValid(event);
        TestEvents.publish(ASSESSMENT_TOPIC, partnershipId.toString(), event);
        return event;
    }

    public static void publishPartnership(UUID partnershipId, String type, ObjectNode data) {
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service", type, partnershipId.toString(), data.toString());
        EventSchemas.assertValid(event);
        TestEvents.publish(PARTNERSHIP_TOPIC, partnershipId.toString(), event);
    }
}
