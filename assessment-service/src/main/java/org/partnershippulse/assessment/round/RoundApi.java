package org.partnershippulse.assessment.round;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.round.RoundSettings.Audience;
import org.partnershippulse.assessment.round.RoundSettings.Breakdown;
import org.partnershippulse.assessment.round.RoundSettings.Confidentiality;
import org.partnershippulse.kit.paging.PageSchema;

/** The rounds' request and response records, and the data of their events. */
public final class RoundApi {

    private RoundApi() {
    }

    @Schema(name = "RoundRequest", description = "A round's settings; omitted ones take their defaults")
    public record RoundRequest(
            @NotBlank @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
            @NotNull @Min(1) @Schema(description = "A published version of the instrument", example = "1") Integer instrumentVersion,
            @NotBlank @Size(max = 200) @Schema(example = "Spring 2027 partnership check-in") String title,
            @Schema(description = "When the round opens by itself (a draft then opens as if its coordinator did); "
                    + "optional: a coordinator may open it at any time", example = "2027-03-01T08:00:00Z") Instant opensAt,
            @Schema(description = "When the round closes by itself, unless it was opened or reopened after that time; "
                    + "optional", example = "2027-03-31T22:00:00Z") Instant closesAt,
            @Valid @Schema(description = "Default: all members") Audience audience,
            @Schema(description = "Default: CONFIDENTIAL") Confidentiality confidentiality,
            @Min(value = 2, message = "must be 2 or more: a smaller group would reveal individual answers")
            @Schema(description = "Smallest group any report breakdown may show; default 3, never below 2", example = "3")
            Integer minimumGroupSize,
            @Schema(description = "Breakdowns reports may show; default both", example = "[\"SECTOR\", \"ROLE\"]")
            Set<Breakdown> allowedBreakdowns) {

        public RoundSettings settings() {
            return new RoundSettings(instrumentKey, instrumentVersion, title, opensAt, closesAt,
                    audience == null ? Audience.allMembers() : audience,
                    confidentiality == null ? Confidentiality.CONFIDENTIAL : confidentiality,
                    minimumGroupSize == null ? RoundSettings.DEFAULT_MINIMUM_GROUP_SIZE : minimumGroupSize,
                    allowedBreakdowns == null ? EnumSet.allOf(Breakdown.class) : Set.copyOf(allowedBreakdowns));
        }
    }

    @Schema(name = "ReopenRequest")
    public record ReopenRequest(@NotBlank @Size(max = 1000)
                                @Schema(example = "Two partner agencies joined late and have not responded yet") String reason) {
    }

    @Schema(name = "Round", description = "An assessment round of a partnership")
    public record RoundView(
            UUID id,
            UUID partnershipId,
            @Schema(example = "Spring 2027 partnership check-in") String title,
            @Schema(example = "bcr-partnership-assessment-inventory") String instrumentKey,
            @Schema(example = "1") int instrumentVersion,
            @Schema(nullable = true, description = "When the round opens by itself; null: a coordinator opens it") Instant opensAt,
            @Schema(nullable = true, description = "When the round closes by itself; null: a coordinator closes it") Instant closesAt,
            Audience audience,
            Confidentiality confidentiality,
            @Schema(example = "3") int minimumGroupSize,
            Set<Breakdown> allowedBreakdowns,
            RoundStatus status,
            @Schema(nullable = true, description = "People invited; known once the round opens, null before", example = "12") Integer invitedCount,
            Instant createdAt,
            @Schema(nullable = true, description = "Null until the round opens") Instant openedAt,
            @Schema(nullable = true, description = "Who opened it: a coordinator, or system when opensAt came; null until it opens", example = "rivera") String openedBy,
            @Schema(nullable = true, description = "Null until the round closes") Instant closedAt,
            @Schema(nullable = true, description = "Who closed it: a coordinator, or system when closesAt came; null until it closes", example = "system") String closedBy,
            @Schema(nullable = true, description = "Null unless the round was reopened") Instant reopenedAt,
            @Schema(nullable = true, description = "Why the round was last reopened; null unless it was") String reopenReason,
            @Schema(description = "Concurrency token, also the ETag", example = "0") long version) {

        static RoundView of(Round r, Integer invitedCount) {
            return new RoundView(r.id, r.partnershipId, r.title, r.instrumentKey, r.instrumentVersion, r.opensAt,
                    r.closesAt, r.settings().audience(), r.confidentiality, r.minimumGroupSize, r.breakdowns(), r.status,
                    invitedCount, r.createdAt, r.openedAt, r.openedBy, r.closedAt, r.closedBy, r.reopenedAt, r.reopenReason, r.revision);
        }
    }

    @Schema(name = "Participation", description = "Who has and has not responded, never what anyone answered nor when. "
            + "In an ANONYMOUS round only the counts.")
    public record Participation(UUID roundId, RoundStatus status, @Schema(example = "12") int invitedCount,
                                @Schema(example = "9") int respondedCount,
                                @Schema(description = "Empty in an ANONYMOUS round") List<Participant> responded,
                                @Schema(description = "Empty in an ANONYMOUS round") List<Participant> notResponded) {
    }

    /** Who, never when: a time beside each name, read before and after a report changes, would say whose answers moved it. */
    @Schema(name = "Participant")
    public record Participant(UUID personId, @Schema(example = "Grace Okafor") String name,
                              @Schema(nullable = true, description = "Null for a member without an organisation", example = "County Child Welfare")
                              String organisationName) {
    }

    @Schema(name = "MyRound", description = "An open round the caller is invited to, with their response status")
    public record MyRound(UUID roundId, UUID partnershipId,
                          @Schema(nullable = true, description = "Null while the partnership is not yet known to this service",
                                  example = "Eastside Families Partnership") String partnershipName,
                          String title, String instrumentKey, int instrumentVersion,
                          @Schema(nullable = true, description = "When the round closes by itself; null: when a coordinator closes it") Instant closesAt,
                          @Schema(description = "NOT_STARTED, DRAFT or SUBMITTED", enumeration = {"NOT_STARTED", "DRAFT", "SUBMITTED"})
                          String responseStatus,
                          @Schema(nullable = true, description = "Null until you first submit") Instant lastSubmittedAt) {

        static String statusOf(RoundResponses.State response) {
            return response == null ? "NOT_STARTED" : response.status();
        }
    }

    @Schema(name = "RoundPage", description = "One page of a partnership's rounds")
    public static final class RoundPage extends PageSchema<RoundView> {
    }

    @Schema(name = "MyRoundPage", description = "One page of the open rounds you are invited to")
    public static final class MyRoundPage extends PageSchema<MyRound> {
    }
}
