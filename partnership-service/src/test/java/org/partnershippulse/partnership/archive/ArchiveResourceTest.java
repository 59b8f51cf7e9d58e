package org.partnershippulse.partnership.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.partnership.Fixtures.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.reporting.ReportingEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.partnership.improvement.PlanFixtures;
import org.partnershippulse.partnership.releasedreport.ReleasedReport;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * The partnership owns its data: its coordinators (and platform administrators) download everything it has, including
 * the released reports reporting-service announced (report.released, consumed once through the inbox), as JSON and
 * CSV; members, other partnerships' coordinators and anonymous callers get nothing.
 */
@QuarkusTest
public class ArchiveResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DLQ = "pulse.partnership.dlq.v1";

    /** Publishes reporting's report.released of a round's release, as reporting-service would. */
    public static String released(UUID partnershipId, UUID roundId, int release, boolean withFigures) {
        String figures = withFigures ? """
                {"roundId":"%s","partnershipId":"%s","instrumentKey":"bcr-partnership-assessment-inventory","instrumentVersion":1,
                 "release":{"number":%d,"cutAt":"2026-04-30T07:00:31Z","trigger":"CLOSE"},"minimumGroupSize":3,
                 "participation":{"invited":10,"responded":8,"rate":0.8,"bySector":[{"group":"EDUCATION","invited":4,"responded":4,"rate":1.0}],
                   "byRole":[],"hiddenSectorGroups":2,"hiddenRoleGroups":0},
                 "items":[{"sectionKey":"trust","itemKey":"trust-team-building","scaleType":"ORDINAL","responses":8,"withheld":false,
                   "distribution":[{"value":"CURRENTLY_EXISTS","count":5,"share":0.625}],"mean":2.4,"median":2.0,"consensus":0.7}],
                 "sections":[{"key":"trust","answers":8,"meanScore":2.4,"normalisedScore":0.7}],"sectorDifferences":[],"coverage":[]}
                """.formatted(roundId, partnershipId, release) : "null";
        String data = """
                {"roundId":"%s","partnershipId":"%s","title":"Spring 2026","instrumentKey":"bcr-partnership-assessment-inventory",
                 "instrumentVersion":1,"openedAt":"2026-04-01T07:00:12Z","closedAt":"2026-04-30T07:00:30Z",
                 "release":{"number":%d,"cutAt":"2026-04-30T07:00:31Z","respondents":8,"trigger":"CLOSE"},"figures":%s}
                """.formatted(roundId, partnershipId, release, figures);
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/reporting-service", ReportingEventType.REPORT_RELEASED.type(),
                partnershipId.toString(), data);
        EventSchemas.assertValid(event);
        TestEvents.publish(ReportingEventType.TOPIC, partnershipId.toString(), event);
        return event;
    }

    static long stored(UUID partnershipId) {
        return QuarkusTransaction.requiringNew().call(() -> ReleasedReport.count("partnershipId", partnershipId));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void theCoordinatorDownloadsEverythingThePartnershipHasIncludingItsReleasedReports() throws Exception {
        Fixtures.World world = Fixtures.world("Archive");
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("decisionProcess", "Consensus, \"as agreed\", of members"))
                .when().post("/partnerships/{id}/agreements", world.partnershipId()).then().statusCode(201);
        UUID round = UUID.randomUUID();
        String event = released(world.partnershipId(), round, 1, true);
        released(world.partnershipId(), round, 2, false);
        TestEvents.publish(ReportingEventType.TOPIC, world.partnershipId().toString(), event); // a redelivery: kept once
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stored(world.partnershipId()) == 2);

        // its improvement plan: a goal and a check-in on it
        String plan = PlanFixtures.plan(world, 1);
        String goal = PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation()));
        given().auth().oauth2(token(world.coordinator())).contentType(ContentType.JSON)
                .body(Map.of("goals", List.of(Map.of("goalId", PlanFixtures.id(goal), "status", "AT_RISK", "value", 40))))
                .post(plan + "/check-ins").then().statusCode(201);

        Response response = given().auth().oauth2(token(world.coordinator()))
                .when().get("/partnerships/{id}/archive", world.partnershipId()).then().statusCode(200)
                .contentType("application/zip").extract().response();
        assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"partnership-"),
                response.header("Content-Disposition"));
        Map<String, byte[]> files = unzip(response.asByteArray());
        assertEquals(List.of("archive.json", "partnership.csv", "organisations.csv", "people.csv", "agreements.csv",
                "agreement-versions.csv", "agreement-signatures.csv", "released-reports.csv", "plans.csv", "goals.csv",
                "commitments.csv", "check-ins.csv", "measures.csv", "measure-values.csv", "audit.csv"), new ArrayList<>(files.keySet()));

        JsonNode archive = JSON.readTree(files.get("archive.json"));
        assertEquals("partnership-pulse-archive", archive.path("format").asText());
        assertEquals(1, archive.path("formatVersion").asInt());
        JsonNode records = archive.path("records");
        assertEquals(PlanFixtures.id(goal), records.path("goals").get(0).path("id").asText());
        assertEquals("AT_RISK", records.path("check-ins").get(0).path("status").asText());
        assertEquals(PlanFixtures.id(plan), records.path("plans").get(0).path("id").asText());
        assertEquals(world.partnershipId().toString(), records.path("partnership").get(0).path("id").asText());
        List<String> sectors = new ArrayList<>();
        records.path("organisations").forEach(o -> sectors.add(o.path("sector").asText()));
        assertEquals(List.of("CHILD_WELFARE", "EDUCATION"), sectors.stream().sorted().toList());
        List<String> people = new ArrayList<>();
        records.path("people").forEach(p -> people.add(p.path("email").asText() + " " + p.path("role").asText()));
        assertTrue(people.contains(world.coordinator().email() + " COORDINATOR"), people.toString());
        assertTrue(people.contains(world.member().email() + " MEMBER"), people.toString());
        assertTrue(records.path("people").toString().indexOf(world.member().subject()) < 0, "no login subject in the archive");
        assertEquals(1, records.path("agreements").size());
        assertEquals(1, records.path("agreement-versions").size());
        assertTrue(records.path("agreement-versions").get(0).path("text").asText().contains("Unified School District"));
        JsonNode reports = records.path("released-reports");
        assertEquals(2, reports.size());
        assertEquals(round.toString(), reports.get(0).path("roundId").asText());
        assertEquals("bcr-partnership-assessment-inventory", reports.get(0).path("instrumentKey").asText());
        assertEquals(2.4, reports.get(0).path("figures").path("items").get(0).path("mean").asDouble());
        assertTrue(reports.get(1).path("figures").isNull());
        assertTrue(records.path("audit").size() >= 5, "the audit trail: " + records.path("audit").size());

        String csv = new String(files.get("agreements.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("agreementId,title,status,"), csv);
        assertTrue(csv.contains("\"Consensus, \"\"as agreed\"\", of members\""), "quoted as RFC 4180: " + csv);
        String reportsCsv = new String(files.get("released-reports.csv"), StandardCharsets.UTF_8);
        assertEquals(3, reportsCsv.split("\r\n").length, reportsCsv);

        given().auth().oauth2(token(world.coordinator())).when().get("/partnerships/{id}/audit", world.partnershipId())
                .then().statusCode(200).body("items[0].action", org.hamcrest.Matchers.equalTo("exported"));
    }

    @Test
    void onlyItsCoordinatorsAndPlatformAdministratorsMayExport() {
        Fixtures.World world = Fixtures.world("Archive access");
        Fixtures.World other = Fixtures.world("Other archive");
        String path = "/partnerships/" + world.partnershipId() + "/archive";
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(token(world.member())).when().get(path).then().statusCode(403);
        given().auth().oauth2(token(other.coordinator())).when().get(path).then().statusCode(404);
        given().auth().oauth2(token(TestUser.fresh("nobody"))).when().get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.of(TestUser.ADMIN)).when().get(path).then().statusCode(200).contentType("application/zip");
        given().auth().oauth2(token(world.coordinator())).when().get("/partnerships/{id}/archive", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void releasesOfUnknownPartnershipsAreDroppedAndBrokenOnesDeadLettered() {
        UUID nowhere = UUID.randomUUID();
        released(nowhere, UUID.randomUUID(), 1, false);
        String marker = UUID.randomUUID().toString();
        String broken = TestEvents.cloudEvent(UUID.randomUUID(), "/reporting-service", ReportingEventType.REPORT_RELEASED.type(),
                nowhere.toString(), "{\"partnershipId\":\"" + nowhere + "\",\"title\":\"" + marker + "\"}");
        TestEvents.publish(ReportingEventType.TOPIC, nowhere.toString(), broken);
        EventLog.awaitRaw(DLQ, marker, 1);
        assertEquals(0, stored(nowhere), "no released report for a partnership that is not here");
    }
}
