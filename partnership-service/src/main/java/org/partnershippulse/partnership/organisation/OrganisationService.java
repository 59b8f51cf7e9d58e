package org.partnershippulse.partnership.organisation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
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
import org.partnershippulse.partnership.membership.Membership;
import org.partnershippulse.partnership.sector.Sector;

/**
 * Organisations are a shared directory: any signed-in user can find them (to add one to a partnership).
 * Platform administrators and coordinators create them; a coordinator may edit those that are members of their
 * partnership.
 */
@ApplicationScoped
public class OrganisationService {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "sector", "sector", "createdAt", "createdAt");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PartnershipEvents events;

    @Transactional
    public Page<OrganisationApi.View> list(PageParams paging, Sector sector, UUID partnershipId, String search) {
        QueryFilter filter = new QueryFilter()
                .when(sector, "sector = :sector", "sector")
                .search(search, "name");
        if (partnershipId != null) {
            access.readable(partnershipId);
            filter.with("id in (select m.organisationId from Membership m where m.partnershipId = :partnership and m.leftOn is null)",
                    "partnership", partnershipId);
        }
        return Page.of(Organisation.find(filter.query(), SortSpec.parse(paging.sort, SORTABLE, Sort.by("name").and("id")),
                filter.params()), paging, OrganisationApi.View::of);
    }

    @Transactional
    public OrganisationApi.View get(UUID id) {
        return OrganisationApi.View.of(find(id));
    }

    @Transactional
    public OrganisationApi.View create(OrganisationApi.Request request) {
        if (!access.isPlatformAdmin() && !access.coordinatesAny()) {
            throw ProblemException.forbidden("Only platform administrators and coordinators add organisations");
        }
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        apply(organisation, request);
        organisation.touch(audit.actor());
        organisation.persistAndFlush();
        audit.record(null, "organisation", organisation.id, "created", "Created organisation " + organisation.name);
        return OrganisationApi.View.of(organisation);
    }

    @Transactional
    public OrganisationApi.View update(UUID id, String ifMatch, OrganisationApi.Request request) {
        Organisation organisation = find(id);
        if (!access.isPlatformAdmin() && !access.coordinatesAnyOf(memberOf(id))) {
            throw ProblemException.forbidden("Only platform administrators and coordinators of a partnership it belongs to may edit it");
        }
        Versions.requireMatch(ifMatch, organisation.version);
        boolean projected = !organisation.name.equals(request.name().trim()) || organisation.sector != request.sector();
        apply(organisation, request);
        organisation.touch(audit.actor());
        organisation.persistAndFlush();
        audit.record(null, "organisation", id, "updated", "Updated organisation " + organisation.name);
        if (projected) {
            events.organisationChanged(organisation);
        }
        return OrganisationApi.View.of(organisation);
    }

    private static List<UUID> memberOf(UUID organisationId) {
        return Membership.<Membership>list("organisationId = ?1 and leftOn is null", organisationId).stream()
                .map(m -> m.partnershipId).toList();
    }

    private static void apply(Organisation organisation, OrganisationApi.Request request) {
        organisation.name = request.name().trim();
        organisation.type = request.type();
        organisation.sector = request.sector();
        organisation.description = request.description();
        organisation.website = request.website();
    }

    public static Organisation find(UUID id) {
        return Organisation.<Organisation>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }
}
