package org.partnershippulse.events.publicstream;

import org.partnershippulse.kit.events.EventType;

/**
 * The public stream: what a partnership has agreed to share, for subscribers outside the system (other county
 * systems). One topic keyed by partnership id, readable by the {@code public-subscriber} principal. Organisations and
 * sectors, never a person; results only as a release shows them to members and only with the partnership's consent.
 * Schemas: contracts/events/&lt;type&gt;.json; the rule: contracts/privacy.md, "Public event stream".
 */
public enum PublicEventType implements EventType {
    PARTNERSHIP_CREATED("org.partnershippulse.public.partnership.created.v1", PublicPartnership.class),
    PARTNERSHIP_UPDATED("org.partnershippulse.public.partnership.updated.v1", PublicPartnership.class),
    PARTNERSHIP_DISSOLVED("org.partnershippulse.public.partnership.dissolved.v1", PublicPartnership.class),
    MEMBERSHIP_STARTED("org.partnershippulse.public.membership.started.v1", PublicMembership.class),
    MEMBERSHIP_ENDED("org.partnershippulse.public.membership.ended.v1", PublicMembership.class),
    ROUND_OPENED("org.partnershippulse.public.round.opened.v1", PublicRound.class),
    ROUND_CLOSED("org.partnershippulse.public.round.closed.v1", PublicRound.class),
    ROUND_RESULTS_RELEASED("org.partnershippulse.public.round.results-released.v1", PublicResults.class);

    public static final String TOPIC = "pulse.public.v1";

    private final String type;
    private final Class<?> dataType;

    PublicEventType(String type, Class<?> dataType) {
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

    /** The payload record of {@code data}. */
    public Class<?> dataType() {
        return dataType;
    }
}
