package org.partnershippulse.assessment.response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.assessment.instrument.DefinitionRules;
import org.partnershippulse.assessment.instrument.InstrumentDefinition;
import org.partnershippulse.assessment.instrument.InstrumentDefinition.Item;
import org.partnershippulse.kit.problem.Problem.Violation;

/**
 * Answers of a relationship round: one rating per other member organisation, given for the respondent's
 * organisation. A draft may rate some; a submission rates or skips every other member organisation. An organisation
 * never rates itself, and only organisations that are members of the partnership are rated. Violations name
 * {@code ratings[i].<field>}.
 */
public final class RelationshipRules {

    private RelationshipRules() {
    }

    /** Ratings as kept: answers normalised as other answers are, a skipped organisation without answers. */
    public static List<PartnerRating> normalise(List<PartnerRating> ratings) {
        if (ratings == null) {
            return List.of();
        }
        return ratings.stream().map(r -> r == null ? null
                : new PartnerRating(r.organisationId(), r.isSkipped(), AnswerRules.normalise(r.answers()))).toList();
    }

    /**
     * @param own     the organisation the respondent answers for
     * @param members the partnership's member organisations now (id to name)
     */
    public static List<Violation> check(InstrumentDefinition instrument, List<PartnerRating> ratings, UUID own,
                                        Map<UUID, String> members) {
        List<Violation> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            String path = "ratings[" + i + "]";
            PartnerRating rating = ratings.get(i);
            if (rating == null) {
                out.add(new Violation(path, "must not be null"));
                continue;
            }
            UUID org = rating.organisationId();
            if (org == null) {
                out.add(new Violation(path + ".organisationId", "is required"));
            } else if (org.equals(own)) {
                out.add(new Violation(path + ".organisationId", "is your own organisation: an organisation does not rate itself"));
            } else if (!members.containsKey(org)) {
                out.add(new Violation(path + ".organisationId", "is not a member organisation of this partnership"));
            } else if (!seen.add(org)) {
                out.add(new Violation(path + ".organisationId", "is rated twice: one rating per organisation"));
            }
            if (rating.isSkipped() && !rating.answers().isEmpty()) {
                out.add(new Violation(path + ".answers", "a skipped organisation takes no answers"));
            }
            for (Violation v : AnswerRules.check(instrument, rating.answers())) {
                out.add(new Violation(path + "." + v.field(), v.message()));
            }
        }
        return out;
    }

    /**
     * What a submission needs beyond {@link #check}: every other member organisation rated or skipped; each rating
     * with a relationship level, and, where the level says there is a relationship, every other item.
     */
    public static List<Violation> missing(InstrumentDefinition instrument, List<PartnerRating> ratings, UUID own,
                                          Map<UUID, String> members) {
        List<Violation> out = new ArrayList<>();
        Set<UUID> rated = new HashSet<>();
        ratings.forEach(r -> rated.add(r.organisationId()));
        members.forEach((org, name) -> {
            if (!org.equals(own) && !rated.contains(org)) {
                out.add(new Violation("ratings", "rate or skip every other member organisation: " + name + " (" + org + ") is missing"));
            }
        });
        Map<String, Integer> scores = scores(instrument);
        for (int i = 0; i < ratings.size(); i++) {
            PartnerRating rating = ratings.get(i);
            if (rating.isSkipped()) {
                continue;
            }
            Answer level = rating.answers().get(DefinitionRules.RELATIONSHIP_LEVEL);
            String path = "ratings[" + i + "].answers.";
            if (level == null || !level.isAnswered()) {
                out.add(new Violation(path + DefinitionRules.RELATIONSHIP_LEVEL, "is required to submit (or skip the organisation)"));
                continue;
            }
            if (scores.getOrDefault(level.value(), 0) == 0) {
                continue; // no relationship: nothing more to judge
            }
            for (Item item : instrument.items()) {
                Answer answer = rating.answers().get(item.key());
                if (answer == null || !answer.isAnswered()) {
                    out.add(new Violation(path + item.key(), "is required to submit for an organisation you have a relationship with"));
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> scores(InstrumentDefinition instrument) {
        Map<String, Integer> out = new HashMap<>();
        instrument.item(DefinitionRules.RELATIONSHIP_LEVEL).flatMap(i -> instrument.scale(i.scale()))
                .ifPresent(s -> s.options().forEach(o -> out.put(o.value(), o.score())));
        return out;
    }
}
