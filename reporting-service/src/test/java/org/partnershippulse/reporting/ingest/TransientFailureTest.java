package org.partnershippulse.reporting.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.TestEvents;
import org.partnershippulse.testkit.TestTokens;

/**
 * A failure that is not the event's fault (here: the database refusing the first attempt with a deadlock error,
 * injected by a trigger the test installs) is retried and the event applied; it never reaches the dead-letter topic.
 */
@QuarkusTest
class TransientFailureTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void removeTrigger() throws Exception {
        sql("drop trigger if exists fail_once on round_view");
    }

    @Test
    void aTransientDatabaseFailureIsRetriedAndAppliedNotDeadLettered() throws Exception {
        Partnership p = Partnership.create("Transient", null);
        // Fails the first insert of this partnership's round; a sequence is not rolled back, so only once.
        sql("drop sequence if exists fail_once_seq; create sequence fail_once_seq");
        sql("""
                create or replace function fail_once() returns trigger language plpgsql as $$
                begin
                  if new.partnership_id = '%s' and nextval('fail_once_seq') = 1 then
                    raise exception 'injected transient failure' using errcode = '40P01';
                  end if;
                  return new;
                end $$""".formatted(p.id()));
        sql("create trigger fail_once before insert on round_view for each row execute function fail_once()");

        UUID round = ReportEvents.openRound(p, new RoundSettings(2, 4, Map.of(), Map.of(), List.of()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round).then()
                        .statusCode(200).body("participation.invited", equalTo(4)));
        assertTrue(value("select last_value from fail_once_seq") >= 2, "the first attempt failed and a second one ran");
        // A poison event after it, on the same partition: once it is dead-lettered, the round event would have been too.
        String marker = "after-transient-" + UUID.randomUUID();
        TestEvents.publish(ReportEvents.ASSESSMENT_TOPIC, p.id().toString(), TestEvents.cloudEvent(UUID.randomUUID(),
                "/assessment-service", "org.example.unknown.v1", p.id().toString(), "{\"m\":\"" + marker + "\"}"));
        EventLog.awaitRaw(ReportEvents.DLQ, marker, 1);
        assertEquals(0, EventLog.readAll(ReportEvents.DLQ).stream().filter(e -> e.raw().contains(round.toString())).count());
    }

    private void sql(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long value(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
