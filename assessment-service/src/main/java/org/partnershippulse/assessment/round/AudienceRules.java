package org.partnershippulse.assessment.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Who a round invites, from the people holding active roles in the partnership when it opens. */
public final class AudienceRules {

    public static final String UNKNOWN_SECTOR = "UNKNOWN";

    private AudienceRules() {
    }

    /** One active role of one person, as the projection holds it. */
    public record PersonRole(UUID personId, String name, UUID organisationId, String organisationName, String sector,
                             String role) {
    }

    /** A person invited, with all their roles. */
    public record Invitee(UUID personId, String name, UUID organisationId, String organisationName, String sector,
                          List<String> roles) {
    }

    public static List<Invitee> invitees(RoundSettings.Audience audience, List<PersonRole> activeRoles) {
        Map<UUID, List<PersonRole>> byPerson = new LinkedHashMap<>();
        activeRoles.forEach(r -> byPerson.computeIfAbsent(r.personId(), id -> new ArrayList<>()).add(r));
        List<Invitee> out = new ArrayList<>();
        byPerson.forEach((personId, roles) -> {
            boolean invited = switch (audience.type()) {
                case ALL_MEMBERS -> true;
                case ROLES -> roles.stream().anyMatch(r -> audience.roles().contains(r.role()));
                case PEOPLE -> audience.personIds().contains(personId);
            };
            if (invited) {
                PersonRole first = roles.stream().filter(r -> r.organisationId() != null).findFirst().orElse(roles.get(0));
                String sector = roles.stream().map(PersonRole::sector).filter(s -> s != null && !s.isBlank()).findFirst()
                        .orElse(UNKNOWN_SECTOR);
                out.add(new Invitee(personId, first.name(), first.organisationId(), first.organisationName(), sector,
                        List.copyOf(new TreeSet<>(roles.stream().map(PersonRole::role).toList()))));
            }
        });
        return out;
    }

    public static Map<String, Integer> bySector(List<Invitee> invitees) {
        Map<String, Integer> out = new TreeMap<>();
        invitees.forEach(i -> out.merge(i.sector(), 1, Integer::sum));
        return out;
    }

    /** A person with several roles counts once in each. */
    public static Map<String, Integer> byRole(List<Invitee> invitees) {
        Map<String, Integer> out = new TreeMap<>();
        invitees.forEach(i -> i.roles().forEach(r -> out.merge(r, 1, Integer::sum)));
        return out;
    }
}
