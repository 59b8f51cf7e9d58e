package org.partnershippulse.partnership.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.assessment.AssessmentEventType;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.partnership.Fixtures;
import org.partnershippulse.partnership.GreenMailResource;
import org.partnershippulse.partnership.archive.ArchiveResourceTest;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.MetricsContract;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestUser;

/**
 * What each person finds in their mailbox (a real SMTP server, GreenMail) when assessment-service's events arrive:
 * an invitation when a round opens, a reminder when it is due, in their own language, exactly once however often the
 * events are delivered, nothing for someone who opted out, and never anything from the round's instrument or answers.
 */
@QuarkusTest
class NotificationMailTest {

    /** In the instrument snapshot of the event: a mail must never carry what the instrument holds. */
    private static final String ITEM_TEXT = "Members trust each other deeply";

    record People(Fixtures.World world, TestUser spanish, UUID spanishId, TestUser optedOut, UUID optedOutId,
            UUID coordinatorId) {
    }

    private static People people(String name) {
        Fixtures.World w = Fixtures.world(name);
        TestUser spanish = TestUser.fresh("es");
        UUID spanishId = Fixtures.person(spanish, w.memberOrganisation());
        Fixtures.grant(w.partnershipId(), spanishId, "MEMBER");
        TestUser optedOut = TestUser.fresh("quiet");
        UUID optedOutId = Fixtures.person(optedOut, w.memberOrganisation());
        Fixtures.grant(w.partnershipId(), optedOutId, "MEMBER");
        settings(spanish, "es", false).then().statusCode(200).body("language", equalTo("es"));
        settings(optedOut, "en", true).then().statusCode(200).body("emailOptOut", equalTo(true));
        UUID coordinatorId = UUID.fromString(given().auth().oauth2(Fixtures.token(w.coordinator())).get("/me")
                .then().statusCode(200).extract().path("person.id"));
        return new People(w, spanish, spanishId, optedOut, optedOutId, coordinatorId);
    }

