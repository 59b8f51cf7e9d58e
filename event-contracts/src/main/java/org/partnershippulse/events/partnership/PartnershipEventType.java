package org.partnershippulse.events.partnership;

import org.partnershippulse.events.improvement.CheckInData;
import org.partnershippulse.events.improvement.CommitmentData;
import org.partnershippulse.events.improvement.GoalData;
import org.partnershippulse.events.improvement.MeasureData;
import org.partnershippulse.events.improvement.MeasureValueData;
import org.partnershippulse.events.improvement.PlanData;
import org.partnershippulse.kit.events.EventType;

/**
 * The events partnership-service publishes, all on one topic, keyed by partnership so that a partnership's events
 * stay in order. Each type names the record its data binds to.
 */
public enum PartnershipEventType implements EventType {
    PARTNERSHIP_CREATED("org.partnershippulse.partnership.created.v1", PartnershipData.class),
    PARTNERSHIP_UPDATED("org.partnershippulse.partnership.updated.v1", PartnershipData.class),
    PARTNERSHIP_DISSOLVED("org.partnershippulse.partnership.dissolved.v1", PartnershipData.class),
    PARTNERSHIP_PURGED("org.partnershippulse.partnership.purged.v1", PartnershipPurgedData.class),
    MEMBERSHIP_STARTED("org.partnershippulse.membership.started.v1", MembershipData.class),
    MEMBERSHIP_CHANGED("org.partnershippulse.membership.changed.v1", MembershipData.class),
    MEMBERSHIP_ENDED("org.partnershippulse.membership.ended.v1", MembershipData.class),
    ROLE_GRANTED("org.partnershippulse.person.role-granted.v1", RoleData.class),
    ROLE_REVOKED("org.partnershippulse.person.role-revoked.v1", RoleData.class),
    PERSON_UPDATED("org.partnershippulse.person.updated.v1", PersonData.class),
    // The improvement context (issue 17). Check-ins are "checkin": the envelope's type pattern allows no hyphen in
    // the context, and widening that pattern would break subscribers validating with the released envelope.
    PLAN_CREATED("org.partnershippulse.plan.created.v1", PlanData.class),
    PLAN_CHANGED("org.partnershippulse.plan.changed.v1", PlanData.class),
    GOAL_SET("org.partnershippulse.goal.set.v1", GoalData.class),
    GOAL_CHANGED("org.partnershippulse.goal.changed.v1", GoalData.class),
    COMMITMENT_MADE("org.partnershippulse.commitment.made.v1", CommitmentData.class),
    COMMITMENT_SIGNED("org.partnershippulse.commitment.signed.v1", CommitmentData.class),
    CHECK_IN_RECORDED("org.partnershippulse.checkin.recorded.v1", CheckInData.class),
    MEASURE_DEFINED("org.partnershippulse.measure.defined.v1", MeasureData.class),
    MEASURE_CHANGED("org.partnershippulse.measure.changed.v1", MeasureData.class),
    MEASURE_RECORDED("org.partnershippulse.measure.recorded.v1", MeasureValueData.class),
    NOTIFICATION_DUE("org.partnershippulse.notification.due.v1", NotificationDueData.class);

    public static final String TOPIC = "pulse.partnership.v1";

    private final String type;
    private final Class<?> dataType;

    PartnershipEventType(String type, Class<?> dataType) {
        this.type = type;
        this.dataType = dataType;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** The payload record of this type (its {@code data}). */
    public Class<?> dataType() {
        return dataType;
    }
}
