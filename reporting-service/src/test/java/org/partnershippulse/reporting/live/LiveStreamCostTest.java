package org.partnershippulse.reporting.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;
import org.partnershippulse.testkit.TestUser;

/**
 * What a live stream costs and when it ends: no database connection while it is open, caps per caller and per round
 * (429 with Retry-After), the end of a revoked reader's or an expired token's stream, the place freed when the client
 * goes away, and readiness that tells an exhausted pool.
 */
@QuarkusTest
class LiveStreamCostTest {

    static final String T1 = "trust-understanding-partners";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LiveService live;

    @Test
    void aFourthStreamOfOneCallerIsRefusedWith429AndRetryAfterUntilOneCloses() throws Exception {
        Partnership p = Partnership.create("Live caps", null);
        UUID round = openRound(p);
        List<SseViewer> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(SseViewer.open(TestTokens.of(p.member()), round));
                assertEquals(200, open.get(i).status());
            }
            SseViewer fourth = SseViewer.open(TestTokens.of(p.member()), round);
            assertEquals(429, fourth.status());
            assertEquals("application/problem+json", fourth.response.headers().firstValue("content-type").orElse(""));
            assertEquals("15", fourth.response.headers().firstValue("retry-after").orElse(null));
            assertTrue(fourth.body().contains("https://partnershippulse.org/problems/too-many-requests"));
            // another caller is not affected by the member's streams
            try (SseViewer coordinator = SseViewer.open(TestTokens.of(p.coordinator()), round)) {
                assertEquals(200, coordinator.status());
            }

