package org.partnershippulse.assessment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.assessment.round.AudienceRules.Invitee;
import org.partnershippulse.assessment.round.AudienceRules.PersonRole;
import org.partnershippulse.assessment.round.RoundLifecycle.Action;
import org.partnershippulse.assessment.round.RoundSettings.Audience;
import org.partnershippulse.assessment.round.RoundSettings.AudienceType;
import org.partnershippulse.kit.problem.Problem.Violation;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.problem.ProblemType;

/** Round lifecycle, settings and audience: plain rules, no Quarkus. */
class RoundRulesTest {

    @Test
    void aRoundGoesFromDraftToOpenToClosedAndBackToOpenOnlyByReopening() {
        assertEquals(RoundStatus.OPEN, RoundLifecycle.apply(RoundStatus.DRAFT, Action.OPEN));
        assertEquals(RoundStatus.CLOSED, RoundLifecycle.apply(RoundStatus.OPEN, Action.CLOSE));
        assertEquals(RoundStatus.OPEN, RoundLifecycle.apply(RoundStatus.CLOSED, Action.REOPEN));
        assertEquals(ProblemType.CONFLICT, assertThrows(ProblemException.class,
                () -> RoundLifecycle.apply(RoundStatus.CLOSED, Action.OPEN)).type());
        assertThrows(ProblemException.class, () -> RoundLifecycle.apply(RoundStatus.DRAFT, Action.CLOSE));
        assertThrows(ProblemException.class, () -> RoundLifecycle.apply(RoundStatus.OPEN, Action.REOPEN));
    }

    @Test
    void settingsAreFixedOnceTheRoundOpens() {
        assertEquals(RoundStatus.DRAFT, RoundLifecycle.apply(RoundStatus.DRAFT, Action.EDIT));
        assertThrows(ProblemException.class, () -> RoundLifecycle.apply(RoundStatus.OPEN, Action.EDIT));
        assertThrows(ProblemException.class, () -> RoundLifecycle.apply(RoundStatus.CLOSED, Action.EDIT));
    }

    @Test
    void responsesAreAcceptedOnlyWhileOpen() {
        RoundLifecycle.requireAcceptingResponses(RoundStatus.OPEN);
        assertThrows(ProblemException.class, () -> RoundLifecycle.requireAcceptingResponses(RoundStatus.CLOSED));
        assertThrows(ProblemException.class, () -> RoundLifecycle.requireAcceptingResponses(RoundStatus.DRAFT));
    }

    @Test
    void theMinimumGroupSizeIsNeverBelowTwo() {
        assertEquals(List.of(new Violation("minimumGroupSize", "must be 2 or more: a smaller group would reveal individual answers")),
                settings(1, Audience.allMembers()).violations());
        assertEquals(List.of(), settings(2, Audience.allMembers()).violations());
    }

    @Test
    void anAudienceByRolesNamesKnownRoles() {
        assertEquals("audience.roles", settings(3, new Audience(AudienceType.ROLES, List.of(), null)).violations().get(0).field());
        assertEquals("audience.roles[0]", settings(3, new Audience(AudienceType.ROLES, List.of("CHAIR"), null)).violations().get(0).field());
    }

    @Test
    void theAudienceGroupsRolesByPersonAndCountsBreakdowns() {
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        List<PersonRole> roles = List.of(
                new PersonRole(ana, "Ana", org, "County Schools", "EDUCATION", "COORDINATOR"),
                new PersonRole(ana, "Ana", org, "County Schools", "EDUCATION", "DATA_MEASUREMENT_LEAD"),
                new PersonRole(ben, "Ben", null, null, null, "LIVED_EXPERIENCE"));

        List<Invitee> everyone = AudienceRules.invitees(Audience.allMembers(), roles);
        assertEquals(2, everyone.size());
        assertEquals(List.of("COORDINATOR", "DATA_MEASUREMENT_LEAD"), everyone.get(0).roles());
        assertEquals("UNKNOWN", everyone.get(1).sector());
        assertEquals(java.util.Map.of("EDUCATION", 1, "UNKNOWN", 1), AudienceRules.bySector(everyone));
        assertEquals(java.util.Map.of("COORDINATOR", 1, "DATA_MEASUREMENT_LEAD", 1, "LIVED_EXPERIENCE", 1), AudienceRules.byRole(everyone));

        assertEquals(List.of(ben), AudienceRules.invitees(new Audience(AudienceType.ROLES, List.of("LIVED_EXPERIENCE"), null), roles)
                .stream().map(Invitee::personId).toList());
        assertEquals(List.of(ana), AudienceRules.invitees(new Audience(AudienceType.PEOPLE, null, List.of(ana)), roles)
                .stream().map(Invitee::personId).toList());
    }

    private static RoundSettings settings(int minimumGroupSize, Audience audience) {
        return new RoundSettings("k", 1, "t", null, null, audience, RoundSettings.Confidentiality.CONFIDENTIAL,
                minimumGroupSize, EnumSet.allOf(RoundSettings.Breakdown.class));
    }
}
