package org.partnershippulse.partnership.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershippulse.partnership.model.PersonRoleType;

class AccessRulesTest {

    private static final Set<PersonRoleType> NONE = Set.of();
    private static final Set<PersonRoleType> MEMBER = Set.of(PersonRoleType.MEMBER, PersonRoleType.AGENCY_CHAMPION);
    private static final Set<PersonRoleType> COORDINATOR = Set.of(PersonRoleType.COORDINATOR);

    @Test
    void outsidersDoNotLearnThatAPartnershipExists() {
        assertEquals(Access.HIDDEN, AccessRules.toRead(false, NONE));
        assertEquals(Access.HIDDEN, AccessRules.toManage(false, NONE));
        assertEquals(Access.HIDDEN, AccessRules.toSignFor(false, NONE, true));
    }

    @Test
    void membersReadAndSignForTheirOwnOrganisationOnly() {
        assertEquals(Access.ALLOWED, AccessRules.toRead(false, MEMBER));
        assertEquals(Access.FORBIDDEN, AccessRules.toManage(false, MEMBER));
        assertEquals(Access.ALLOWED, AccessRules.toSignFor(false, MEMBER, true));
        assertEquals(Access.FORBIDDEN, AccessRules.toSignFor(false, MEMBER, false));
    }

    @Test
    void coordinatorsAndAdministratorsManage() {
        assertEquals(Access.ALLOWED, AccessRules.toManage(false, COORDINATOR));
        assertEquals(Access.ALLOWED, AccessRules.toSignFor(false, COORDINATOR, false));
        assertEquals(Access.ALLOWED, AccessRules.toManage(true, NONE));
        assertEquals(Access.ALLOWED, AccessRules.toRead(true, NONE));
    }

    @Test
    void membersCheckInOnlyOnGoalsTheirOrganisationTookOnCoordinatorsOnAny() {
        assertEquals(Access.ALLOWED, AccessRules.toCheckInOn(false, MEMBER, true));
        assertEquals(Access.FORBIDDEN, AccessRules.toCheckInOn(false, MEMBER, false));
        assertEquals(Access.ALLOWED, AccessRules.toCheckInOn(false, COORDINATOR, false));
        assertEquals(Access.ALLOWED, AccessRules.toCheckInOn(true, NONE, false));
        assertEquals(Access.HIDDEN, AccessRules.toCheckInOn(false, NONE, true));
    }

    @Test
    void onlyCoordinatorsDecideForTheirPartnership() {
        assertEquals(Access.ALLOWED, AccessRules.toDecideForPartnership(COORDINATOR));
        assertEquals(Access.FORBIDDEN, AccessRules.toDecideForPartnership(MEMBER));
        // the platform administrator reads the partnership (so 403, not 404) but does not consent for it
        assertEquals(Access.FORBIDDEN, AccessRules.toDecideForPartnership(NONE));
    }
}
