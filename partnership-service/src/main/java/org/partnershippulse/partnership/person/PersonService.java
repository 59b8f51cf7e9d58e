package org.partnershippulse.partnership.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.Problem;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.problem.ProblemType;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.access.SharedRecordRules;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonOrigin;
import org.partnershippulse.partnership.model.PersonRole;

/**
 * People are visible to platform administrators, to themselves and to those who share a partnership with them (a
 * partnership has the people added for it and those holding a role in it). A person several partnerships see is
 * changed only under {@link SharedRecordRules}; every change is in the audit trail of each of them. Which login a
 * person is comes from Keycloak (a verified e-mail at first sign-in) or from a platform administrator's re-link.
 */
@ApplicationScoped
public class PersonService {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "email", "email", "createdAt", "createdAt");
    private static final String OF_PARTNERSHIPS = "(id in (select r.person.id from PersonRole r where r.partnershipId in :mine"
            + " and r.revokedAt is null) or id in (select o.personId from PersonOrigin o where o.partnershipId in :mine))";

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
            filter.within(OF_PARTNERSHIPS, "mine", List.of(partnershipId));
        } else if (!access.isPlatformAdmin()) {
            filter.within(OF_PARTNERSHIPS, "mine", access.callerPartnershipIds());
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
    public PersonApi.View create(PersonApi.NewPerson request) {
        if (!access.isPlatformAdmin() && !access.coordinatesAny()) {
            throw ProblemException.forbidden("Only platform administrators and coordinators add people");
        }
        UUID partnershipId = request.partnershipId();
        if (partnershipId == null && !access.isPlatformAdmin()) {
            throw ProblemException.invalid("partnershipId", "is required: the partnership you add the person to");
        }
        if (partnershipId != null) {
            access.manageable(partnershipId); // coordinators add people to a partnership they coordinate (else 404/403)
            requireUniqueEmail(request.email(), Set.of(partnershipId), null);
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        apply(person, request.asRequest());
        person.touch(audit.actor());
        person.persistAndFlush();
        if (partnershipId != null) {
            PersonOrigin.record(person.id, partnershipId);
        }
        recordEverywhere(person.id, "created", "Added " + person.name);
        return view(person);
    }


    @Transactional
    public PersonApi.View update(UUID id, String ifMatch, PersonApi.Request request) {
        Person person = find(id);
        requireVisible(person);
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(person.name, request.name().trim())) {
            changed.add("name");
        }
        if (!person.email.equals(request.email().trim())) {
            changed.add("email");
        }
        if (!Objects.equals(person.organisationId, request.organisationId())) {
            changed.add("organisationId");
        }
        Set<UUID> seenBy = seenBy(person.id);
        SharedRecordRules.Verdict verdict = SharedRecordRules.toChangePerson(access.isPlatformAdmin(), isCaller(person), seenBy,
                access.coordinatedPartnershipIds(), changed);
        if (!verdict.allowed()) {
            throw verdict.field() == null ? ProblemException.forbidden(verdict.reason())
                    : new ProblemException(ProblemType.FORBIDDEN, verdict.field() + ": " + verdict.reason(),
                            List.of(new Problem.Violation(verdict.field(), verdict.reason())));
        }
        Versions.requireMatch(ifMatch, person.version);
        if (changed.contains("email")) {
            requireUniqueEmail(request.email(), seenBy, person.id);
        }
        boolean projected = changed.contains("name") || changed.contains("organisationId");
        apply(person, request);
        person.touch(audit.actor());
        person.persistAndFlush();
        recordEverywhere(id, "updated", "Updated " + person.name + (changed.isEmpty() ? "" : " (" + String.join(", ", changed) + ")"));
        if (projected) {
            events.personUpdated(person);
        }
        return view(person);
    }

    /** The platform administrator's re-link of a person to another login (e.g. a replaced account), with a reason. */
    @Transactional
    public PersonApi.View relink(UUID id, PersonApi.Login request) {
        if (!access.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only platform administrators re-link a person to a login");
        }
        Person person = find(id);
        String subject = request.subject().trim();
        if (subject.equals(access.callerSubject())) {
            throw ProblemException.conflict("An administrator cannot link a person to their own login");
        }
        if (Person.count("subject = ?1 and id <> ?2", subject, id) > 0) {
            throw ProblemException.conflict("This login is already linked to another person");
        }
        String before = person.subject == null ? "no login" : "another login";
        person.subject = subject;
        person.touch(audit.actor());
        person.persistAndFlush();
        recordEverywhere(id, "relinked", person.name + " re-linked from " + before + " to a new login: " + request.reason().trim());
        events.personUpdated(person);
        return view(person);
    }

    /** A clash only among the people of the given partnerships: another partnership's people are not looked at. */
    private static void requireUniqueEmail(String email, Set<UUID> partnerships, UUID except) {
        if (partnerships.isEmpty()) {
            return;
        }
        long clashes = Person.count("lower(email) = ?1 and id <> ?2 and (id in (select r.person.id from PersonRole r"
                + " where r.partnershipId in ?3) or id in (select o.personId from PersonOrigin o where o.partnershipId in ?3))",
                email.trim().toLowerCase(), except == null ? new UUID(0, 0) : except, partnerships);
        if (clashes > 0) {
            throw ProblemException.duplicate("email", "a person of this partnership already has this e-mail");
        }
    }

    /** Partnerships that see the person: the one they were added for and every one they hold or held a role in. */
    public static Set<UUID> seenBy(UUID personId) {
        Set<UUID> seen = new LinkedHashSet<>();
        PersonOrigin.<PersonOrigin>findByIdOptional(personId).ifPresent(o -> seen.add(o.partnershipId));
        PersonRole.<PersonRole>list("person.id", personId).forEach(r -> seen.add(r.partnershipId));
        return seen;
    }

    /** Writes the change into the audit trail of every partnership that sees the person. */
    public void recordEverywhere(UUID personId, String action, String summary) {
        audit.recordIn(seenBy(personId), "person", personId, action, summary);
    }

    private void apply(Person person, PersonApi.Request request) {
        if (request.organisationId() != null && Organisation.findById(request.organisationId()) == null) {
            throw ProblemException.invalid("organisationId", "no organisation has this id");
        }
        person.name = request.name().trim();
        person.email = request.email().trim();
        person.organisationId = request.organisationId();
    }

    private boolean isCaller(Person person) {
        return access.callerPerson().map(p -> p.id.equals(person.id)).orElse(false);
    }

    private void requireVisible(Person person) {
        if (access.isPlatformAdmin() || isCaller(person)) {
            return;
        }
        List<UUID> mine = access.callerPartnershipIds();
        if (mine.isEmpty() || Person.count("id = :id and " + OF_PARTNERSHIPS, Map.of("id", person.id, "mine", mine)) == 0) {
            throw ProblemException.notFound("Person", person.id);
        }
    }

    public static Person find(UUID id) {
        return Person.<Person>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Person", id));
    }

    /**
     * The person as the caller may see them: the login subject only for the person and platform administrators,
     * roles only in partnerships the caller can see.
     */
    public PersonApi.View view(Person p) {
        boolean full = access.isPlatformAdmin() || isCaller(p);
        List<UUID> visible = full ? null : access.callerPartnershipIds();
        Organisation organisation = p.organisationId == null ? null : Organisation.findById(p.organisationId);
        List<PersonApi.RoleView> roles = PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null order by grantedAt", p.id)
                .stream().filter(r -> full || visible.contains(r.partnershipId)).map(PersonApi.RoleView::of).toList();
        return new PersonApi.View(p.id, p.name, p.email, p.organisationId, organisation == null ? null : organisation.name,
                organisation == null ? null : organisation.sector, full ? p.subject : null, p.subject != null, roles,
                p.createdAt, p.createdBy, p.updatedAt, p.updatedBy, p.version);
    }
}