    @Test
    void eachInviteeIsInvitedOnceInTheirLanguageAndRemindersReachOnlyThoseNamed() throws Exception {
        People p = people("Mail");
        UUID partnership = p.world().partnershipId();
        UUID round = UUID.randomUUID();
        List<UUID> invitees = List.of(p.coordinatorId(), p.world().memberPersonId(), p.spanishId(), p.optedOutId());
        Instant closesAt = Instant.parse("2027-03-31T17:00:00Z");
        String opened = roundEvent(AssessmentEventType.ROUND_OPENED, UUID.randomUUID(), partnership, round, invitees, closesAt);
        double sentBefore = sent("INVITATION");

        publish(partnership, opened);
        publish(partnership, opened); // a redelivery: the inbox recognises it
        // the same round opened again (another event): the (kind, round, person) key recognises each invitee
        publish(partnership, roundEvent(AssessmentEventType.ROUND_REOPENED, UUID.randomUUID(), partnership, round,
                invitees, closesAt));
        // then a reminder for the member and the Spanish speaker only (those who have not responded)
        publish(partnership, reminderEvent(partnership, round, List.of(p.world().memberPersonId(), p.spanishId(),
                p.optedOutId()), closesAt));

        Map<String, List<MimeMessage>> received = awaitMail(p, 5);
        assertEquals(Map.of(p.world().coordinator().email(), 1, p.world().member().email(), 2, p.spanish().email(), 2),
                received.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())),
                "three invitations and two reminders, each once; nothing to the person who opted out");

        MimeMessage invitation = only(received.get(p.world().coordinator().email()));
        assertTrue(invitation.getSubject().contains("you are invited to respond to \"Spring check-in\""), invitation.getSubject());
        String body = text(invitation);
        assertTrue(body.contains("Hello " + p.world().coordinator().name()), body);
        assertTrue(body.contains("March 31, 2027"), body);
        assertTrue(body.contains("/notifications/unsubscribe?token="), body);
        assertEquals("en", invitation.getHeader("Content-Language", null));

        List<MimeMessage> spanish = received.get(p.spanish().email());
        MimeMessage spanishInvitation = withSubject(spanish, "le invitamos a responder");
        assertTrue(text(spanishInvitation).contains("Hola, " + p.spanish().name()));
        assertTrue(text(spanishInvitation).contains("31 de marzo de 2027"));
        MimeMessage spanishReminder = withSubject(spanish, "Recordatorio: «Spring check-in» se cierra el");
        assertEquals("es", spanishReminder.getHeader("Content-Language", null));
        withSubject(received.get(p.world().member().email()), "Reminder: \"Spring check-in\" closes on");

        for (List<MimeMessage> mails : received.values()) {
            for (MimeMessage m : mails) {
                assertFalse(GreenMailUtil.getWholeMessage(m).contains(ITEM_TEXT) || text(m).contains(ITEM_TEXT),
                        "no instrument content in a mail");
                assertEquals(1, m.getRecipients(Message.RecipientType.TO).length, "one person per mail");
            }
        }
        assertEquals(sentBefore + 3, sent("INVITATION"));

        // A county's own notification service hears of each one: 3 invitations, none for the person who opted out.
        List<EventLog.Event> due = EventLog.awaitType(PartnershipEventType.TOPIC, PartnershipEventType.NOTIFICATION_DUE.type(),
                d -> d.path("subjectId").asText().equals(round.toString()) && d.path("kind").asText().equals("INVITATION"), 3);
        assertEquals(3, due.size());
        due.forEach(e -> EventSchemas.assertValid(e.raw()));
        assertTrue(due.stream().noneMatch(e -> e.data().path("personId").asText().equals(p.optedOutId().toString())));
        assertTrue(due.stream().anyMatch(e -> e.data().path("language").asText().equals("es")));
    }

    @Test
    void theUnsubscribeLinkStopsThePersonsMailsAndTheirSettingsSayWhy() throws Exception {
        People p = people("Unsubscribe");
        UUID partnership = p.world().partnershipId();
        UUID first = UUID.randomUUID();
        publish(partnership, roundEvent(AssessmentEventType.ROUND_OPENED, UUID.randomUUID(), partnership, first,
                List.of(p.world().memberPersonId()), null));
        MimeMessage invitation = only(awaitMail(p, 1).get(p.world().member().email()));
        Matcher link = Pattern.compile("/notifications/unsubscribe\\?token=([A-Za-z0-9_-]{43})")
                .matcher(text(invitation));
        assertTrue(link.find());
        String token = link.group(1);
        assertEquals("<http://127.0.0.1:8081/notifications/unsubscribe?token=" + token + ">",
                invitation.getHeader("List-Unsubscribe", null));

        // Opening the link changes nothing (mail scanners follow links); the button does.
        given().queryParam("token", token).get("/notifications/unsubscribe").then().statusCode(200)
                .body(containsString("<form method=\"post\""));
        mine(p.world().member()).body("emailOptOut", equalTo(false));
        given().queryParam("token", token).post("/notifications/unsubscribe").then().statusCode(200)
                .body(containsString("no more e-mails"));
        mine(p.world().member()).body("emailOptOut", equalTo(true)).body("language", equalTo("en"));

        UUID second = UUID.randomUUID();
        publish(partnership, roundEvent(AssessmentEventType.ROUND_OPENED, UUID.randomUUID(), partnership, second,
                List.of(p.world().memberPersonId(), p.coordinatorId()), null));
        Map<String, List<MimeMessage>> after = awaitMail(p, 2);
        assertEquals(1, after.get(p.world().member().email()).size(), "no second mail after unsubscribing");
        assertEquals(1, after.get(p.world().coordinator().email()).size());

        // Bad links and settings are told apart, naming the field.
        given().queryParam("token", "short").post("/notifications/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("token"));
        given().queryParam("token", "A".repeat(43)).post("/notifications/unsubscribe").then().statusCode(404);
        settings(p.world().member(), "fr", false).then().statusCode(400).contentType("application/problem+json")
                .body(containsString("language"));
        given().auth().oauth2(Fixtures.token(p.world().member())).contentType(ContentType.JSON).body("{\"language\": \"es\"}")
                .put("/me/notification-settings").then().statusCode(400).body(containsString("emailOptOut"));
        given().auth().oauth2(Fixtures.token(TestUser.fresh("nobody"))).get("/me/notification-settings").then().statusCode(404);
        given().get("/me/notification-settings").then().statusCode(401);
    }

    @Test
    void everyoneWithARoleHearsOnceThatARoundsResultsAreReleased() throws Exception {
        People p = people("Released");
        UUID partnership = p.world().partnershipId();
        UUID round = UUID.randomUUID();
        ArchiveResourceTest.released(partnership, round, 1, true);
        ArchiveResourceTest.released(partnership, round, 2, true); // an interim release later: no second mail

        Map<String, List<MimeMessage>> received = awaitMail(p, 3);
        assertEquals(Map.of(p.world().coordinator().email(), 1, p.world().member().email(), 1, p.spanish().email(), 1),
                received.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())),
                "one mail per person with a role, none to the person who opted out");
        withSubject(received.get(p.world().coordinator().email()), "the results of \"Spring 2026\" are released");
    }

    // --- helpers

    private static io.restassured.response.Response settings(TestUser user, String language, boolean optOut) {
        return given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON)
                .body(Map.of("language", language, "emailOptOut", optOut)).put("/me/notification-settings");
    }

    private static io.restassured.response.ValidatableResponse mine(TestUser user) {
        return given().auth().oauth2(Fixtures.token(user)).get("/me/notification-settings").then().statusCode(200);
    }

    private static double sent(String kind) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return MetricsContract.value(metrics, "pulse_notifications_sent_total", Map.of("kind", kind));
    }

    private static void publish(UUID partnership, String event) {
        TestEvents.publish(AssessmentEventType.TOPIC, partnership.toString(), event);
    }

    /** The mails to this world's people, by recipient, once {@code count} of them arrived and nothing more came. */
    private static Map<String, List<MimeMessage>> awaitMail(People p, int count) throws InterruptedException {
        List<String> ours = List.of(p.world().coordinator().email(), p.world().member().email(), p.spanish().email(),
                p.optedOut().email());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ofPeople(ours).size() >= count);
        Thread.sleep(2000); // a duplicate would come right behind
        return ofPeople(ours).stream().collect(Collectors.groupingBy(NotificationMailTest::recipient));
    }

    private static List<MimeMessage> ofPeople(List<String> emails) {
        return Arrays.stream(GreenMailResource.mail().getReceivedMessages()).filter(m -> emails.contains(recipient(m))).toList();
    }

    /** The mail's text as the person reads it: decoded from quoted-printable, whose soft line breaks fall anywhere. */
    private static String text(MimeMessage m) throws Exception {
        return (String) m.getContent();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private static MimeMessage withSubject(List<MimeMessage> mails, String start) {
        return mails.stream().filter(m -> {
            try {
                return m.getSubject().contains(start);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail with subject " + start));
    }

    private static String roundEvent(AssessmentEventType type, UUID eventId, UUID partnership, UUID round,
            List<UUID> invitees, Instant closesAt) {
        String data = """
                {"roundId":"%s","partnershipId":"%s","title":"Spring check-in","instrumentKey":"bcr-pai","instrumentVersion":1,
                "instrument":{"key":"bcr-pai","sections":[{"key":"s","items":[{"key":"i","text":{"en":"%s"}}]}]},
                "opensAt":null,"closesAt":%s,"confidentiality":"CONFIDENTIAL","minimumGroupSize":3,"allowedBreakdowns":[],
                "declaredDimension":null,"invitedCount":%d,"invitedBySector":{},"invitedByRole":{},"respondedCount":0,
                "openedAt":"%s","closedAt":null,"reopenReason":null,"inviteePersonIds":[%s]}"""
                .formatted(round, partnership, ITEM_TEXT, closesAt == null ? "null" : "\"" + closesAt + "\"", invitees.size(),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        invitees.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")));
        return TestEvents.cloudEvent(eventId, "/assessment-service", type.type(), partnership.toString(), data);
    }

    private static String reminderEvent(UUID partnership, UUID round, List<UUID> people, Instant closesAt) {
        String data = """
                {"roundId":"%s","partnershipId":"%s","title":"Spring check-in","closesAt":"%s","anonymous":false,"personIds":[%s]}"""
                .formatted(round, partnership, closesAt, people.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")));
        return TestEvents.cloudEvent(UUID.randomUUID(), "/assessment-service", AssessmentEventType.ROUND_REMINDER_DUE.type(),
                partnership.toString(), data);
    }
}