            open.remove(0).close();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                SseViewer again = SseViewer.open(TestTokens.of(p.member()), round);
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                return false;
            });
        } finally {
            open.forEach(SseViewer::close);
        }
    }

    @Test
    void aRoundTakesAtMostItsCapOfStreams() throws Exception {
        // %test: at most 12 per round
        Partnership p = Partnership.create("Live round cap", null);
        List<TestUser> viewers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser u = TestUser.fresh("viewer");
            p.grant(u, "MEMBER");
            viewers.add(u);
        }
        UUID round = openRound(p);
        awaitReader(viewers.get(viewers.size() - 1), round);
        List<SseViewer> open = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                open.add(SseViewer.open(TestTokens.of(viewers.get(i / 3)), round));
                assertEquals(200, open.get(i).status(), "stream " + (i + 1));
            }
            SseViewer thirteenth = SseViewer.open(TestTokens.of(viewers.get(4)), round);
            assertEquals(429, thirteenth.status());
            assertTrue(thirteenth.body().contains("This round has 12 live streams open"));
            assertTrue(thirteenth.response.headers().firstValue("retry-after").isPresent());
        } finally {
            open.forEach(SseViewer::close);
        }
    }

    @Test
    void openStreamsHoldNoConnectionAndAbandonedOnesAreFreed() throws Exception {
        Partnership p = Partnership.create("Live abandoned", null);
        List<TestUser> viewers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestUser u = TestUser.fresh("watcher");
            p.grant(u, "MEMBER");
            viewers.add(u);
        }
        UUID round = openRound(p);
        awaitReader(viewers.get(3), round);
        int poolMax = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        int before = live.openStreams();
        List<SseViewer> open = new ArrayList<>();
        try {
            // 12 open streams, most of the pool's 16: with a connection each, the pool would be nearly gone
            for (int i = 0; i < 12; i++) {
                SseViewer v = SseViewer.open(TestTokens.of(viewers.get(i / 3)), round);
                assertEquals(200, v.status());
                open.add(v);
            }
            for (SseViewer v : open) {
                assertNotNull(v.await("summary", 1, 10), "each stream starts with a summary");
            }
            assertEquals(before + 12, live.openStreams());
            // several polls later, between messages: no connection is held for the streams
            Thread.sleep(2500);
            long active = dataSource.getMetrics().activeCount();
            assertTrue(active <= 2, "active connections with 12 idle streams open: " + active + " of " + poolMax);
            given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round).then().statusCode(200);
        } finally {
            open.forEach(SseViewer::close);
        }
        // the clients went away without a word: their places are freed
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> live.openStreams() == before);
        assertTrue(dataSource.getMetrics().activeCount() <= 2);
    }

    @Test
    void aRevokedMembersStreamEndsWithAccessRevokedAndGetsNoFurtherFigures() throws Exception {
        Partnership p = Partnership.create("Live revoked", null);
        TestUser leaving = TestUser.fresh("leaving");
        ObjectNode granted = JSON.createObjectNode().put("roleId", UUID.randomUUID().toString())
                .put("partnershipId", p.id().toString()).put("personId", UUID.randomUUID().toString())
                .put("subject", leaving.subject()).put("personName", "Leaving Member").put("role", "MEMBER")
                .put("grantedAt", Instant.now().toString());
        publish(p, PartnershipEventType.ROLE_GRANTED.type(), granted);
        UUID round = openRound(p);
        awaitReader(leaving, round);

        try (SseViewer stream = SseViewer.open(TestTokens.of(leaving), round);
             SseViewer coordinator = SseViewer.open(TestTokens.of(p.coordinator()), round)) {
            assertEquals(200, stream.status());
            assertNotNull(stream.await("summary", 1, 10));
            publish(p, PartnershipEventType.ROLE_REVOKED.type(), granted.deepCopy().put("revokedAt", Instant.now().toString()));

            assertTrue(stream.awaitEnd(20), "the service ends the revoked member's stream");
            SseViewer.Event end = stream.await("end", 1, 1);
            assertNotNull(end, "an end event: " + stream.events());
            assertEquals("ACCESS_REVOKED", end.json().path("reason").asText());
            assertEquals(1, stream.named("summary").size(), "no summary after the revocation");
            // the coordinator's stream goes on: a release is pushed
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
            Releases.cut(round, 2);
            assertNotNull(coordinator.await("summary", 2, 20));
            assertTrue(coordinator.named("end").isEmpty());
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        Partnership p = Partnership.create("Live expiry", null);
        UUID round = openRound(p);
        String shortLived = Jwt.subject(p.member().subject()).issuer(TestTokens.ISSUER).audience(Set.of(TestTokens.AUDIENCE))
                .preferredUserName(p.member().username()).expiresIn(Duration.ofSeconds(3)).sign();
        try (SseViewer stream = SseViewer.open(shortLived, round)) {
            assertEquals(200, stream.status());
            assertTrue(stream.awaitEnd(15), "the stream ends after its token expired");
            SseViewer.Event end = stream.await("end", 1, 1);
            assertNotNull(end, "an end event: " + stream.events());
            assertEquals("TOKEN_EXPIRED", end.json().path("reason").asText());
        }
    }

    @Test
    void aSummaryIsPushedOnlyWhenItChanged() throws Exception {
        Partnership p = Partnership.create("Live quiet", null);
        UUID round = openRound(p);
        try (SseViewer stream = SseViewer.open(TestTokens.of(p.coordinator()), round)) {
            assertNotNull(stream.await("summary", 1, 10));
            // five polls (1 s) and two heartbeats (2 s in tests) with nothing new: heartbeats only
            Thread.sleep(5000);
            assertEquals(1, stream.named("summary").size(), "summaries while nothing changed: " + stream.events());
            assertTrue(stream.named("heartbeat").size() >= 1, "heartbeats while nothing changed");

            // a response alone changes no result (results change only in releases): nothing is pushed for it
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "CURRENTLY_EXISTS")));
            Releases.awaitApplied(round, 1, 1);
            Thread.sleep(3000);
            assertEquals(1, stream.named("summary").size(), "a summary for one response: " + stream.events());
            ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), Map.of(T1, "NEEDS_WORK_IN_FUTURE")));
            Releases.cut(round, 2);
            SseViewer.Event second = stream.await("summary", 2, 20);
            assertNotNull(second, "the release is pushed");
            assertEquals(2, second.json().path("participation").path("responded").asInt());
            Thread.sleep(3000);
            assertEquals(2, stream.named("summary").size(), "one push for one change: " + stream.events());
        }
    }

    @Test
    void readinessIsDownWhileNoConnectionCanBeHadAndRecoversByItself() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200);
        int max = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < max) {
                held.add(dataSource.getConnection());
            }
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static UUID openRound(Partnership p) {
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        awaitReader(p.coordinator(), round);
        awaitReader(p.member(), round);
        return round;
    }

    private static void awaitReader(TestUser user, UUID round) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(user)).when().get("/rounds/{id}/report", round).then().statusCode(200));
    }

    private static void publish(Partnership p, String type, ObjectNode data) {
        String event = TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service", type, p.id().toString(), data.toString());
        EventSchemas.assertValid(event);
        TestEvents.publish(ReportEvents.PARTNERSHIP_TOPIC, p.id().toString(), event);
    }
}
