package org.partnershippulse.partnership.partnership;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.AccessRules;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.agreement.Agreement;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.GeographyType;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.OrganisationOrigin;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.model.PersonOrigin;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.sector.SectorCatalog;

@ApplicationScoped
public class PartnershipService {

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt", "status", "status");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PartnershipEvents events;

    @Inject
    Outbox outbox;

    @Inject
    SectorCatalog sectors;

    @Transactional
    public Page<PartnershipApi.View> list(PageParams paging, PartnershipStatus status, GeographyType geographyType, String search) {
        QueryFilter filter = new QueryFilter()
                .when(status, "status = :status", "status")
                .when(geographyType, "geographyType = :geographyType", "geographyType")
                .search(search, "name");
        if (!access.isPlatformAdmin()) {
            filter.within("id in :mine", "mine", access.callerPartnershipIds());
        }
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.by("name").and("id"));
        PanacheQuery<Partnership> query = Partnership.find(filter.query(), sort, filter.params());
        return Page.of(query, paging, this::view);
    }

    @Transactional
    public PartnershipApi.View get(UUID id) {
        return view(access.readable(id));
    }

    /** Platform administrators create partnerships, then grant the coordinator role to the person who runs it. */
    @Transactional
    public PartnershipApi.View create(PartnershipApi.Request request) {
        if (!access.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only platform administrators create partnerships");
        }
        Partnership partnership = new Partnership();
        partnership.id = UUID.randomUUID();
        apply(partnership, request);
        partnership.status = request.status() == null ? PartnershipStatus.FORMING : request.status();
        partnership.touch(audit.actor());
        partnership.persistAndFlush();
        audit.record(partnership.id, "partnership", partnership.id, "created", "Created partnership " + partnership.name);
        publish(PartnershipEventType.PARTNERSHIP_CREATED, PublicEventType.PARTNERSHIP_CREATED, partnership);
        return view(partnership);
    }

    @Transactional
    public PartnershipApi.View update(UUID id, String ifMatch, PartnershipApi.Request request) {
        Partnership partnership = access.manageable(id);
        Versions.requireMatch(ifMatch, partnership.version);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("A dissolved partnership cannot be changed");
        }
        apply(partnership, request);
        if (request.status() != null) {
            partnership.status = request.status();
        }
        partnership.touch(audit.actor());
        partnership.persistAndFlush();
        audit.record(id, "partnership", id, "updated", "Updated partnership " + partnership.name);
        publish(PartnershipEventType.PARTNERSHIP_UPDATED, PublicEventType.PARTNERSHIP_UPDATED, partnership);
        return view(partnership);
    }

    @Transactional
    public PartnershipApi.View dissolve(UUID id, String ifMatch, PartnershipApi.Dissolution dissolution) {
        Partnership partnership = access.manageable(id);
        Versions.requireMatch(ifMatch, partnership.version);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("The partnership is already dissolved");
        }
        partnership.status = PartnershipStatus.DISSOLVED;
        partnership.dissolvedOn = dissolution.dissolvedOn() == null ? LocalDate.now() : dissolution.dissolvedOn();
        partnership.dissolutionReason = dissolution.reason();
        partnership.touch(audit.actor());
        partnership.persistAndFlush();
        audit.record(id, "partnership", id, "dissolved", "Dissolved: " + dissolution.reason());
        publish(PartnershipEventType.PARTNERSHIP_DISSOLVED, PublicEventType.PARTNERSHIP_DISSOLVED, partnership);
        return view(partnership);
    }

    /**
     * The partnership's own choice to contribute to the benchmarks: its coordinators only, not the platform
     * administrator (consent to share is the partnership's, as signing its agreement is). Audited and published like
     * any change of the partnership; reporting applies it at the partnership's next release.
     */
    @Transactional
    public PartnershipApi.View setBenchmarkContribution(UUID id, PartnershipApi.BenchmarkContribution choice) {
        Partnership partnership = access.readable(id);
        access.enforce(AccessRules.toDecideForPartnership(access.callerRoles(id)), id);
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("A dissolved partnership cannot be changed");
        }
        boolean contributes = choice.contributes();
        if (partnership.contributesToBenchmarks == contributes) {
            return view(partnership);
        }
        partnership.contributesToBenchmarks = contributes;
        partnership.touch(audit.actor());
        partnership.persistAndFlush();
        audit.record(id, "partnership", id, "updated", contributes
                ? "Opted in to the benchmarks across partnerships (from its next release)"
                : "Opted out of the benchmarks across partnerships (from its next release)");
        publish(PartnershipEventType.PARTNERSHIP_UPDATED, PublicEventType.PARTNERSHIP_UPDATED, partnership);
        return view(partnership);
    }

    /** Only a partnership without history may be deleted (a mistaken creation); otherwise dissolve it. */
    @Transactional
    public void delete(UUID id) {
        Partnership partnership = access.readable(id);
        if (!access.isPlatformAdmin()) {
            throw ProblemException.forbidden("Only platform administrators delete partnerships; coordinators dissolve them");
        }
        List<String> history = new ArrayList<>();
        if (Membership.count("partnershipId", id) > 0) {
            history.add("memberships");
        }
        if (PersonRole.count("partnershipId", id) > 0) {
            history.add("roles");
        }
        if (Agreement.count("partnershipId", id) > 0) {
            history.add("agreements");
        }
        if (PersonOrigin.count("partnershipId", id) + OrganisationOrigin.count("partnershipId", id) > 0) {
            history.add("people or organisations added for it");
        }
        if (!history.isEmpty()) {
            throw ProblemException.conflict("The partnership has history (" + String.join(", ", history)
                    + "); dissolve it instead (POST /partnerships/" + id + "/dissolve)");
        }
        audit.record(id, "partnership", id, "deleted", "Deleted partnership " + partnership.name);
        partnership.delete();
    }

    private void apply(Partnership partnership, PartnershipApi.Request request) {
        if (request.status() == PartnershipStatus.DISSOLVED) {
            throw ProblemException.invalid("status", "use POST /partnerships/{id}/dissolve to dissolve a partnership");
        }
        if (request.leadOrganisationId() != null && Organisation.findById(request.leadOrganisationId()) == null) {
            throw ProblemException.invalid("leadOrganisationId", "no organisation has this id");
        }
        partnership.name = request.name().trim();
        partnership.description = request.description();
        partnership.geographyType = request.geographyType();
        partnership.geographyName = request.geographyName().trim();
        partnership.vision = request.vision();
        partnership.purpose = request.purpose();
        partnership.sharedValues = request.sharedValues() == null ? List.of() : List.copyOf(request.sharedValues());
        partnership.structure = request.structure();
        partnership.leadOrganisationId = request.leadOrganisationId();
        partnership.meetingCadence = request.meetingCadence();
        partnership.declaredDimension = request.declaredDimension();
        partnership.aspiredDimension = request.aspiredDimension();
        partnership.essentialSectors = request.essentialSectors() == null ? null
                : request.essentialSectors().stream().distinct().toList();
        partnership.sharesResultsPublicly = Boolean.TRUE.equals(request.sharesResultsPublicly());
    }

    /** The internal event for the services, and its public twin for subscribers, in the change's transaction. */
    private void publish(PartnershipEventType type, PublicEventType publicType, Partnership partnership) {
        outbox.record(type, partnership.id.toString(), "partnerships/" + partnership.id, events.partnership(partnership));
        events.publicPartnership(publicType, partnership);
    }

    public PartnershipApi.View view(Partnership p) {
        return new PartnershipApi.View(p.id, p.name, p.description, p.geographyType, p.geographyName, p.vision, p.purpose,
                p.sharedValues, p.status, p.structure, p.leadOrganisationId, p.meetingCadence, p.declaredDimension,
                p.aspiredDimension,
                p.essentialSectors != null ? p.essentialSectors : sectors.essentialByDefault().stream().sorted().toList(),
                p.essentialSectors != null, p.dissolvedOn, p.dissolutionReason, p.sharesResultsPublicly, p.contributesToBenchmarks, p.createdAt,
                p.createdBy, p.updatedAt, p.updatedBy, p.version);
    }
}
