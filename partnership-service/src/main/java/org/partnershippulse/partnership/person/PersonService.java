package org.partnershippulse.partnership.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.organisation.Organisation;

/**
 * People are visible to platform administrators, to themselves and to those who share a partnership with them.
 * Coordinators add people and edit those holding a role in their partnership; everyone may edit their own entry.
 */
@ApplicationScoped
public class PersonService {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "email", "email", "createdAt", "createdAt");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PartnershipEvents events;

    @Transactional
    public Page<PersonApi.View> list(PageParams paging, UUID partnershipId, UUID organisationId, String search) {
        QueryFilter filter = new QueryFilter().when(organisationId, "organisationId = :organisation", "organisation");
        if (search != null && !search.isBlank()) {
            filter.with("(lower(name) like :search or lower(email) like :search)", "search", "%" + search.trim().toLowerCase() + "%");
        }
        if (partnershipId != null) {
            access.readable(partnershipId);
            filter.with("id in (select r.person.id from PersonRole r where r.partnershipId = :partnership and r.revokedAt is null)",
                    "partnership", partnershipId);
        } else if (!access.isPlatformAdmin()) {
            filter.within("id in (select r.person.id from PersonRole r where r.partnershipId in :mine and r.revokedAt is null)",
                    "mine", access.callerPartnershipIds());
        }
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.by("name").and("id"));
        return Page.of(Person.find(filter.query(), sort, filter.params()), paging, this::view);
    }

    @Transactional
    public PersonApi.View get(UUID id) {
        Person person = find(id);
        requireVisible(person);
        return view(person);
    }

    @Transactional
    public PersonApi.View create(PersonApi.Request request) {
        if (!access.isPlatformAdmin() && !access.coordinatesAny()) {
            throw ProblemException.forbidden("Only platform administrators and coordinators add people");
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        apply(person, request);
        person.touch(audit.actor());
        person.persistAndFlush();
        audit.record(null, "person", person.id, "created", "Added " + person.name);
        return view(person);
    }

    @Transactional
    public PersonApi.View update(UUID id, String ifMatch, PersonApi.Request request) {
        Person person = find(id);
        requireVisible(person);
        boolean self = access.callerPerson().map(p -> p.id.equals(id)).orElse(false);
        if (!self && !access.isPlatformAdmin() && !access.coordinatesAnyOf(rolesIn(person))) {
            throw ProblemException.forbidden("Only the person, their coordinators and platform administrators may edit this");
        }
        Versions.requireMatch(ifMatch, person.version);
        boolean projected = !Objects.equals(person.name, request.name().trim())
                || !Objects.equals(person.organisationId, request.organisationId())
                || !Objects.equals(person.subject, request.subject());
        apply(person, request);
        person.touch(audit.actor());
        person.persistAndFlush();
        audit.record(null, "person", id, "updated", "Updated " + person.name);
        if (projected) {
            events.personUpdated(person);
        }
        return view(person);
    }

    private void apply(Person person, PersonApi.Request request) {
        if (request.organisationId() != null && Organisation.findById(request.organisationId()) == null) {
            throw ProblemException.invalid("organisationId", "no organisation has this id");
        }
        person.name = request.name().trim();
        person.email = request.email().trim();
        person.organisationId = request.organisationId();
        if (request.subject() != null && !request.subject().isBlank()) {
            person.subject = request.subject().trim();
        }
    }

    private void requireVisible(Person person) {
        if (access.isPlatformAdmin() || access.callerPerson().map(p -> p.id.equals(person.id)).orElse(false)) {
            return;
        }
        List<UUID> mine = access.callerPartnershipIds();
        boolean shared = PersonRole.count("person.id = ?1 and partnershipId in ?2 and revokedAt is null", person.id, mine) > 0;
        if (mine.isEmpty() || !shared) {
            throw ProblemException.notFound("Person", person.id);
        }
    }

    private static List<UUID> rolesIn(Person person) {
        return PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null", person.id).stream()
                .map(r -> r.partnershipId).toList();
    }

    public static Person find(UUID id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    public PersonApi.View view(Person p) {
        Organisation organisation = p.organisationId == null ? null : Organisation.findById(p.organisationId);
        List<PersonApi.RoleView> roles = PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null order by grantedAt", p.id)
                .stream().map(PersonApi.RoleView::of).toList();
        return new PersonApi.View(p.id, p.name, p.email, p.organisationId, organisation == null ? null : organisation.name,
                organisation == null ? null : organisation.sector, p.subject, roles, p.createdAt, p.createdBy, p.updatedAt,
                p.updatedBy, p.version);
    }
}
