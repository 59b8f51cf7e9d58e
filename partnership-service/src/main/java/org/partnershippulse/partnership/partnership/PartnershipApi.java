package org.partnershippulse.partnership.partnership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;
import org.partnershippulse.partnership.model.Dimension;
import org.partnershippulse.partnership.model.GeographyType;
import org.partnershippulse.partnership.model.PartnershipStatus;
import org.partnershippulse.partnership.model.PartnershipStructure;
import org.partnershippulse.partnership.sector.Sector;

/** What partnerships look like on the wire. */
public final class PartnershipApi {

    private PartnershipApi() {
    }

    @Schema(name = "PartnershipRequest", description = "A partnership's editable description")
    public record Request(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Ventura County Prevention Partnership") String name,
            @Size(max = 4000, message = "must be at most 4000 characters")
            @Schema(example = "Cross-sector partnership to prevent child abuse and neglect") String description,
            @NotNull(message = "is required") @Schema(example = "COUNTY") GeographyType geographyType,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Ventura County") String geographyName,
            @Size(max = 4000, message = "must be at most 4000 characters")
            @Schema(example = "A community in which children are cherished and families thrive") String vision,
            @Size(max = 4000, message = "must be at most 4000 characters") String purpose,
            @Size(max = 20, message = "must have at most 20 values")
            List<@NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String> sharedValues,
            @Schema(description = "Defaults to FORMING; DISSOLVED only through POST /partnerships/{id}/dissolve", example = "ACTIVE")
            PartnershipStatus status,
            @NotNull(message = "is required") @Schema(example = "STEERING_COMMITTEE") PartnershipStructure structure,
            @Schema(description = "The lead or backbone organisation") UUID leadOrganisationId,
            @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "Monthly, second Tuesday") String meetingCadence,
            @Schema(description = "Where the partnership declares it is on the APHSA continuum", example = "COOPERATION") Dimension declaredDimension,
            @Schema(description = "Where it aims to be", example = "COLLABORATION") Dimension aspiredDimension,
            @Schema(description = "Sectors the partnership wants at the table; omit for the BCR table's default list")
            List<@NotNull(message = "must not be null") Sector> essentialSectors,
            @Schema(description = "Whether released round results (group figures only, as members see them) are published "
                    + "on the public event stream pulse.public.v1 for other systems; omitted means false, also on update",
                    example = "false") Boolean sharesResultsPublicly) {
    }

    @Schema(name = "BenchmarkContribution", description = "A partnership's choice to contribute to the benchmarks across "
            + "partnerships: its released section and item means, never by name, counted only with at least the "
            + "platform's minimum number of contributing partnerships. Takes effect at the partnership's next release.")
    public record BenchmarkContribution(
            @NotNull(message = "is required") @Schema(example = "true") Boolean contributes) {
    }

    @Schema(name = "Dissolution", description = "Why and when a partnership dissolves")
    public record Dissolution(
            @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(example = "Goals achieved; work continues under the county's family resource network") String reason,
            @Schema(description = "Defaults to today") LocalDate dissolvedOn) {
    }

    @Schema(name = "Partnership")
    public record View(
            UUID id, String name, @Schema(nullable = true) String description, GeographyType geographyType,
            String geographyName, @Schema(nullable = true) String vision, @Schema(nullable = true) String purpose,
            List<String> sharedValues, PartnershipStatus status, PartnershipStructure structure,
            @Schema(nullable = true, description = "The lead or backbone organisation") UUID leadOrganisationId,
            @Schema(nullable = true) String meetingCadence,
            @Schema(nullable = true) Dimension declaredDimension, @Schema(nullable = true) Dimension aspiredDimension,
            @Schema(description = "The sectors coverage checks against") List<Sector> essentialSectors,
            @Schema(description = "False while the BCR default list applies") boolean essentialSectorsCustomised,
            @Schema(nullable = true, description = "Set once dissolved") LocalDate dissolvedOn,
            @Schema(nullable = true, description = "Set once dissolved") String dissolutionReason,
            @Schema(description = "Whether released round results are published on the public event stream")
            boolean sharesResultsPublicly,
            @Schema(description = "Whether the partnership contributes its released results to the benchmarks across "
                    + "partnerships (PUT /partnerships/{id}/benchmark-contribution)")
            boolean contributesToBenchmarks,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "PartnershipPage", description = "One page of partnerships")
    public static final class PartnershipPage extends PageSchema<View> {
    }
}
