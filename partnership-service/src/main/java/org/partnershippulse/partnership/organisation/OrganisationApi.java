package org.partnershippulse.partnership.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.sector.Sector;

public final class OrganisationApi {

    private OrganisationApi() {
    }

    @Schema(name = "OrganisationRequest", description = "An organisation's directory entry")
    public record Request(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Ventura County Children and Family Services") String name,
            @Size(max = 100, message = "must be at most 100 characters") @Schema(example = "County agency") String type,
            @NotNull(message = "is required") @Schema(example = "CHILD_WELFARE") Sector sector,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 500, message = "must be at most 500 characters")
            @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website) {
    }

    /** A new organisation, optionally added for a partnership (which then sees it, and must agree to changes). */
    @Schema(name = "NewOrganisationRequest", description = "A new organisation for the directory")
    public record NewOrganisation(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Ventura County Children and Family Services") String name,
            @Size(max = 100, message = "must be at most 100 characters") @Schema(example = "County agency") String type,
            @NotNull(message = "is required") @Schema(example = "CHILD_WELFARE") Sector sector,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @Size(max = 500, message = "must be at most 500 characters")
            @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
            @Schema(description = "The partnership the organisation is added for (one the caller coordinates; optional)")
            UUID partnershipId) {

        public Request asRequest() {
            return new Request(name, type, sector, description, website);
        }
    }

    @Schema(name = "Organisation")
    public record View(UUID id, String name, @Schema(nullable = true) String type, Sector sector,
            @Schema(nullable = true) String description, @Schema(nullable = true) String website,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {

        public static View of(Organisation o) {
            return new View(o.id, o.name, o.type, o.sector, o.description, o.website, o.createdAt, o.createdBy,
                    o.updatedAt, o.updatedBy, o.version);
        }
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "OrganisationPage", description = "One page of organisations")
    public static final class OrganisationPage extends PageSchema<View> {
    }
}
