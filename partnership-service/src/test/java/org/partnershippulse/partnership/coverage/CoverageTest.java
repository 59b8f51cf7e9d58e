package org.partnershippulse.partnership.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.agreement.AgreementStatus;
import org.partnershippulse.partnership.sector.Sector;

class CoverageTest {

    private final UUID welfare = UUID.randomUUID();
    private final UUID school = UUID.randomUUID();
    private final UUID parents = UUID.randomUUID();

    private final List<Coverage.Member> members = List.of(
            new Coverage.Member(welfare, "Family Services", Sector.CHILD_WELFARE),
            new Coverage.Member(school, "School District", Sector.EDUCATION),
            new Coverage.Member(parents, "Parent Network", Sector.LIVED_EXPERIENCE));

    @Test
    void reportsMissingSectorsChampionsLivedExperienceAndSignatures() {
        List<Coverage.RoleHolder> roles = List.of(
                new Coverage.RoleHolder(UUID.randomUUID(), school, "AGENCY_CHAMPION"),
                new Coverage.RoleHolder(UUID.randomUUID(), parents, "LIVED_EXPERIENCE"));
        UUID agreement = UUID.randomUUID();
        Coverage.Report report = Coverage.compute(Set.of(Sector.CHILD_WELFARE, Sector.EDUCATION, Sector.HEALTH_CARE), members, roles,
                List.of(new Coverage.AgreementState(agreement, "MOU", AgreementStatus.ACTIVE, LocalDate.now().plusDays(10), true, List.of(welfare))),
                2);

        assertEquals(List.of(Sector.HEALTH_CARE), report.missingSectors());
        assertEquals(1, report.livedExperienceParticipants());
        assertTrue(report.livedExperienceGap());
        // parents' groups are not agencies: no champion expected of them
        assertEquals(List.of(welfare), report.organisationsWithoutChampion().stream().map(Coverage.OrganisationRef::organisationId).toList());
        assertEquals(List.of(welfare), report.membersNotSigned().stream().map(Coverage.OrganisationRef::organisationId).toList());
        assertEquals(List.of(agreement), report.agreementsDueForRenewal().stream().map(Coverage.AgreementRef::agreementId).toList());
        assertFalse(report.noActiveAgreement());
    }

    @Test
    void twoPeopleWithLivedExperienceCloseTheGapAndNoAgreementIsReported() {
        List<Coverage.RoleHolder> roles = List.of(
                new Coverage.RoleHolder(UUID.randomUUID(), null, "LIVED_EXPERIENCE"),
                new Coverage.RoleHolder(UUID.randomUUID(), null, "LIVED_EXPERIENCE"));
        Coverage.Report report = Coverage.compute(Set.of(), members, roles, List.of(), 2);
        assertFalse(report.livedExperienceGap());
        assertTrue(report.noActiveAgreement());
        assertTrue(report.membersNotSigned().isEmpty());
    }
}
