package org.partnershippulse.partnership.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.partnership.agreement.AgreementStatus;
import org.partnershippulse.partnership.sector.Sector;

/**
 * Gaps in participation, as the toolkit asks partnerships to note them: missing essential sectors, too few people
 * with lived experience, organisations without a champion, unsigned and due agreements.
 */
public final class Coverage {

    private Coverage() {
    }

    public record Member(UUID organisationId, String organisationName, Sector sector) {
    }

    public record RoleHolder(UUID personId, UUID organisationId, String role) {
    }

    public record AgreementState(UUID agreementId, String title, AgreementStatus status, LocalDate renewalDueOn,
            boolean dueForRenewal, List<UUID> unsignedOrganisationIds) {
    }

    @Schema(name = "Coverage")
    public record Report(
            @Schema(description = "The sectors checked: the partnership's list, or the BCR table's") List<Sector> essentialSectors,
            List<Sector> representedSectors,
            @Schema(description = "Essential sectors with no current member organisation") List<Sector> missingSectors,
            @Schema(description = "People holding the lived-experience role") int livedExperienceParticipants,
            @Schema(description = "What the BCR MOU asks for") int livedExperienceRequired,
            boolean livedExperienceGap,
            @Schema(description = "Member organisations with nobody holding the agency champion role") List<OrganisationRef> organisationsWithoutChampion,
            @Schema(description = "The active agreement's current version is unsigned by these members") List<OrganisationRef> membersNotSigned,
            List<AgreementRef> agreementsDueForRenewal,
            @Schema(description = "True when no active agreement exists") boolean noActiveAgreement) {
    }

    @Schema(name = "CoverageOrganisation")
    public record OrganisationRef(UUID organisationId, String organisationName, Sector sector) {
    }

    @Schema(name = "CoverageAgreement")
    public record AgreementRef(UUID agreementId, String title, AgreementStatus status, LocalDate renewalDueOn) {
    }

    public static Report compute(Set<Sector> essential, List<Member> members, List<RoleHolder> roles,
            List<AgreementState> agreements, int livedExperienceRequired) {
        List<Sector> essentialSorted = essential.stream().sorted().toList();
        Set<Sector> represented = members.stream().map(Member::sector).collect(java.util.stream.Collectors.toSet());
        List<Sector> missing = essentialSorted.stream().filter(s -> !represented.contains(s)).toList();
        int livedExperience = (int) roles.stream().filter(r -> r.role().equals("LIVED_EXPERIENCE"))
                .map(RoleHolder::personId).distinct().count();
        Set<UUID> championed = roles.stream().filter(r -> r.role().equals("AGENCY_CHAMPION") && r.organisationId() != null)
                .map(RoleHolder::organisationId).collect(java.util.stream.Collectors.toSet());
        List<OrganisationRef> withoutChampion = members.stream()
                .filter(m -> m.sector() != Sector.LIVED_EXPERIENCE && m.sector() != Sector.RESIDENTS_COMMUNITY_CHAMPIONS)
                .filter(m -> !championed.contains(m.organisationId()))
                .map(Coverage::ref).toList();
        List<AgreementState> active = agreements.stream()
                .filter(a -> a.status() == AgreementStatus.ACTIVE || a.status() == AgreementStatus.EXPIRED).toList();
        Set<UUID> unsigned = active.stream().flatMap(a -> a.unsignedOrganisationIds().stream())
                .collect(java.util.stream.Collectors.toSet());
        List<OrganisationRef> notSigned = members.stream().filter(m -> unsigned.contains(m.organisationId()))
                .map(Coverage::ref).toList();
        List<AgreementRef> due = active.stream().filter(AgreementState::dueForRenewal)
                .map(a -> new AgreementRef(a.agreementId(), a.title(), a.status(), a.renewalDueOn())).toList();
        return new Report(essentialSorted, represented.stream().sorted().toList(), missing, livedExperience,
                livedExperienceRequired, livedExperience < livedExperienceRequired, withoutChampion, notSigned, due,
                active.stream().noneMatch(a -> a.status() == AgreementStatus.ACTIVE));
    }

    private static OrganisationRef ref(Member m) {
        return new OrganisationRef(m.organisationId(), m.organisationName(), m.sector());
    }
}
