package org.partnershippulse.partnership.events;

import org.partnershippulse.kit.events.EventType;

/**
 * The events partnership-service publishes: all on one topic keyed by partnership id, so each partnership's
 * history reaches consumers in order. Schemas: contracts/events/&lt;type&gt;.json.
 */
public enum PartnershipEventType implements EventType {
    PARTNERSHIP_CREATED("org.partnershippulse.partnership.created.v1"),
    PARTNERSHIP_UPDATED("org.partnershippulse.partnership.updated.v1"),
    PARTNERSHIP_DISSOLVED("org.partnershippulse.partnership.dissolved.v1"),
    MEMBERSHIP_STARTED("org.partnershippulse.membership.started.v1"),
    MEMBERSHIP_CHANGED("org.partnershippulse.membership.changed.v1"),
    MEMBERSHIP_ENDED("org.partnershippulse.membership.ended.v1"),
    ROLE_GRANTED("org.partnershippulse.person.role-granted.v1"),
    ROLE_REVOKED("org.partnershippulse.person.role-revoked.v1"),
    PERSON_UPDATED("org.partnershippulse.person.updated.v1");

    public static final String TOPIC = "pulse.partnership.v1";

    private final String type;

    PartnershipEventType(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
