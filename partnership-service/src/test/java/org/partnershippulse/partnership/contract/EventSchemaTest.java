package org.partnershippulse.partnership.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.testkit.EventSchemas;
import org.partnershippulse.testkit.TestEvents;

/** The schema checks used on every produced event reject what a consumer could not rely on. */
class EventSchemaTest {

    private static String membershipStarted(String data) {
        UUID partnership = UUID.randomUUID();
        return TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service", PartnershipEventType.MEMBERSHIP_STARTED.type(),
                partnership.toString(), data.replace("$P", partnership.toString()));
    }

    @Test
    void completeMembershipEventIsValid() {
        assertTrue(EventSchemas.errors(membershipStarted("""
                {"membershipId":"%s","partnershipId":"$P","organisationId":"%s","organisationName":"Food Bank",
                 "sector":"COMMUNITY_BASED_ORGANIZATION","role":"MEMBER","joinedOn":"2026-01-05","leftOn":null,"version":0}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()))).isEmpty());
    }

    @Test
    void missingSectorUnknownRoleOrExtraFieldsAreRejected() {
        assertFalse(EventSchemas.errors(membershipStarted("""
                {"membershipId":"%s","partnershipId":"$P","organisationId":"%s","organisationName":"Food Bank",
                 "role":"CHAIR","joinedOn":"2026-01-05","version":0,"secret":"x"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()))).isEmpty());
    }

    @Test
    void unknownEventTypeHasNoSchema() {
        assertFalse(EventSchemas.errors(TestEvents.cloudEvent(UUID.randomUUID(), "/partnership-service",
                "org.example.partnership.renamed.v1", "k", "{}")).isEmpty());
    }
}
