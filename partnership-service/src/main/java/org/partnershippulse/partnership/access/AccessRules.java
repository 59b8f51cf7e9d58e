package org.partnershippulse.partnership.access;

import java.util.Set;
import org.partnershippulse.partnership.model.PersonRoleType;

/**
 * Who may do what in a partnership. Platform administrators: everything. Coordinators: manage their partnership,
 * its memberships, people, agreements and improvement plans. Anyone holding a role in it: read it. Everyone else: it does not exist.
 */
public final class AccessRules {

    private AccessRules() {
    }

    public static Access toRead(boolean platformAdmin, Set<PersonRoleType> rolesInPartnership) {
        return platformAdmin || !rolesInPartnership.isEmpty() ? Access.ALLOWED : Access.HIDDEN;
    }

    public static Access toManage(boolean platformAdmin, Set<PersonRoleType> rolesInPartnership) {
        if (platformAdmin || rolesInPartnership.contains(PersonRoleType.COORDINATOR)) {
            return Access.ALLOWED;
        }
        return rolesInPartnership.isEmpty() ? Access.HIDDEN : Access.FORBIDDEN;
    }

    /**
     * Choices only the partnership itself makes (contributing to the benchmarks): its coordinators, not the platform
     * administrator, who sees the partnership but does not decide for it.
     */
    public static Access toDecideForPartnership(Set<PersonRoleType> rolesInPartnership) {
        return rolesInPartnership.contains(PersonRoleType.COORDINATOR) ? Access.ALLOWED : Access.FORBIDDEN;
    }

    /** Members sign for their own organisation; coordinators may record any member's (e.g. a paper signature). */
    public static Access toSignFor(boolean platformAdmin, Set<PersonRoleType> rolesInPartnership, boolean ownOrganisation) {
        Access manage = toManage(platformAdmin, rolesInPartnership);
        if (manage == Access.ALLOWED) {
            return manage;
        }
        if (rolesInPartnership.isEmpty()) {
            return Access.HIDDEN;
        }
        return ownOrganisation ? Access.ALLOWED : Access.FORBIDDEN;
    }

    /**
     * Check-ins on a goal: coordinators on any goal; members only on goals their organisation owns or signed a
     * commitment to (they see the others, but report on what they took on).
     */
    public static Access toCheckInOn(boolean platformAdmin, Set<PersonRoleType> rolesInPartnership, boolean organisationCommitted) {
        return toSignFor(platformAdmin, rolesInPartnership, organisationCommitted);
    }
}
