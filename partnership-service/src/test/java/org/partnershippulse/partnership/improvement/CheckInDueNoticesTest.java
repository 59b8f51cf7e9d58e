package org.partnershippulse.partnership.improvement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.partnership.Fixtures.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.partnership.GreenMailResource;

/** A plan's check-in falling due reaches its coordinators and goal owners by mail, once. */
@QuarkusTest
class CheckInDueNoticesTest {

    @Inject
    CheckInDueNotices notices;

    @Test
    void coordinatorsAndGoalOwnersAreToldOnceBeforeACheckInNobodyRecorded() throws Exception {
        Fixtures.World world = Fixtures.world("Check-in due");
        LocalDate today = LocalDate.now();
        LocalDate due = today.plusDays(2);
        // a monthly plan whose first check-in date is in two days
        String plan = PlanFixtures.plans(world) + "/" + given().auth().oauth2(token(world.coordinator()))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Plan " + UUID.randomUUID(), "roundId", PlanFixtures.ROUND,
                        "startsOn", due.minusMonths(1).toString()))
                .post(PlanFixtures.plans(world)).then().statusCode(201).extract().path("id");
        PlanFixtures.goal(world, plan, PlanFixtures.goalBody(world, world.memberOrganisation())); // owned by the member

        assertEquals(0, notices.notifyDue(today.minusDays(2)), "four days ahead: too early");
        assertTrue(notices.notifyDue(today) >= 2, "the coordinator and the goal's owner");
        assertEquals(0, notices.notifyDue(today), "a second run tells no one again");

        List<String> ours = List.of(world.coordinator().email(), world.member().email());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mails(ours).size() >= 2);
        Thread.sleep(2000); // a duplicate would come right behind
        Map<String, Long> received = mails(ours).stream().collect(Collectors.groupingBy(CheckInDueNoticesTest::recipient,
                Collectors.counting()));
        assertEquals(Map.of(world.coordinator().email(), 1L, world.member().email(), 1L), received);
        assertTrue(mails(ours).get(0).getSubject().contains("a check-in is due on"), mails(ours).get(0).getSubject());

    }

    private static List<MimeMessage> mails(List<String> recipients) {
        return Arrays.stream(GreenMailResource.mail().getReceivedMessages())
                .filter(m -> recipients.contains(recipient(m))).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
