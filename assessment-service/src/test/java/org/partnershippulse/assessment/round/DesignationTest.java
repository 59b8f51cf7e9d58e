package org.partnershippulse.assessment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.kit.problem.Problem.Violation;

class DesignationTest {

    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID carol = UUID.randomUUID();
    final UUID orgA = UUID.randomUUID();

    Map<UUID, UUID> organisations() {
        Map<UUID, UUID> out = new HashMap<>();
        out.put(alice, orgA);
        out.put(bob, orgA);
        out.put(carol, null);
        return out;
    }

    @Test
    void onlyAPeopleAudienceDesignatesRespondents() {
        assertEquals(List.of("audience.type"), Designation.violations(RoundSettings.Audience.allMembers(), organisations())
                .stream().map(Violation::field).toList());
    }

    @Test
    void onePersonPerOrganisationAndEachWithAnOrganisation() {
        var audience = new RoundSettings.Audience(RoundSettings.AudienceType.PEOPLE, List.of(), List.of(alice, bob, carol));
        List<Violation> violations = Designation.violations(audience, organisations());
        assertEquals(List.of("audience.personIds[1]", "audience.personIds[2]"), violations.stream().map(Violation::field).toList());
        assertEquals("answers for the same organisation as audience.personIds[0]: one designated respondent per organisation",
                violations.get(0).message());
    }

    @Test
    void oneDesignatedPersonPerOrganisationIsFine() {
        var audience = new RoundSettings.Audience(RoundSettings.AudienceType.PEOPLE, List.of(), List.of(alice));
        assertEquals(List.of(), Designation.violations(audience, organisations()));
    }
}
