package org.partnershippulse.partnership.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.MembershipRole;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.sector.Sector;

public final class MembershipApi {

    private MembershipApi() {
    }

    @Schema(name = "MembershipRequest", description = "An organisation joining the partnership")
    public record Create(
            @NotNull(message = "is required") @Schema(description = "The organisation joining") UUID organisationId,
            @NotNull(message = "is required") @Schema(example = "MEMBER") MembershipRole role,
            @Schema(description = "Defaults to today") LocalDate joinedOn,
            @Size(max = 4000, message = "must be at most 4000 characters")
            @Schema(example = "Hosts monthly meetings; shares referral data") String contribution) {
    }

    @Schema(name = "MembershipUpdate", description = "A member's role, joining date and contribution")
    public record Update(
            @NotNull(message = "is required") MembershipRole role,
            @NotNull(message = "is required") LocalDate joinedOn,
            @Size(max = 4000, message = "must be at most 4000 characters") String contribution) {
    }

    @Schema(name = "Membership")
    public record View(UUID id, UUID partnershipId, UUID organisationId, String organisationName, Sector sector,
            MembershipRole role, LocalDate joinedOn,
            @Schema(nullable = true, description = "Set once the membership has ended") LocalDate leftOn,
            @Schema(description = "Not ended") boolean active, @Schema(nullable = true) String contribution,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {

        public static View of(Membership m, Organisation o) {
            return new View(m.id, m.partnershipId, m.organisationId, o.name, o.sector, m.role, m.joinedOn, m.leftOn,
                    m.isActive(), m.contribution, m.createdAt, m.createdBy, m.updatedAt, m.updatedBy, m.version);
        }
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "MembershipPage", description = "One page of memberships")
    public static final class MembershipPage extends PageSchema<View> {
    }
}
