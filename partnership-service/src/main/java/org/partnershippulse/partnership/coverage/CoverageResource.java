package org.partnershippulse.partnership.coverage;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.agreement.Agreement;
import org.partnershippulse.partnership.agreement.AgreementApi;
import org.partnershippulse.partnership.agreement.AgreementService;
import org.partnershippulse.partnership.agreement.AgreementStatus;
import org.partnershippulse.partnership.agreement.MouDefaults;
import org.partnershippulse.partnership.membership.Membership;
import org.partnershippulse.partnership.organisation.Organisation;
import org.partnershippulse.partnership.partnership.Partnership;
import org.partnershippulse.partnership.person.PersonRole;
import org.partnershippulse.partnership.sector.SectorCatalog;

@Path("/partnerships/{partnershipId}/coverage")
@Tag(name = "Coverage", description = "Gaps in participation")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    PartnershipAccess access;

    @Inject
    SectorCatalog sectors;

    @Inject
    AgreementService agreements;

    @GET
    @Transactional
    @Operation(summary = "Missing essential sectors, lived-experience participation, organisations without a champion, "
            + "members who have not signed the current agreement, agreements due for renewal")
    public Coverage.Report coverage(@PathParam("partnershipId") UUID partnershipId) {
        Partnership partnership = access.readable(partnershipId);
        List<Coverage.Member> members = Membership.<Membership>list("partnershipId = ?1 and leftOn is null", partnershipId)
                .stream().map(m -> {
                    Organisation o = Organisation.findById(m.organisationId);
                    return new Coverage.Member(o.id, o.name, o.sector);
                }).toList();
        List<Coverage.RoleHolder> roles = PersonRole.<PersonRole>list("partnershipId = ?1 and revokedAt is null", partnershipId)
                .stream().map(r -> new Coverage.RoleHolder(r.person.id, r.person.organisationId, r.role.name())).toList();
        List<Coverage.AgreementState> states = Agreement.<Agreement>list("partnershipId = ?1 and status <> ?2", partnershipId,
                AgreementStatus.TERMINATED).stream().map(a -> {
                    AgreementApi.View view = agreements.get(partnershipId, a.id);
                    return new Coverage.AgreementState(view.id(), view.title(), view.status(), view.renewalDueOn(),
                            view.dueForRenewal(), view.missingSignatures().stream().map(AgreementApi.MissingSignature::organisationId).toList());
                }).toList();
        Set<org.partnershippulse.partnership.sector.Sector> essential = partnership.essentialSectors == null
                ? sectors.essentialByDefault()
                : new HashSet<>(partnership.essentialSectors.isEmpty() ? EnumSet.noneOf(org.partnershippulse.partnership.sector.Sector.class)
                        : EnumSet.copyOf(partnership.essentialSectors));
        return Coverage.compute(essential, members, roles, states, MouDefaults.BCR.minimumLivedExperienceParticipants());
    }
}
