package org.partnershippulse.partnership.improvement;

import java.util.UUID;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;

/** Finds the context's records under their own partnership only: an id under another partnership's path is 404. */
final class Lookup {

    private Lookup() {
    }

    static ImprovementPlan plan(UUID partnershipId, UUID planId) {
        return ImprovementPlan.<ImprovementPlan>find("id = ?1 and partnershipId = ?2", planId, partnershipId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
    }

    static Goal goal(ImprovementPlan plan, UUID goalId) {
        return Goal.<Goal>find("id = ?1 and planId = ?2", goalId, plan.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Goal", goalId));
    }

    static CommonMeasure measure(UUID partnershipId, UUID measureId) {
        return CommonMeasure.<CommonMeasure>find("id = ?1 and partnershipId = ?2", measureId, partnershipId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Measure", measureId));
    }

    static Commitment commitment(Goal goal, UUID commitmentId) {
        return Commitment.<Commitment>find("id = ?1 and goalId = ?2", commitmentId, goal.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Commitment", commitmentId));
    }

    static boolean isCurrentMember(UUID partnershipId, UUID organisationId) {
        return Membership.count("partnershipId = ?1 and organisationId = ?2 and leftOn is null", partnershipId, organisationId) > 0;
    }

    static boolean holdsRole(UUID partnershipId, UUID personId) {
        return PersonRole.count("person.id = ?1 and partnershipId = ?2 and revokedAt is null", personId, partnershipId) > 0;
    }

    static String organisationName(UUID organisationId) {
        Organisation o = organisationId == null ? null : Organisation.findById(organisationId);
        return o == null ? null : o.name;
    }

    static String personName(UUID personId) {
        Person p = personId == null ? null : Person.findById(personId);
        return p == null ? null : p.name;
    }
}
