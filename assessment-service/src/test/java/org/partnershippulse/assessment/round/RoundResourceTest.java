package org.partnershippulse.assessment.round;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.partnershippulse.assessment.Http.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.assessment.Rounds;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.testkit.TestUser;

@QuarkusTest
class RoundResourceTest {

    @Test
    void aCoordinatorCreatesADraftRoundWithProtectiveDefaults() {
        Partnerships p = Partnerships.create().ready();
        as(p.coordinator.user()).body(Rounds.PAI.formatted("")).when().post(Rounds.of(p))
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("minimumGroupSize", equalTo(3))
                .body("confidentiality", equalTo("CONFIDENTIAL"))
                .body("audience.type", equalTo("ALL_MEMBERS"))
                .body("allowedBreakdowns", equalTo(List.of("SECTOR", "ROLE")))
                .body("invitedCount", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void aMinimumGroupSizeBelowTwoIsRejectedNamingTheField() {
        Partnerships p = Partnerships.create().ready();
        as(p.coordinator.user()).body(Rounds.PAI.formatted(", \"minimumGroupSize\": 1")).when().post(Rounds.of(p))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("minimumGroupSize"));
    }

    @Test
    void settingsThatCannotWorkAreRejectedNamingTheField() {
        Partnerships p = Partnerships.create().ready();
        as(p.coordinator.user()).body(Rounds.PAI.formatted("").replace("\"instrumentVersion\": 1", "\"instrumentVersion\": 7"))
                .when().post(Rounds.of(p)).then().statusCode(400).body("violations[0].field", equalTo("instrumentVersion"));
        as(p.coordinator.user()).body(Rounds.PAI.formatted(", \"opensAt\": \"2027-03-31T00:00:00Z\", \"closesAt\": \"2027-03-01T00:00:00Z\""))
                .when().post(Rounds.of(p)).then().statusCode(400).body("violations[0].field", equalTo("closesAt"));
        as(p.coordinator.user()).body(Rounds.PAI.formatted(", \"audience\": {\"type\": \"ROLES\"}"))
                .when().post(Rounds.of(p)).then().statusCode(400).body("violations[0].field", equalTo("audience.roles"));
        as(p.coordinator.user()).body(Rounds.PAI.formatted(", \"allowedBreakdowns\": [\"AGE\"]"))
                .when().post(Rounds.of(p)).then().statusCode(400).body("violations[0].field", equalTo("allowedBreakdowns[0]"));
    }

    @Test
    void onlyCoordinatorsManageRoundsAndOutsidersCannotSeeThem() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        as(member.user()).body(Rounds.PAI.formatted("")).when().post(Rounds.of(p))
                .then().statusCode(403).contentType("application/problem+json");
        String round = Rounds.draft(p, "");
        Partnerships other = Partnerships.create().ready();
        as(other.coordinator.user()).when().get(Rounds.of(p)).then().statusCode(404).contentType("application/problem+json");
        as(other.coordinator.user()).when().get(round).then().statusCode(404);
        as(TestUser.OUTSIDER).when().get(round).then().statusCode(404);
        as(TestUser.ADMIN).when().get(round).then().statusCode(200);
        // Drafts are the coordinators' work in progress.
        as(member.user()).when().get(round).then().statusCode(404);
    }

