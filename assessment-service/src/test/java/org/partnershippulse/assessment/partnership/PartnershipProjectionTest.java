package org.partnershippulse.assessment.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershippulse.assessment.Http.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.AssessmentTopicsResource;
import org.partnershippulse.assessment.Partnerships;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.EventLog;
import org.partnershippulse.testkit.TestEvents;

/** partnership-service's events, and nothing else, decide who belongs to a partnership here. */
@QuarkusTest
class PartnershipProjectionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRevokedRoleTakesAwayAccessToThePartnershipsRounds() {
        Partnerships p = Partnerships.create();
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();
        p.revoke(member);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                as(member.user()).when().get("/partnerships/" + p.id + "/rounds").statusCode() == 404);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String marker = UUID.randomUUID().toString();
        Partnerships p = Partnerships.create();
        TestEvents.publish(Partnerships.TOPIC, p.id.toString(), "{not json " + marker);
        p.publish(PartnershipEventType.ROLE_GRANTED, "{\"roleId\": \"" + UUID.randomUUID() + "\", \"note\": \"" + marker + "\"}");
        Partnerships.Person member = p.member("HEALTH_CARE", "MEMBER");
        p.ready();

        List<EventLog.Event> dead = EventLog.awaitRaw(AssessmentTopicsResource.DLQ, marker, 2);
        assertEquals(2, dead.size());
        as(member.user()).when().get("/partnerships/" + p.id + "/rounds").then().statusCode(200);
    }

    /**
     * A failure that is not the event's fault (the database refusing the first attempt with a deadlock error, from a
     * trigger the test installs) is retried until the event applies: it never reaches the dead-letter topic, where
     * a role would be lost and its holder locked out.
     */
    @Test
    void aTransientDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
        sql("drop sequence if exists fail_once_seq; create sequence fail_once_seq");
        sql("""
                create or replace function fail_once() returns trigger language plpgsql as $$
                begin
                  if nextval('fail_once_seq') = 1 then
                    raise exception 'injected transient failure' using errcode = '40P01';
                  end if;
                  return new;
                end $$""");
        sql("create trigger fail_once before insert on person_role_view for each row execute function fail_once()");
        try {
            Partnerships p = Partnerships.create();
            p.member("EDUCATION", "MEMBER");
            p.ready();
            assertTrue(value("select last_value from fail_once_seq") >= 2, "the first attempt failed and a later one ran");
            assertEquals(0, EventLog.readAll(AssessmentTopicsResource.DLQ).stream().filter(e -> e.raw().contains(p.id.toString())).count());
        } finally {
            sql("drop trigger if exists fail_once on person_role_view");
        }
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

    @Test
    void anEventOfAnUnknownTypeGoesToTheDeadLetterTopicWithItsReason() {
        String marker = UUID.randomUUID().toString();
        Partnerships p = Partnerships.create();
        p.publish("org.example.agreement.signed.v1", "{\"agreementId\": \"" + marker + "\"}");
        Partnerships.Person member = p.member("EDUCATION", "MEMBER");
        p.ready();

        List<EventLog.Event> dead = EventLog.awaitRaw(AssessmentTopicsResource.DLQ, marker, 1);
        assertEquals(1, dead.size());
        assertEquals("unknown event type org.example.agreement.signed.v1", dead.get(0).headers().get("dead-letter-reason"));
        as(member.user()).when().get("/partnerships/" + p.id + "/rounds").then().statusCode(200);
    }
}
