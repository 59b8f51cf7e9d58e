package org.partnershippulse.partnership.improvement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.partnership.access.AccessRules;
import org.partnershippulse.partnership.access.PartnershipAccess;
import org.partnershippulse.partnership.audit.AuditTrail;
import org.partnershippulse.partnership.model.Person;

/**
 * Member organisations' commitments to a goal (BCR: "specificity about who will do what and when"). Coordinators
 * record them; a person of the organisation signs, as agreements are signed: for their own organisation, the one
 * their coordinators recorded; coordinators may record a signature given on paper, naming the signer.
 */
@ApplicationScoped
public class CommitmentService {

    @Inject
    PartnershipAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ImprovementEvents events;

    @Transactional
    public List<ImprovementApi.CommitmentView> list(UUID partnershipId, UUID planId, UUID goalId) {
        access.readable(partnershipId);
        Goal goal = Lookup.goal(Lookup.plan(partnershipId, planId), goalId);
        return Commitment.<Commitment>list("goalId = ?1 order by createdAt, id", goal.id).stream().map(CommitmentService::view).toList();
    }

    @Transactional
    public ImprovementApi.CommitmentView make(UUID partnershipId, UUID planId, UUID goalId, ImprovementApi.CommitmentRequest request) {
        access.manageable(partnershipId);
        Goal goal = Lookup.goal(Lookup.plan(partnershipId, planId), goalId);
        if (!Lookup.isCurrentMember(partnershipId, request.organisationId())) {
            throw ProblemException.invalid("organisationId", "is not a current member organisation of the partnership");
        }
        if (Commitment.count("goalId = ?1 and organisationId = ?2", goal.id, request.organisationId()) > 0) {
            throw ProblemException.duplicate("organisationId", "this organisation has already committed to the goal");
        }
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.goalId = goal.id;
        c.partnershipId = partnershipId;
        c.organisationId = request.organisationId();
        c.contribution = request.contribution().trim();
        c.dueOn = request.dueOn();
        c.status = CommitmentStatus.PROPOSED;
        c.touch(audit.actor());
        c.persistAndFlush();
        String organisation = Lookup.organisationName(c.organisationId);
        audit.record(partnershipId, "commitment", c.id, "made", organisation + " commits to \"" + goal.what + "\": " + c.contribution);
        events.commitment(PartnershipEventType.COMMITMENT_MADE, c, goal, organisation);
        return view(c);
    }

    @Transactional
    public ImprovementApi.CommitmentView sign(UUID partnershipId, UUID planId, UUID goalId, UUID commitmentId,
            ImprovementApi.CommitmentSignatureRequest request) {
        access.readable(partnershipId);
        Goal goal = Lookup.goal(Lookup.plan(partnershipId, planId), goalId);
        Commitment c = Lookup.commitment(goal, commitmentId);
        Optional<Person> caller = access.callerPerson();
        boolean ownOrganisation = caller.map(p -> c.organisationId.equals(p.organisationId)).orElse(false);
        access.enforce(AccessRules.toSignFor(access.isPlatformAdmin(), access.callerRoles(partnershipId), ownOrganisation), partnershipId);
        if (c.status == CommitmentStatus.SIGNED) {
            throw ProblemException.conflict("The commitment was already signed by " + c.signerName);
        }
        String signerName = request != null && request.signerName() != null && !request.signerName().isBlank()
                ? request.signerName().trim() : ownOrganisation ? caller.get().name : null;
        if (signerName == null) {
            throw ProblemException.invalid("signerName", "is required when recording another organisation's signature");
        }
        c.status = CommitmentStatus.SIGNED;
        c.signerPersonId = ownOrganisation ? caller.get().id : null;
        c.signerName = signerName;
        c.signerTitle = request == null ? null : request.signerTitle();
        c.signedAt = Instant.now();
        c.signatureRecordedBy = audit.actor();
        c.touch(audit.actor());
        c.persistAndFlush();
        String organisation = Lookup.organisationName(c.organisationId);
        audit.record(partnershipId, "commitment", c.id, "signed", organisation + " signed its commitment to \"" + goal.what
                + "\" (" + signerName + ")");
        events.commitment(PartnershipEventType.COMMITMENT_SIGNED, c, goal, organisation);
        return view(c);
    }

    /** Whether a person's organisation took the goal on: it owns it, or signed a commitment to it. */
    static boolean committed(Goal goal, UUID organisationId) {
        return organisationId != null && (organisationId.equals(goal.ownerOrganisationId)
                || Commitment.count("goalId = ?1 and organisationId = ?2 and status = ?3", goal.id, organisationId,
                CommitmentStatus.SIGNED) > 0);
    }

    static ImprovementApi.CommitmentView view(Commitment c) {
        return new ImprovementApi.CommitmentView(c.id, c.goalId, c.organisationId, Lookup.organisationName(c.organisationId),
                c.contribution, c.dueOn, c.status, c.signerPersonId, c.signerName, c.signerTitle, c.signedAt, c.version);
    }
}