    @Test
    void settingsChangeUnderIfMatchWhileDraftAndAreFixedOnceOpen() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION").ready();
        String round = Rounds.draft(p, "");
        as(p.coordinator.user()).body(Rounds.PAI.formatted(", \"minimumGroupSize\": 5")).when().put(round)
                .then().statusCode(428);
        as(p.coordinator.user()).header("If-Match", "\"9\"").body(Rounds.PAI.formatted(", \"minimumGroupSize\": 5")).when().put(round)
                .then().statusCode(412);
        as(p.coordinator.user()).header("If-Match", "\"0\"").body(Rounds.PAI.formatted(", \"minimumGroupSize\": 5")).when().put(round)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("minimumGroupSize", equalTo(5));
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(200).body("status", equalTo("OPEN"));
        as(p.coordinator.user()).header("If-Match", "*").body(Rounds.PAI.formatted(", \"minimumGroupSize\": 2")).when().put(round)
                .then().statusCode(409).contentType("application/problem+json");
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(409);
    }

    @Test
    void openingClosingAndReopeningPublishWhatReportingNeeds() {
        Partnerships p = Partnerships.create();
        p.member("EDUCATION", "MEMBER");
        p.member("EDUCATION", "LIVED_EXPERIENCE");
        Partnerships.Person leaving = p.member("HEALTH_CARE", "MEMBER");
        p.ready();
        String round = Rounds.draft(p, ", \"allowedBreakdowns\": [\"SECTOR\"]");
        String roundId = round.substring(round.lastIndexOf('/') + 1);
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(200).body("invitedCount", equalTo(4));

        JsonNode opened = Rounds.event(AssessmentEventType.ROUND_OPENED, roundId, p);
        assertEquals(4, opened.path("invitedCount").asInt());
        assertEquals(2, opened.path("invitedBySector").path("EDUCATION").asInt());
        assertEquals(1, opened.path("invitedBySector").path("CHILD_WELFARE").asInt());
        assertEquals(1, opened.path("invitedByRole").path("LIVED_EXPERIENCE").asInt());
        assertEquals(3, opened.path("minimumGroupSize").asInt());
        assertEquals("[\"SECTOR\"]", opened.path("allowedBreakdowns").toString());
        assertEquals("COOPERATION", opened.path("declaredDimension").asText());
        assertEquals(34, opened.path("instrument").path("sections").findValues("items").stream().mapToInt(JsonNode::size).sum());

        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        Rounds.event(AssessmentEventType.ROUND_CLOSED, roundId, p);
        p.revoke(leaving);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                as(leaving.user()).when().get("/partnerships/" + p.id + "/rounds").statusCode() == 404);

        as(p.coordinator.user()).body("{}").when().post(round + "/reopen")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        as(p.coordinator.user()).body("{\"reason\": \"Two agencies joined late\"}").when().post(round + "/reopen")
                .then().statusCode(200).body("status", equalTo("OPEN")).body("reopenReason", equalTo("Two agencies joined late"));
        JsonNode reopened = Rounds.event(AssessmentEventType.ROUND_REOPENED, roundId, p);
        assertEquals("Two agencies joined late", reopened.path("reopenReason").asText());
        // the one who left stays invited (their answers may count): reporting's invited count must not jump
        assertEquals(4, reopened.path("invitedCount").asInt());
        as(p.coordinator.user()).when().get(round).then().statusCode(200).body("invitedCount", equalTo(4));
    }

    @Test
    void lifecycleStepsCheckIfMatchWhenSent() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION").ready();
        String round = Rounds.draft(p, "");
        as(p.coordinator.user()).header("If-Match", "\"3\"").when().post(round + "/open")
                .then().statusCode(412).contentType("application/problem+json");
        as(p.coordinator.user()).header("If-Match", "\"0\"").when().post(round + "/open")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(p.coordinator.user()).header("If-Match", "\"0\"").when().post(round + "/close").then().statusCode(412);
        as(p.coordinator.user()).when().post(round + "/close").then().statusCode(200).header("ETag", equalTo("\"2\""));
        as(p.coordinator.user()).header("If-Match", "\"1\"").body("{\"reason\": \"A late partner\"}").when().post(round + "/reopen")
                .then().statusCode(412);
        as(p.coordinator.user()).header("If-Match", "\"2\"").body("{\"reason\": \"A late partner\"}").when().post(round + "/reopen")
                .then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aRoundWhoseAudienceIsEmptyCannotOpen() {
        Partnerships p = Partnerships.create().ready();
        String round = Rounds.draft(p, ", \"audience\": {\"type\": \"ROLES\", \"roles\": [\"FUNDRAISING\"]}");
        as(p.coordinator.user()).when().post(round + "/open").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void coordinatorsSeeWhoRespondedButNeverAnswersAndMembersSeeTheirOpenRounds() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        String round = Rounds.open(p);
        String roundId = round.substring(round.lastIndexOf('/') + 1);

        as(member.user()).when().get("/me/rounds").then().statusCode(200)
                .body("items.find { it.roundId == '" + roundId + "' }.responseStatus", equalTo("NOT_STARTED"))
                .body("items.find { it.roundId == '" + roundId + "' }.partnershipName", notNullValue());

        String participation = as(p.coordinator.user()).when().get(round + "/participation").then().statusCode(200)
                .body("invitedCount", equalTo(2))
                .body("respondedCount", equalTo(0))
                .body("notResponded.name", hasItem(member.user().name()))
                .extract().asString();
        assertFalse(participation.contains("answers"));
        as(member.user()).when().get(round + "/participation").then().statusCode(403);
    }

    @Test
    void listsFilterByStatusAndRejectUnknownStatuses() {
        Partnerships p = Partnerships.create().withMembers("EDUCATION").ready();
        Rounds.draft(p, "");
        Rounds.open(p);
        as(p.coordinator.user()).when().get(Rounds.of(p) + "?status=OPEN").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].status", equalTo("OPEN"));
        as(p.coordinator.user()).when().get(Rounds.of(p)).then().statusCode(200).body("totalItems", equalTo(2));
        as(p.members.get(0).user()).when().get(Rounds.of(p)).then().statusCode(200).body("totalItems", equalTo(1));
        as(p.coordinator.user()).when().get(Rounds.of(p) + "?status=ARCHIVED").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }
}
