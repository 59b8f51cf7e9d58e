package org.partnershippulse.assessment.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.partnershippulse.kit.problem.Problem.Violation;

/**
 * Who answers a relationship round for an organisation: the coordinator designates, per round, one person of each
 * member organisation taking part, as the round's PEOPLE audience. Why per round rather than a role: who knows an
 * organisation's partners best changes with the topic and over time, and a role would change who answers every
 * later round without anyone deciding it for this one.
 */
public final class Designation {

    private Designation() {
    }

    /**
     * @param organisations each active person of the partnership and the organisation they belong to (absent: none)
     */
    public static List<Violation> violations(RoundSettings.Audience audience, Map<UUID, UUID> organisations) {
        List<Violation> out = new ArrayList<>();
        if (audience.type() != RoundSettings.AudienceType.PEOPLE) {
            out.add(new Violation("audience.type", "a relationship round needs PEOPLE: the coordinator designates one "
                    + "person per member organisation to answer for it"));
            return out;
        }
        Map<UUID, Integer> byOrganisation = new HashMap<>();
        List<UUID> people = audience.personIds();
        for (int i = 0; i < people.size(); i++) {
            if (!organisations.containsKey(people.get(i))) {
                continue; // unknown people are reported by the round's own check
            }
            UUID org = organisations.get(people.get(i));
            if (org == null) {
                out.add(new Violation("audience.personIds[" + i + "]", "belongs to no member organisation it could answer for"));
                continue;
            }
            Integer other = byOrganisation.putIfAbsent(org, i);
            if (other != null) {
                out.add(new Violation("audience.personIds[" + i + "]", "answers for the same organisation as audience.personIds["
                        + other + "]: one designated respondent per organisation"));
            }
        }
        return out;
    }
}
