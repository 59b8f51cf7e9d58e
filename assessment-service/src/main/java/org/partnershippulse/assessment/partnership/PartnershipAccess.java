package org.partnershippulse.assessment.partnership;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.projection.PartnershipView;
import org.partnershippulse.projection.PersonRoleView;

/**
 * Who the caller is in a partnership, from the local projection: a coordinator holds an active COORDINATOR role
 * for their token subject, a member any active role; platform administrators may do everything. Anyone else is
 * told the partnership's rounds do not exist (404), never that they exist and are forbidden.
 */
@RequestScoped
public class PartnershipAccess {

    public enum Standing { ADMIN, COORDINATOR, MEMBER, NONE }

    @Inject
    CurrentUser currentUser;

    public Standing standing(UUID partnershipId) {
        if (currentUser.isPlatformAdmin()) {
            return Standing.ADMIN;
        }
        List<PersonRoleView> roles = callerRoles(partnershipId);
        if (roles.stream().anyMatch(r -> PersonRoleView.COORDINATOR.equals(r.role))) {
            return Standing.COORDINATOR;
        }
        return roles.isEmpty() ? Standing.NONE : Standing.MEMBER;
    }

    /** Read once per request: access checks and the respondent's person ask several times. */
    private final Map<UUID, List<PersonRoleView>> rolesByPartnership = new HashMap<>();

    /** The caller's active roles in the partnership. */
    public List<PersonRoleView> callerRoles(UUID partnershipId) {
        String subject = currentUser.subject();
        return subject == null ? List.of()
                : rolesByPartnership.computeIfAbsent(partnershipId, id -> PersonRoleView.activeOf(subject, id));
    }

    public Optional<UUID> callerPersonId(UUID partnershipId) {
        return callerRoles(partnershipId).stream().map(r -> r.personId).findFirst();
    }

    /** Coordinators and administrators pass; members get 403; anyone else 404. */
    public PartnershipView requireCoordinator(UUID partnershipId) {
        Standing standing = standing(partnershipId);
        if (standing == Standing.NONE) {
            throw ProblemException.notFound("Partnership", partnershipId);
        }
        if (standing == Standing.MEMBER) {
            throw ProblemException.forbidden("Only the partnership's coordinators manage its rounds");
        }
        return known(partnershipId);
    }

    /** Any member, coordinators and administrators pass; anyone else 404. */
    public Standing requireMember(UUID partnershipId) {
        Standing standing = standing(partnershipId);
        if (standing == Standing.NONE) {
            throw ProblemException.notFound("Partnership", partnershipId);
        }
        return standing;
    }

    public static PartnershipView known(UUID partnershipId) {
        PartnershipView partnership = PartnershipView.findById(partnershipId);
        if (partnership == null) {
            throw ProblemException.notFound("Partnership", partnershipId);
        }
        return partnership;
    }
}
