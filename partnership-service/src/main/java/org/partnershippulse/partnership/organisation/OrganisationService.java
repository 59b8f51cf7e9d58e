package org.partnershippulse.partnership.organisation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.access.SharedRecordRules;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.OrganisationOrigin;
import org.partnershippulse.partnership.sector.Sector;

/**
 * Organisations are a shared directory: any signed-in user can find them (to add one to a partnership).
 * Platform administrators and coordinators create them. An organisation several partnerships see (added for one, a
 * member or former member of others) is changed only under {@link SharedRecordRules}, and every change is in the
 * audit trail of each of them.
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
    public OrganisationApi.View create(OrganisationApi.NewOrganisation request) {
        if (!access.isPlatformAdmin() && !access.coordinatesAny()) {
            throw ProblemException.forbidden("Only platform administrators and coordinators add organisations");
        }
        UUID partnershipId = request.partnershipId();
        if (partnershipId != null) {
            access.manageable(partnershipId); // added for a partnership the caller coordinates (else 404/403)
        }
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        apply(organisation, request.asRequest());
        organisation.touch(audit.actor());
        organisation.persistAndFlush();
        if (partnershipId != null) {
            OrganisationOrigin.record(organisation.id, partnershipId);
        }
        recordEverywhere(organisation.id, "created", "Created organisation " + organisation.name);
        return OrganisationApi.View.of(organisation);
    }

    @Transactional
    public OrganisationApi.View update(UUID id, String ifMatch, OrganisationApi.Request request) {
        Organisation organisation = find(id);
        SharedRecordRules.Verdict verdict = SharedRecordRules.toChangeOrganisation(access.isPlatformAdmin(), seenBy(id),
                access.coordinatedPartnershipIds());
        if (!verdict.allowed()) {
            throw ProblemException.forbidden(verdict.reason());
        }
        Versions.requireMatch(ifMatch, organisation.version);
        boolean projected = !organisation.name.equals(request.name().trim()) || organisation.sector != request.sector();
        apply(organisation, request);
        organisation.touch(audit.actor());
        organisation.persistAndFlush();
        recordEverywhere(id, "updated", "Updated organisation " + organisation.name);
        if (projected) {
            events.organisationChanged(organisation);
        }
        return OrganisationApi.View.of(organisation);
    }

    /** Partnerships that see the organisation: the one it was added for and every one it is or was a member of. */
    public static Set<UUID> seenBy(UUID organisationId) {
        Set<UUID> seen = new LinkedHashSet<>();
        OrganisationOrigin.<OrganisationOrigin>findByIdOptional(organisationId).ifPresent(o -> seen.add(o.partnershipId));
        Membership.<Membership>list("organisationId", organisationId).forEach(m -> seen.add(m.partnershipId));
        return seen;
    }

    private void recordEverywhere(UUID organisationId, String action, String summary) {
        audit.recordIn(seenBy(organisationId), "organisation", organisationId, action, summary);
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
