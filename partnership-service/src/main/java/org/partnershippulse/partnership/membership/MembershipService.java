package org.partnershippulse.partnership.membership;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.paging.QueryFilter;
import org.partnershippulse.kit.paging.SortSpec;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.web.Versions;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.events.PartnershipEvents;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.MembershipRole;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.organisation.OrganisationService;
import org.partnershippulse.partnership.sector.Sector;

@ApplicationScoped
public class MembershipService {

    private static final Map<String, String> SORTABLE = Map.of(
            "joinedOn", "joinedOn", "role", "role", "createdAt", "createdAt", "leftOn", "leftOn");

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PartnershipEvents events;

    @Transactional
    public Page<MembershipApi.View> list(UUID partnershipId, PageParams paging, Boolean active, MembershipRole role, Sector sector) {
        access.readable(partnershipId);
        QueryFilter filter = new QueryFilter().with("partnershipId = :partnership", "partnership", partnershipId)
                .when(role, "role = :role", "role")
                .when(sector, "organisationId in (select o.id from Organisation o where o.sector = :sector)", "sector");
        if (active != null) {
            filter.always(active ? "leftOn is null" : "leftOn is not null");
        }
        Sort sort = SortSpec.parse(paging.sort, SORTABLE, Sort.by("joinedOn").and("id"));
        return Page.of(Membership.find(filter.query(), sort, filter.params()), paging, this::view);
    }

    @Transactional
    public MembershipApi.View get(UUID partnershipId, UUID membershipId) {
        access.readable(partnershipId);
        return view(find(partnershipId, membershipId));
    }

    @Transactional
    public MembershipApi.View start(UUID partnershipId, MembershipApi.Create request) {
        Partnership partnership = access.manageable(partnershipId);
        requireNotDissolved(partnership);
        Organisation organisation = Organisation.findById(request.organisationId());
        if (organisation == null) {
            throw ProblemException.invalid("organisationId", "no organisation has this id");
        }
        if (Membership.count("partnershipId = ?1 and organisationId = ?2 and leftOn is null", partnershipId, organisation.id) > 0) {
            throw ProblemException.duplicate("organisationId", "this organisation is already a member of the partnership");
        }
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.partnershipId = partnershipId;
        membership.organisationId = organisation.id;
        membership.role = request.role();
        membership.joinedOn = request.joinedOn() == null ? LocalDate.now() : request.joinedOn();
        membership.contribution = request.contribution();
        membership.touch(audit.actor());
        membership.persistAndFlush();
        audit.record(partnershipId, "membership", membership.id, "started", organisation.name + " joined as " + membership.role);
        events.membership(PartnershipEventType.MEMBERSHIP_STARTED, membership, organisation);
        events.publicMembership(PublicEventType.MEMBERSHIP_STARTED, membership, organisation);
        return MembershipApi.View.of(membership, organisation);
    }

    @Transactional
    public MembershipApi.View update(UUID partnershipId, UUID membershipId, String ifMatch, MembershipApi.Update request) {
        Partnership partnership = access.manageable(partnershipId);
        requireNotDissolved(partnership);
        Membership membership = find(partnershipId, membershipId);
        Versions.requireMatch(ifMatch, membership.version);
        if (!membership.isActive()) {
            throw ProblemException.conflict("This membership has ended; its history cannot be changed");
        }
        membership.role = request.role();
        membership.joinedOn = request.joinedOn();
        membership.contribution = request.contribution();
        membership.touch(audit.actor());
        membership.persistAndFlush();
        Organisation organisation = OrganisationService.find(membership.organisationId);
        audit.record(partnershipId, "membership", membership.id, "changed", organisation.name + " is now " + membership.role);
        events.membership(PartnershipEventType.MEMBERSHIP_CHANGED, membership, organisation);
        return MembershipApi.View.of(membership, organisation);
    }

    /** Removing a member ends its membership: the history stays. */
    @Transactional
    public MembershipApi.View end(UUID partnershipId, UUID membershipId, LocalDate leftOn) {
        access.manageable(partnershipId);
        Membership membership = find(partnershipId, membershipId);
        if (!membership.isActive()) {
            throw ProblemException.conflict("This membership has already ended");
        }
        LocalDate day = leftOn == null ? LocalDate.now() : leftOn;
        if (day.isBefore(membership.joinedOn)) {
            throw ProblemException.invalid("leftOn", "must not be before the day the organisation joined (" + membership.joinedOn + ")");
        }
        membership.leftOn = day;
        membership.touch(audit.actor());
        membership.persistAndFlush();
        Organisation organisation = OrganisationService.find(membership.organisationId);
        audit.record(partnershipId, "membership", membership.id, "ended", organisation.name + " left on " + day);
        events.membership(PartnershipEventType.MEMBERSHIP_ENDED, membership, organisation);
        events.publicMembership(PublicEventType.MEMBERSHIP_ENDED, membership, organisation);
        return MembershipApi.View.of(membership, organisation);
    }

    private static void requireNotDissolved(Partnership partnership) {
        if (partnership.status == PartnershipStatus.DISSOLVED) {
            throw ProblemException.conflict("The partnership is dissolved");
        }
    }

    private static Membership find(UUID partnershipId, UUID membershipId) {
        return Membership.<Membership>find("id = ?1 and partnershipId = ?2", membershipId, partnershipId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Membership", membershipId));
    }

    private MembershipApi.View view(Membership membership) {
        return MembershipApi.View.of(membership, OrganisationService.find(membership.organisationId));
    }
}
