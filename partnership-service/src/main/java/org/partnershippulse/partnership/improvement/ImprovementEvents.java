package org.partnershippulse.partnership.improvement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.partnershippulse.events.improvement.CheckInData;
import org.partnershippulse.events.improvement.CommitmentData;
import org.partnershippulse.events.improvement.GoalData;
import org.partnershippulse.events.improvement.GoalProgress;
import org.partnershippulse.events.improvement.LinkedFinding;
import org.partnershippulse.events.improvement.MeasureData;
import org.partnershippulse.events.improvement.MeasureValueData;
import org.partnershippulse.events.improvement.PlanData;
import org.partnershippulse.events.improvement.ThingToTry;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.kit.events.Outbox;

/** Every write of the improvement context, recorded in the outbox in its transaction, keyed by the partnership. */
@ApplicationScoped
public class ImprovementEvents {

    @Inject
    Outbox outbox;

    void plan(PartnershipEventType type, ImprovementPlan p, LocalDate nextCheckInDue) {
        record(type, p.partnershipId.toString(), "partnerships/" + p.partnershipId + "/plans/" + p.id,
                new PlanData(p.id, p.partnershipId, p.title, p.roundId, p.cadence.name(), p.startsOn, nextCheckInDue,
                        p.status.name(), p.version));
    }

    void goal(PartnershipEventType type, Goal g) {
        List<LinkedFinding> findings = g.findings.stream().map(f -> new LinkedFinding(f.roundId(), f.kind().name(), f.key())).toList();
        ThingToTry thing = g.thingKey == null ? null : new ThingToTry(g.thingKey, g.thingSource, g.thingLanguage, g.thingText);
        record(type, g.partnershipId.toString(), "partnerships/" + g.partnershipId + "/plans/" + g.planId + "/goals/" + g.id,
                new GoalData(g.id, g.planId, g.partnershipId, g.what, g.measure, g.measureId, g.target, g.unit,
                        g.ownerOrganisationId, g.ownerPersonId, g.dueOn, g.status.name(), findings, thing, g.version));
    }

    void commitment(PartnershipEventType type, Commitment c, Goal g, String organisationName) {
        record(type, c.partnershipId.toString(),
                "partnerships/" + c.partnershipId + "/plans/" + g.planId + "/goals/" + g.id + "/commitments/" + c.id,
                new CommitmentData(c.id, c.goalId, g.planId, c.partnershipId, c.organisationId, organisationName, c.contribution,
                        c.dueOn, c.status.name(), c.signerPersonId, c.signerName, c.signedAt, c.version));
    }

    void checkIn(CheckIn c, List<CheckInGoal> lines) {
        record(PartnershipEventType.CHECK_IN_RECORDED, c.partnershipId.toString(),
                "partnerships/" + c.partnershipId + "/plans/" + c.planId + "/check-ins/" + c.id,
                new CheckInData(c.id, c.planId, c.partnershipId, c.dueOn, c.recordedAt, c.recordedByPersonId, c.organisationId,
                        lines.stream().map(l -> new GoalProgress(l.goalId, l.status.name(), l.note, l.value)).toList()));
    }

    void measure(PartnershipEventType type, CommonMeasure m) {
        record(type, m.partnershipId.toString(), "partnerships/" + m.partnershipId + "/measures/" + m.id,
                new MeasureData(m.id, m.partnershipId, m.name, m.kind.name(), m.unit, m.baseline, m.target, m.direction.name(),
                        m.version));
    }

    void value(MeasureValue v) {
        record(PartnershipEventType.MEASURE_RECORDED, v.partnershipId.toString(),
                "partnerships/" + v.partnershipId + "/measures/" + v.measureId + "/values/" + v.id,
                new MeasureValueData(v.id, v.measureId, v.partnershipId, v.value, v.observedOn, v.recordedAt,
                        v.recordedByPersonId, v.goalId, v.checkInId));
    }

    private void record(PartnershipEventType type, String key, String subject, Object data) {
        outbox.record(type, key, subject, data);
    }
}
