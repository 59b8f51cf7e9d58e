package org.partnershippulse.partnership.improvement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.paging.PageSchema;

/** What the improvement context looks like on the wire. */
public final class ImprovementApi {

    private ImprovementApi() {
    }

    // Plans -----------------------------------------------------------------------------------------------------

    @Schema(name = "PlanRequest", description = "An improvement plan and its check-in schedule")
    public record PlanRequest(
            @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters")
            @Schema(example = "Improvement plan 2026-27") String title,
            @Schema(description = "The round whose results the plan answers", example = "0b7e4c1a-2f3d-4e5a-8b9c-0d1e2f3a4b5c") UUID roundId,
            @Schema(description = "How often check-ins fall due; defaults to MONTHLY, as the MOU says", example = "MONTHLY") Cadence cadence,
            @Schema(description = "Defaults to today; the first check-in is due one cadence step later", example = "2026-01-15") LocalDate startsOn,
            @Schema(description = "Defaults to ACTIVE; a CLOSED plan has no check-ins falling due", example = "ACTIVE") PlanStatus status) {
    }

    @Schema(name = "Plan")
    public record PlanView(UUID id, UUID partnershipId, String title, @Schema(nullable = true) UUID roundId, Cadence cadence,
            LocalDate startsOn, PlanStatus status,
            @Schema(nullable = true, description = "The earliest scheduled check-in nobody recorded") LocalDate nextCheckInDue,
            @Schema(description = "Scheduled check-in dates before today that nobody recorded") List<LocalDate> overdueCheckIns,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    @Schema(name = "PlanPage", description = "One page of improvement plans")
    public static final class PlanPage extends PageSchema<PlanView> {
    }

    // Goals -----------------------------------------------------------------------------------------------------

    @Schema(name = "FindingLink", description = "A finding of a round the goal answers")
    public record FindingLink(
            @NotNull(message = "is required") @Schema(example = "0b7e4c1a-2f3d-4e5a-8b9c-0d1e2f3a4b5c") UUID roundId,
            @NotNull(message = "is required") @Schema(description = "ITEM (e.g. a divergent item), SECTION (a low section), "
                    + "CONDITION (a WestEd condition) or DIMENSION (an APHSA dimension)", example = "ITEM") FindingKind kind,
            @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be an item or section key (letters, digits, . _ -)")
            @Schema(description = "The instrument's item or section key, comparable across versions", example = "trust-3") String key) {
    }

    @Schema(name = "ThingToTryChoice", description = "A catalogue suggestion to adopt, by key (GET /things-to-try)")
    public record ThingToTryChoice(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "wested/condition-1/start-here/1") String key,
            @Pattern(regexp = "en|es", message = "must be en or es")
            @Schema(description = "The language of the text kept with the goal; defaults to en", example = "en") String language) {
    }

    @Schema(name = "GoalRequest", description = "A SMART goal: what, how it is measured, the target, who owns it and by when")
    public record GoalRequest(
            @NotBlank(message = "must not be blank") @Size(max = 1000, message = "must be at most 1000 characters")
            @Schema(example = "Members share referral data every month") String what,
            @NotBlank(message = "must not be blank") @Size(max = 1000, message = "must be at most 1000 characters")
            @Schema(example = "Share of member organisations that sent their monthly referral data") String measure,
            @Schema(description = "A common measure of the partnership the goal is measured by; check-in values are recorded to it")
            UUID measureId,
            @NotNull(message = "is required") @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits and 4 decimals")
            @Schema(example = "90") BigDecimal target,
            @Size(max = 50, message = "must be at most 50 characters") @Schema(example = "%") String unit,
            @NotNull(message = "is required") @Schema(description = "A current member organisation") UUID ownerOrganisationId,
            @NotNull(message = "is required") @Schema(description = "A person of the partnership who owns the goal") UUID ownerPersonId,
            @NotNull(message = "is required") @Schema(example = "2026-12-31") LocalDate dueOn,
            @NotEmpty(message = "must name at least one finding") @Size(max = 20, message = "must have at most 20 findings")
            List<@NotNull(message = "must not be null") @Valid FindingLink> findings,
            @Valid ThingToTryChoice thingToTry) {
    }

