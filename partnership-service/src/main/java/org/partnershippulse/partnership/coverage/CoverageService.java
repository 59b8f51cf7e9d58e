package org.partnershippulse.partnership.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.agreement.Agreement;
import org.partnershippulse.partnership.agreement.AgreementApi;
import org.partnershippulse.partnership.agreement.AgreementService;
import org.partnershippulse.partnership.agreement.AgreementStatus;
import org.partnershippulse.partnership.agreement.MouDefaults;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.sector.Sector;
import org.partnershippulse.partnership.sector.SectorCatalog;

/** Gathers what coverage looks at from this service's tables and applies the {@link Coverage} rules. */
@ApplicationScoped
public class CoverageService {

    @Inject
    PartnershipAccess access;

    @Inject
    SectorCatalog sectors;

    @Inject
    AgreementService agreements;

    @Transactional
    public Coverage.Report report(UUID partnershipId) {
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
        Set<Sector> essential = partnership.essentialSectors == null
                ? sectors.essentialByDefault()
                : new HashSet<>(partnership.essentialSectors.isEmpty() ? EnumSet.noneOf(Sector.class)
                        : EnumSet.copyOf(partnership.essentialSectors));
        return Coverage.compute(essential, members, roles, states, MouDefaults.BCR.minimumLivedExperienceParticipants());
    }
}
