package org.partnershippulse.partnership.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.access.SharedRecordRules;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.model.PersonRoleType;

/**
 * Roles of people within a partnership: granted and revoked by its coordinators, to people the partnership already
 * has (added for it, or holding or having held a role in it).
 */
@ApplicationScoped
public class RoleService {

    private static final Map<String, String> SORTABLE = Map.of("grantedAt", "grantedAt", "role", "role", "personName", "person.name");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PartnershipEvents events;

    @Transactional
    public Page<PersonApi.RoleView> list(UUID partnershipId, PageParams paging, Boolean active, PersonRoleType role) {
        access.readable(partnershipId);
        QueryFilter filter = new QueryFilter().with("partnershipId = :partnership", "partnership", partnershipId)
                .when(role, "role = :role", "role");
        if (active != null) {
            filter.always(active ? "revokedAt is null" : "revokedAt is not null");
        }
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.by("grantedAt").and("id"));
        return Page.of(PersonRole.find(filter.query(), sort, filter.params()), paging, PersonApi.RoleView::of);
    }

    @Transactional
    public PersonApi.RoleView grant(UUID partnershipId, PersonApi.Grant grant) {
        Partnership partnership = access.manageable(partnershipId);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("The partnership is dissolved");
        }
        Person person = Person.findById(grant.personId());
        // The same answer for a person of another partnership and for no person at all: nothing leaks across.
        if (person == null || !SharedRecordRules.mayGrantRoleTo(access.isPlatformAdmin(), partnershipId, PersonService.seenBy(person.id))) {
            throw ProblemException.invalid("personId", "no person of this partnership has this id");
        }
        if (PersonRole.count("person.id = ?1 and partnershipId = ?2 and role = ?3 and revokedAt is null",
                person.id, partnershipId, grant.role()) > 0) {
            throw ProblemException.duplicate("role", person.name + " already holds this role in the partnership");
        }
        PersonRole role = new PersonRole();
        role.id = UUID.randomUUID();
        role.person = person;
        role.partnershipId = partnershipId;
        role.role = grant.role();
        role.grantedAt = Instant.now();
        role.grantedBy = audit.actor();
        role.persistAndFlush();
        audit.record(partnershipId, "role", role.id, "granted", person.name + " became " + role.role);
        events.role(PartnershipEventType.ROLE_GRANTED, role);
        return PersonApi.RoleView.of(role);
    }

    @Transactional
    public PersonApi.RoleView revoke(UUID partnershipId, UUID roleId) {
        access.manageable(partnershipId);
        PersonRole role = PersonRole.<PersonRole>find("id = ?1 and partnershipId = ?2", roleId, partnershipId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Role", roleId));
        if (!role.isActive()) {
            throw ProblemException.conflict("This role was already revoked");
        }
        if (role.role == PersonRoleType.COORDINATOR && !access.isPlatformAdmin()
                && PersonRole.count("partnershipId = ?1 and role = ?2 and revokedAt is null", partnershipId, PersonRoleType.COORDINATOR) == 1) {
            throw ProblemException.conflict("A partnership keeps at least one coordinator; grant the role to someone else first");
        }
        role.revokedAt = Instant.now();
        role.revokedBy = audit.actor();
        audit.record(partnershipId, "role", role.id, "revoked", role.person.name + " is no longer " + role.role);
        events.role(PartnershipEventType.ROLE_REVOKED, role);
        return PersonApi.RoleView.of(role);
    }
}
