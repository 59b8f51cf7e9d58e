package org.partnershippulse.assessment.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.problem.Problem.Violation;

/**
 * What a coordinator decides about a round before it opens, with the defaults a mature survey tool applies and the
 * rules that protect respondents: no breakdown may show a group smaller than two.
 */
public record RoundSettings(String instrumentKey, int instrumentVersion, String title, Instant opensAt,
                            Instant closesAt, Audience audience, Confidentiality confidentiality,
                            int minimumGroupSize, Set<Breakdown> allowedBreakdowns) {

    public static final int DEFAULT_MINIMUM_GROUP_SIZE = 3;
    public static final int SMALLEST_GROUP_SIZE = 2;

    @Schema(description = "ALL_MEMBERS: every person with an active role in the partnership; ROLES: people holding one of "
            + "the chosen roles; PEOPLE: the chosen people")
    public enum AudienceType { ALL_MEMBERS, ROLES, PEOPLE }

    @Schema(description = "CONFIDENTIAL: reports never reveal who answered what (coordinators see who took part, to "
            + "remind the others); ANONYMOUS: coordinators see only how many took part")
    public enum Confidentiality { CONFIDENTIAL, ANONYMOUS }

    @Schema(description = "A way reports may split results")
    public enum Breakdown { SECTOR, ROLE }

    /** Partnership roles as partnership-service names them. */
    public static final Set<String> PARTNERSHIP_ROLES = Set.of("COORDINATOR", "MEMBER", "AGENCY_CHAMPION",
            "LIVED_EXPERIENCE", "COMMUNITY_OUTREACH_LIAISON", "DATA_MEASUREMENT_LEAD", "PROJECT_MANAGER",
            "TECHNICAL_ASSISTANCE", "COMMUNICATIONS", "FUNDRAISING");

    @Schema(name = "RoundAudience", description = "Who is invited to respond")
    public record Audience(
            @Schema(defaultValue = "ALL_MEMBERS") AudienceType type,
            @Schema(description = "ROLES: the partnership roles invited", example = "[\"COORDINATOR\", \"LIVED_EXPERIENCE\"]") List<String> roles,
            @Schema(description = "PEOPLE: the people invited (person ids from partnership-service)") List<UUID> personIds) {

        public Audience {
            type = type == null ? AudienceType.ALL_MEMBERS : type;
            roles = roles == null ? List.of() : List.copyOf(roles);
            personIds = personIds == null ? List.of() : List.copyOf(personIds);
        }

        public static Audience allMembers() {
            return new Audience(AudienceType.ALL_MEMBERS, List.of(), List.of());
        }
    }

    /** @return what is wrong with these settings, each naming its request field */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (minimumGroupSize < SMALLEST_GROUP_SIZE) {
            out.add(new Violation("minimumGroupSize", "must be 2 or more: a smaller group would reveal individual answers"));
        }
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            out.add(new Violation("closesAt", "must be after opensAt"));
        }
        switch (audience.type()) {
            case ALL_MEMBERS -> {
                if (!audience.roles().isEmpty() || !audience.personIds().isEmpty()) {
                    out.add(new Violation("audience.type", "ALL_MEMBERS takes neither roles nor personIds"));
                }
            }
            case ROLES -> {
                if (audience.roles().isEmpty()) {
                    out.add(new Violation("audience.roles", "must name at least one role for a ROLES audience"));
                }
                for (int i = 0; i < audience.roles().size(); i++) {
                    if (!PARTNERSHIP_ROLES.contains(audience.roles().get(i))) {
                        out.add(new Violation("audience.roles[" + i + "]", "must be one of " + new java.util.TreeSet<>(PARTNERSHIP_ROLES)));
                    }
                }
            }
            case PEOPLE -> {
                if (audience.personIds().isEmpty()) {
                    out.add(new Violation("audience.personIds", "must name at least one person for a PEOPLE audience"));
                }
            }
        }
        return out;
    }
}