    @Schema(name = "AdoptedThingToTry", description = "The catalogue suggestion a goal adopts, word for word")
    public record AdoptedThingToTry(String key, @Schema(example = "WESTED_THINGS_TO_TRY") String source, String language, String text) {
    }

    @Schema(name = "GoalProgress", description = "The latest check-in of a goal")
    public record LatestProgress(LocalDate dueOn, ProgressStatus status, @Schema(nullable = true) String note,
            @Schema(nullable = true) BigDecimal value) {
    }

    @Schema(name = "Goal")
    public record GoalView(UUID id, UUID planId, UUID partnershipId, String what, String measure,
            @Schema(nullable = true) UUID measureId, BigDecimal target, @Schema(nullable = true) String unit,
            UUID ownerOrganisationId, String ownerOrganisationName, UUID ownerPersonId, String ownerPersonName,
            LocalDate dueOn, GoalStatus status,
            @Schema(description = "Past its due date and neither DONE nor DROPPED") boolean overdue,
            List<FindingLink> findings, @Schema(nullable = true) AdoptedThingToTry thingToTry,
            @Schema(nullable = true) LatestProgress latest,
            @Schema(description = "Member organisations' commitments to the goal") List<CommitmentView> commitments,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    @Schema(name = "GoalPage", description = "One page of goals")
    public static final class GoalPage extends PageSchema<GoalView> {
    }

    @Schema(name = "Suggestion", description = "A WestEd Thing to try or a BCR guideline, as the seeds have it")
    public record Suggestion(@Schema(example = "wested/condition-1/start-here/1") String key,
            @Schema(example = "WESTED_THINGS_TO_TRY") String source,
            @Schema(nullable = true, description = "The WestEd condition (section key)", example = "condition-1") String section,
            @Schema(nullable = true, example = "START_HERE") String level, String title,
            @Schema(description = "Text per language") Map<String, String> text,
            @Schema(description = "The sections or elements it answers") List<String> sections) {
    }

    // Commitments -----------------------------------------------------------------------------------------------

    @Schema(name = "CommitmentRequest", description = "What a member organisation contributes to a goal and by when")
    public record CommitmentRequest(
            @NotNull(message = "is required") @Schema(description = "A current member organisation") UUID organisationId,
            @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must be at most 2000 characters")
            @Schema(example = "Send attendance data by the 5th of each month") String contribution,
            @NotNull(message = "is required") @Schema(example = "2026-06-30") LocalDate dueOn) {
    }

    @Schema(name = "CommitmentSignatureRequest", description = "Signing a commitment for its organisation")
    public record CommitmentSignatureRequest(
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(description = "Required when a coordinator records someone else's signature; else the caller's name")
            String signerName,
            @Size(max = 200, message = "must be at most 200 characters") @Schema(example = "Superintendent") String signerTitle) {
    }

    @Schema(name = "Commitment")
    public record CommitmentView(UUID id, UUID goalId, UUID organisationId, String organisationName, String contribution,
            LocalDate dueOn, CommitmentStatus status, @Schema(nullable = true) UUID signerPersonId,
            @Schema(nullable = true) String signerName, @Schema(nullable = true) String signerTitle,
            @Schema(nullable = true) Instant signedAt, long version) {
    }

    // Check-ins -------------------------------------------------------------------------------------------------

    @Schema(name = "CheckInLine", description = "One goal's progress in a check-in")
    public record CheckInLine(
            @NotNull(message = "is required") UUID goalId,
            @NotNull(message = "is required") @Schema(example = "ON_TRACK") ProgressStatus status,
            @Size(max = 1000, message = "must be at most 1000 characters")
            @Schema(nullable = true, example = "Four of five members sent their data") String note,
            @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits and 4 decimals")
            @Schema(nullable = true, description = "The value of the goal's measure (none when not measured this time)",
                    example = "80") BigDecimal value) {
    }

    @Schema(name = "CheckInRequest", description = "A check-in: per goal a status, a short note and the measure's value")
    public record CheckInRequest(
            @Schema(description = "The scheduled date it is for (startsOn plus whole cadence steps); defaults to the latest"
                    + " scheduled date on or before today, or the first one") LocalDate dueOn,
            @NotEmpty(message = "must name at least one goal") @Size(max = 50, message = "must have at most 50 goals")
            List<@NotNull(message = "must not be null") @Valid CheckInLine> goals) {
    }

    @Schema(name = "CheckIn")
    public record CheckInView(UUID id, UUID planId, LocalDate dueOn, Instant recordedAt, String recordedBy,
            @Schema(nullable = true) UUID recordedByPersonId, @Schema(nullable = true) UUID organisationId,
            List<CheckInLine> goals) {
    }

    @Schema(name = "CheckInPage", description = "One page of check-ins")
    public static final class CheckInPage extends PageSchema<CheckInView> {
    }

    @Schema(name = "OverdueCheckIn")
    public record OverdueCheckIn(UUID planId, String planTitle, LocalDate dueOn) {
    }

    @Schema(name = "OverdueGoal")
    public record OverdueGoal(UUID goalId, UUID planId, String what, LocalDate dueOn, GoalStatus status,
            UUID ownerOrganisationId, UUID ownerPersonId) {
    }

    @Schema(name = "Overdue", description = "What the coordinator should chase: check-ins nobody recorded and goals past due")
    public record Overdue(List<OverdueCheckIn> checkIns, List<OverdueGoal> goals) {
    }

    // Common measures -------------------------------------------------------------------------------------------

    @Schema(name = "MeasureRequest", description = "A common measure of the partnership (WestEd condition 6.3)")
    public record MeasureRequest(
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
            @Schema(example = "Families referred who received services within 30 days") String name,
            @Size(max = 2000, message = "must be at most 2000 characters") String description,
            @NotNull(message = "is required") @Schema(example = "OUTCOME") MeasureKind kind,
            @NotBlank(message = "must not be blank") @Size(max = 50, message = "must be at most 50 characters")
            @Schema(example = "%") String unit,
            @NotNull(message = "is required") @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits and 4 decimals")
            @Schema(example = "42") BigDecimal baseline,
            @NotNull(message = "is required") @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits and 4 decimals")
            @Schema(example = "60") BigDecimal target,
            @NotNull(message = "is required") @Schema(example = "HIGHER_IS_BETTER") Direction direction) {
    }

    @Schema(name = "MeasureTrend", description = "The latest value against the baseline, read in the measure's direction")
    public record TrendView(@Schema(nullable = true) BigDecimal latest, @Schema(nullable = true) LocalDate latestOn,
            @Schema(nullable = true, description = "latest - baseline") BigDecimal change,
            @Schema(example = "IMPROVING") Trend.Assessment assessment,
            @Schema(nullable = true, description = "Share of the way from baseline to target (1 = reached)") BigDecimal progress) {
    }

    @Schema(name = "Measure")
    public record MeasureView(UUID id, UUID partnershipId, String name, @Schema(nullable = true) String description,
            MeasureKind kind, String unit, BigDecimal baseline, BigDecimal target, Direction direction, TrendView trend,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
            @Schema(description = "Changes on every update; sent as the ETag") long version) {
    }

    @Schema(name = "MeasurePage", description = "One page of common measures")
    public static final class MeasurePage extends PageSchema<MeasureView> {
    }

    @Schema(name = "MeasureValueRequest", description = "A value of a common measure observed on a date")
    public record ValueRequest(
            @NotNull(message = "is required") @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits and 4 decimals")
            @Schema(example = "47.5") BigDecimal value,
            @NotNull(message = "is required") @Schema(example = "2026-02-28") LocalDate observedOn) {
    }

    @Schema(name = "MeasureValue")
    public record ValueView(UUID id, UUID measureId, BigDecimal value, LocalDate observedOn, Instant recordedAt,
            String recordedBy, @Schema(nullable = true) UUID goalId, @Schema(nullable = true) UUID checkInId) {
    }

    @Schema(name = "MeasureValuePage", description = "One page of a measure's values")
    public static final class ValuePage extends PageSchema<ValueView> {
    }
}
