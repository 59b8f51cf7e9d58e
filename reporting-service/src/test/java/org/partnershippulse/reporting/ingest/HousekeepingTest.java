package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.events.Housekeeping;
import org.partnershippulse.kit.events.Inbox;

/**
 * Housekeeping on the real tables (PostgreSQL): published outbox rows older than the retention (P7D) go, unpublished
 * ones stay whatever their age, and so do rows published recently; inbox ids older than theirs (P30D) go, in batches
 * (batch size 5 in tests), and an id within it is still recognised when its event is delivered again.
 */
@QuarkusTest
class HousekeepingTest {

    /** OutboxRelay's advisory lock: held here, so the relay leaves the test's unpublished rows alone. */
    static final long RELAY_LOCK = 7_401_122_905L;
    static final String CONSUMER = AssessmentEventsConsumer.CONSUMER;

    @Inject
    Housekeeping housekeeping;

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource db;

    @Test
    void oldPublishedOutboxRowsGoUnpublishedAndRecentOnesStay() throws Exception {
        Instant now = Instant.now();
        try (Connection relayLock = db.getConnection()) {
            exec(relayLock, "select pg_advisory_lock(" + RELAY_LOCK + ")");
            UUID oldPublished = outbox(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)).plusSeconds(1));
            UUID oldUnpublished = outbox(now.minus(Duration.ofDays(10)), null);
            UUID publishedLate = outbox(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
            UUID recent = outbox(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
            double purgedBefore = metric("pulse_outbox_purged_total");
            try {
                Housekeeping.Purged purged = housekeeping.purge(now);

                assertEquals(1, purged.outbox(), "only the row published more than 7 days ago");
                assertEquals(Set.of(oldUnpublished, publishedLate, recent),
                        existing("outbox_event", "id", List.of(oldPublished, oldUnpublished, publishedLate, recent)));
                assertEquals(purgedBefore + 1, metric("pulse_outbox_purged_total"));
            } finally {
                try (Connection c = db.getConnection()) {
                    exec(c, "delete from outbox_event where id in ('" + oldUnpublished + "', '" + publishedLate + "', '" + recent + "')");
                }
                exec(relayLock, "select pg_advisory_unlock(" + RELAY_LOCK + ")");
            }
        }
    }

    @Test
    void oldInboxIdsGoInBatchesAndARedeliveryWithinTheRetentionIsStillRecognised() throws Exception {
        Instant now = Instant.now();
        UUID recent = UUID.randomUUID();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            old.add(UUID.randomUUID());
        }
        List<UUID> all = new ArrayList<>(old);
        all.add(recent);
        QuarkusTransaction.requiringNew().run(() -> inbox.firstDeliveries(CONSUMER, all));
        try (Connection c = db.getConnection()) {
            // applied 31 days ago (the retention is 30), and one 29 days ago
            for (UUID id : old) {
                processedAt(c, id, now.minus(Duration.ofDays(31)));
            }
            processedAt(c, recent, now.minus(Duration.ofDays(29)));
        }
        double purgedBefore = metric("pulse_inbox_purged_total");

        Housekeeping.Purged purged = housekeeping.purge(now);

        assertEquals(12, purged.inbox(), "the 12 ids older than 30 days, in three batches of at most 5");
        assertEquals(Set.of(recent), existing("processed_event", "event_id", all));
        assertEquals(purgedBefore + 12, metric("pulse_inbox_purged_total"));
        // delivered again: the id within the retention is recognised (not a first delivery), a purged one is not
        Set<UUID> first = QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries(CONSUMER, List.of(recent, old.get(0))));
        assertEquals(Set.of(old.get(0)), first);
    }

    private UUID outbox(Instant created, Instant published) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into outbox_event (id, topic, message_key, type, payload, created_at, published_at, attempts)
                values (?, 'pulse.housekeeping-test.v1', 'k', 'org.example.test.v1', '{}', ?, ?, 1)""")) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(created));
            s.setTimestamp(3, published == null ? null : Timestamp.from(published));
            s.executeUpdate();
        }
        return id;
    }

    private static void processedAt(Connection c, UUID id, Instant at) throws Exception {
        try (PreparedStatement s = c.prepareStatement("update processed_event set processed_at = ? where consumer = ? and event_id = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, CONSUMER);
            s.setObject(3, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    private Set<UUID> existing(String table, String column, List<UUID> ids) throws Exception {
        Set<UUID> found = new java.util.HashSet<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select " + column + " from " + table + " where " + column + " = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private static double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
