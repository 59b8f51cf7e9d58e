package org.partnershippulse.partnership.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;

public final class AgreementApi {

    private AgreementApi() {
    }

    @Schema(name = "AgreementRequest", description = "Commitments of an agreement; omitted fields take the BCR Model MOU's defaults")
    public record Request(
            @Size(max = 300, message = "must be at most 300 characters")
            @Schema(example = "Memorandum of Understanding 2026") String title,
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(description = "Defaults to the model's \"at least monthly\"", example = "at least monthly") String meetingFrequency,
            @Size(max = 4000, message = "must be at most 4000 characters")
            @Schema(example = "Decisions by consensus of member representatives; if consensus fails, by two-thirds vote") String decisionProcess,
            @Size(max = 30, message = "must have at most 30 duties")
            @Schema(description = "Members' duties; defaults to the model's six") List<@NotBlank(message = "must not be blank")
                    @Size(max = 1000, message = "must be at most 1000 characters") String> memberDuties,
            @Size(max = 100000, message = "must be at most 100000 characters")
            @Schema(description = "Replace the generated text (a new version); omit to regenerate from the template") String text) {
    }

    @Schema(name = "AgreementTermination", description = "Terminating an agreement in writing")
    public record Termination(@NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(description = "Why; kept with the agreement") String reason) {
    }

    @Schema(name = "SignatureRequest", description = "A signature of the current version, for a member organisation")
    public record SignatureRequest(
            @NotNull(message = "is required") @Schema(description = "The member organisation signing") UUID organisationId,
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(description = "Required when a coordinator records someone else's signature; else the caller's name")
            String signerName,
            @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "Deputy Director") String signerTitle) {
    }

    @Schema(name = "Signature")
    public record Signature(UUID id, int versionNumber, UUID organisationId, String organisationName,
            @Schema(nullable = true, description = "The signer's person entry; null when a coordinator recorded someone else's signature")
            UUID signerPersonId,
            String signerName, @Schema(nullable = true) String signerTitle, Instant signedAt, String recordedBy) {
    }

    @Schema(name = "MissingSignature")
    public record MissingSignature(UUID organisationId, String organisationName) {
    }

    @Schema(name = "AgreementVersion")
    public record Version(int number, String reason, Instant createdAt, String createdBy, String text) {
    }

    @Schema(name = "Agreement")
    public record View(UUID id, UUID partnershipId, String title, AgreementStatus status, String meetingFrequency,
            @Schema(nullable = true) String decisionProcess, List<String> memberDuties, int currentVersion,
            @Schema(description = "The text of the current version (Markdown)") String text,
            @Schema(nullable = true, description = "Set once activated") LocalDate activatedOn,
            @Schema(nullable = true, description = "Set once activated") LocalDate renewalDueOn,
            @Schema(description = "Active and its re-signature is due within 30 days or overdue") boolean dueForRenewal,
            @Schema(nullable = true, description = "Set once terminated") LocalDate terminatedOn,
            @Schema(nullable = true, description = "Set once terminated") String terminationReason,
            @Schema(description = "Signatures of the current version") List<Signature> signatures,
            @Schema(description = "Current member organisations that have not signed the current version") List<MissingSignature> missingSignatures,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    /** How {@code Page<View>} is documented: under a name a client can use (the generated one was numbered). */
    @Schema(name = "AgreementPage", description = "One page of agreements")
    public static final class AgreementPage extends PageSchema<View> {
    }
}
