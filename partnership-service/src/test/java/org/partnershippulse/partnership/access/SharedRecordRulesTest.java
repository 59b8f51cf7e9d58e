package org.partnershippulse.partnership.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SharedRecordRulesTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void aRecordTwoPartnershipsSeeNeedsACoordinatorOfBoth() {
        assertFalse(SharedRecordRules.toChangeOrganisation(false, Set.of(a, b), Set.of(b)).allowed());
        assertEquals(Access.FORBIDDEN, SharedRecordRules.toChangeOrganisation(false, Set.of(a, b), Set.of(a)).access());
        assertTrue(SharedRecordRules.toChangeOrganisation(false, Set.of(a, b), Set.of(a, b)).allowed());
        assertTrue(SharedRecordRules.toChangePerson(false, false, Set.of(a, b), Set.of(a, b), List.of("email")).allowed());
        assertFalse(SharedRecordRules.toChangePerson(false, false, Set.of(a, b), Set.of(b), List.of("name")).allowed());
    }

    @Test
    void thePlatformAdministratorMayChangeAnything() {
        assertTrue(SharedRecordRules.toChangeOrganisation(true, Set.of(a, b), Set.of()).allowed());
        assertTrue(SharedRecordRules.toChangePerson(true, false, Set.of(), Set.of(), List.of("organisationId")).allowed());
    }

    @Test
    void aRecordNoPartnershipSeesIsTheAdministratorsAlone() {
        assertFalse(SharedRecordRules.toChangeOrganisation(false, Set.of(), Set.of(a)).allowed());
        assertFalse(SharedRecordRules.toChangePerson(false, false, Set.of(), Set.of(a), List.of("name")).allowed());
    }

    @Test
    void aPersonChangesTheirOwnNameButNotTheirEmailOrOrganisation() {
        assertTrue(SharedRecordRules.toChangePerson(false, true, Set.of(a), Set.of(), List.of("name")).allowed());
        assertTrue(SharedRecordRules.toChangePerson(false, true, Set.of(a), Set.of(), List.of()).allowed());
        SharedRecordRules.Verdict organisation = SharedRecordRules.toChangePerson(false, true, Set.of(a), Set.of(),
                List.of("name", "organisationId"));
        assertEquals(Access.FORBIDDEN, organisation.access());
        assertEquals("organisationId", organisation.field());
        assertEquals("email", SharedRecordRules.toChangePerson(false, true, Set.of(a), Set.of(), List.of("email")).field());
    }

    @Test
    void aCoordinatorOfEveryPartnershipOfTheirOwnEntryMayChangeItAsCoordinator() {
        assertTrue(SharedRecordRules.toChangePerson(false, true, Set.of(a), Set.of(a), List.of("organisationId")).allowed());
        assertFalse(SharedRecordRules.toChangePerson(false, true, Set.of(a, b), Set.of(a), List.of("organisationId")).allowed());
    }

    @Test
    void rolesGoOnlyToPeopleThePartnershipAlreadyHas() {
        assertTrue(SharedRecordRules.mayGrantRoleTo(false, a, Set.of(a, b)));
        assertFalse(SharedRecordRules.mayGrantRoleTo(false, b, Set.of(a)));
        assertTrue(SharedRecordRules.mayGrantRoleTo(true, b, Set.of(a)));
    }
}
