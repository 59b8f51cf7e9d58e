package org.partnershippulse.partnership.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.model.PersonRoleType;

/** Applies {@link AccessRules} to the caller, from this service's own data (roles are not Keycloak roles). */
@RequestScoped
public class PartnershipAccess {

    @Inject
    CurrentUser currentUser;

    public boolean isPlatformAdmin() {
        return currentUser.isPlatformAdmin();
    }

    public String callerSubject() {
        return currentUser.subject();
    }

    /** Looked up once per request: most operations ask several times. */
    private Optional<Person> callerPerson;

    public Optional<Person> callerPerson() {
        if (callerPerson == null || callerPerson.isEmpty()) {
            callerPerson = Person.find("subject", currentUser.subject()).firstResultOptional();
        }
        return callerPerson;
    }

    public Set<PersonRoleType> callerRoles(UUID partnershipId) {
        Set<PersonRoleType> roles = EnumSet.noneOf(PersonRoleType.class);
        callerPerson().ifPresent(person -> PersonRole.<PersonRole>list(
                        "person.id = ?1 and partnershipId = ?2 and revokedAt is null", person.id, partnershipId)
                .forEach(r -> roles.add(r.role)));
        return roles;
    }

    /** Partnerships the caller holds a role in. */
    public List<UUID> callerPartnershipIds() {
        return callerPerson().map(person -> PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null", person.id)
                .stream().map(r -> r.partnershipId).distinct().toList()).orElse(List.of());
    }

    /** Partnerships in which the caller holds the COORDINATOR role. */
    public Set<UUID> coordinatedPartnershipIds() {
        return callerPerson().map(person -> PersonRole.<PersonRole>list("person.id = ?1 and role = ?2 and revokedAt is null",
                person.id, PersonRoleType.COORDINATOR).stream().map(r -> r.partnershipId)
                .collect(java.util.stream.Collectors.toSet())).orElse(Set.of());
    }

    /** Coordinators of any partnership may add organisations and people to the shared directories. */
    public boolean coordinatesAny() {
        return coordinatesAnyOf(callerPartnershipIds());
    }

    public boolean coordinatesAnyOf(java.util.Collection<UUID> partnershipIds) {
        return partnershipIds.stream().distinct().anyMatch(p -> callerRoles(p).contains(PersonRoleType.COORDINATOR));
    }

    public Partnership readable(UUID partnershipId) {
        Partnership partnership = find(partnershipId);
        enforce(AccessRules.toRead(isPlatformAdmin(), callerRoles(partnershipId)), partnershipId);
        return partnership;
    }

    public Partnership manageable(UUID partnershipId) {
        Partnership partnership = find(partnershipId);
        enforce(AccessRules.toManage(isPlatformAdmin(), callerRoles(partnershipId)), partnershipId);
        return partnership;
    }

    public void enforce(Access access, UUID partnershipId) {
        switch (access) {
            case ALLOWED -> {
            }
            case FORBIDDEN -> throw ProblemException.forbidden("Only the partnership's coordinators may do this");
            case HIDDEN -> throw ProblemException.notFound("Partnership", partnershipId);
        }
    }

    private static Partnership find(UUID partnershipId) {
        return Partnership.<Partnership>findByIdOptional(partnershipId)
                .orElseThrow(() -> ProblemException.notFound("Partnership", partnershipId));
    }
}
