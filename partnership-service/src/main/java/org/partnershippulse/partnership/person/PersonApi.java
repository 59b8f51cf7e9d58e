package org.partnershippulse.partnership.person;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;
import org.partnershippulse.partnership.model.PersonRole;
import org.partnershippulse.partnership.model.PersonRoleType;
import org.partnershippulse.partnership.sector.Sector;

public final class PersonApi {

    private PersonApi() {
    }

    /** A change of a person. Which login a person is belongs to Keycloak: no request carries a subject. */
    @Schema(name = "PersonRequest", description = "A person's name, e-mail and organisation")
    public record Request(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Grace Okafor") String name,
            @NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
            @Size(max = 320, message = "must be at most 320 characters") @Schema(example = "okafor@example.org") String email,
            @Schema(description = "The organisation the person represents (what they may sign for); none for residents taking part on their own")
            UUID organisationId) {
    }

    /** A new person; they are linked to a login when they first sign in with this e-mail, verified. */
    @Schema(name = "NewPersonRequest", description = "A new person, optionally added for a partnership")
    public record NewPerson(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Grace Okafor") String name,
            @NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
            @Size(max = 320, message = "must be at most 320 characters") @Schema(example = "okafor@example.org") String email,
            @Schema(description = "The organisation the person represents (what they may sign for); none for residents taking part on their own")
            UUID organisationId,
            @Schema(description = "The partnership the person is added for: required for coordinators (one they coordinate);"
                    + " platform administrators may omit it") UUID partnershipId) {

        public Request asRequest() {
            return new Request(name, email, organisationId);
        }
    }

    @Schema(name = "PersonLogin", description = "Re-links a person to another login (platform administrators)")
    public record Login(
            @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters")
            @Schema(description = "The Keycloak subject of the person's new login", example = "a0000000-0000-4000-8000-000000000004")
            String subject,
            @NotBlank(message = "must not be blank") @Size(max = 1000, message = "must be at most 1000 characters")
            @Schema(description = "Why; recorded in the audit trail of every partnership that has the person",
                    example = "Support ticket 4711: the old account was deleted") String reason) {
    }

    @Schema(name = "Person")
    public record View(UUID id, String name, String email,
            @Schema(nullable = true, description = "The organisation the person represents; null for residents taking part on their own")
            UUID organisationId,
            @Schema(nullable = true) String organisationName, @Schema(nullable = true) Sector sector,
            @Schema(nullable = true, description = "Keycloak subject: shown only to the person themself and to platform"
                    + " administrators; null for everyone else and while no login is linked")
            String subject,
            @Schema(description = "Whether a login is linked to the person") boolean linked,
            @Schema(description = "Current roles, in the partnerships the caller can see") List<RoleView> roles,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "PersonPage", description = "One page of people")
    public static final class PersonPage extends PageSchema<View> {
    }

    @Schema(name = "RoleGrant", description = "A role to grant a person in the partnership")
    public record Grant(
            @NotNull(message = "is required") @Schema(description = "The person who gets the role") UUID personId,
            @NotNull(message = "is required") @Schema(example = "AGENCY_CHAMPION") PersonRoleType role) {
    }

    @Schema(name = "PersonRole")
    public record RoleView(UUID id, UUID partnershipId, UUID personId, String personName, PersonRoleType role,
            Instant grantedAt, String grantedBy,
            @Schema(nullable = true, description = "Set once revoked") Instant revokedAt,
            @Schema(nullable = true, description = "Set once revoked") String revokedBy,
            @Schema(description = "Not revoked") boolean active) {

        public static RoleView of(PersonRole r) {
            return new RoleView(r.id, r.partnershipId, r.person.id, r.person.name, r.role, r.grantedAt, r.grantedBy,
                    r.revokedAt, r.revokedBy, r.isActive());
        }
    }

    /** How {@code Page<RoleView>} is documented: under a name a client can use. */
    @Schema(name = "PersonRolePage", description = "One page of roles held in a partnership")
    public static final class PersonRolePage extends PageSchema<RoleView> {
    }

    @Schema(name = "PersonRoleInfo", description = "A role people hold in a partnership, as the seeds describe it")
    public record RoleInfo(PersonRoleType code, String name, String description,
            @Schema(nullable = true, description = "The seed document the description comes from, when it comes from one") String source) {
    }
}
