package org.partnershippulse.events.publicstream;

import org.partnershippulse.kit.events.EventType;

/**
 * The public stream: what a partnership has agreed to share, for subscribers outside the system (other county
 * systems). One topic keyed by partnership id, readable by the {@code public-subscriber} principal. Organisations and
 * sectors, never a person; results only as a release shows them to members and only with the partnership's consent.
 * Schemas: contracts/events/&lt;type&gt;.json; the rule: contracts/privacy.md, "Public event stream".
 */
public enum PublicEventType implements EventType {
    PARTNERSHIP_CREATED("org.partnershippulse.public.partnership.created.v1"),
    PARTNERSHIP_UPDATED("org.partnershippulse.public.partnership.updated.v1"),
    PARTNERSHIP_DISSOLVED("org.partnershippulse.public.partnership.dissolved.v1"),
    MEMBERSHIP_STARTED("org.partnershippulse.public.membership.started.v1"),
    MEMBERSHIP_ENDED("org.partnershippulse.public.membership.ended.v1"),
    ROUND_OPENED("org.partnershippulse.public.round.opened.v1"),
    ROUND_CLOSED("org.partnershippulse.public.round.closed.v1"),
    ROUND_RESULTS_RELEASED("org.partnershippulse.public.round.results-released.v1");

    public static final String TOPIC = "pulse.public.v1";

    private final String type;

    PublicEventType(String type) {
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
