package org.partnershippulse.projection;

import static org.partnershippulse.events.partnership.PartnershipEventType.*;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.events.partnership.MembershipData;
import org.partnershippulse.events.partnership.PartnershipData;
import org.partnershippulse.events.partnership.PartnershipPurgedData;
import org.partnershippulse.events.partnership.PersonData;
import org.partnershippulse.events.partnership.RoleData;
import org.partnershippulse.kit.events.EventHandler.Delivery;
import org.partnershippulse.kit.events.EventHandlers;
import org.partnershippulse.kit.events.EventPipeline;
import org.partnershippulse.kit.events.PoisonEventException;

/**
 * Keeps the projection of partnerships, memberships and people's roles from partnership-service's events (channel
 * {@code partnership-events}, a poll at a time), each applied exactly once, in partition order (a partnership's
 * events share a partition), through service-kit's {@link EventPipeline}. A malformed event, one of an unknown type,
 * or one whose values would not fit the tables goes to the channel's dead-letter topic with the reason: a value too
 * long would otherwise fail the batch, and be retried, forever.
 */
@ApplicationScoped
public class PartnershipProjection {

    /** The consumer's name in the inbox. */
    public static final String CONSUMER = "partnership-events";
    /** The tables this projection owns (a rebuild empties them). */
    public static final List<String> TABLES = List.of("partnership_view", "membership_view", "person_role_view");

    @Inject
    EventPipeline pipeline;

    /**
     * Fired, in the event's transaction, for each partnership event applied (not for an older one): a service keeps
     * what only it needs of the partnership (reporting: the benchmark opt-in) without a column in the shared tables.
     */
    @Inject
    jakarta.enterprise.event.Event<PartnershipData> applied;

    private final EventHandlers handlers = EventHandlers.of(CONSUMER)
            .on(PARTNERSHIP_CREATED, PartnershipData.class, this::partnership)
            .on(PARTNERSHIP_UPDATED, PartnershipData.class, this::partnership)
            .on(PARTNERSHIP_DISSOLVED, PartnershipData.class, this::partnership)
            .on(MEMBERSHIP_STARTED, MembershipData.class, this::membership)
            .on(MEMBERSHIP_CHANGED, MembershipData.class, this::membership)
            .on(MEMBERSHIP_ENDED, MembershipData.class, this::membership)
            .on(ROLE_GRANTED, RoleData.class, this::role)
            .on(ROLE_REVOKED, RoleData.class, this::role)
            .on(PERSON_UPDATED, PersonData.class, this::person)
            .on(PARTNERSHIP_PURGED, PartnershipPurgedData.class, this::purged)
            // partnership-service's own notification bookkeeping and the improvement context (plans, goals,
            // commitments, check-ins, measures): nothing to project.
            .ignore(NOTIFICATION_DUE, PLAN_CREATED, PLAN_CHANGED, GOAL_SET, GOAL_CHANGED, COMMITMENT_MADE,
                    COMMITMENT_SIGNED, CHECK_IN_RECORDED, MEASURE_DEFINED, MEASURE_CHANGED, MEASURE_RECORDED);

    /** Each service deletes its own rows of a purged partnership, in the batch's transaction. */
    @Inject
    Event<PartnershipPurged> purges;

    @Incoming("partnership-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return pipeline.consume(handlers, batch);
    }

    /** For a rebuild's replay of the topic. */
    public EventHandlers handlers() {
        return handlers;
    }

    private void partnership(PartnershipData d, Delivery delivery) {
        require(d.partnershipId() != null && d.name() != null && d.status() != null && d.version() != null,
                "partnership event without partnershipId, name, status or version");
        require(fits(d.name(), 300) && fits(d.status(), 30) && fits(d.declaredDimension(), 30),
                "partnership event with values too long");
        PartnershipView view = PartnershipView.findById(d.partnershipId());
        if (view == null) {
            view = new PartnershipView();
            view.id = d.partnershipId();
        } else if (view.sourceVersion > d.version()) {
            return;
        }
        view.name = d.name();
        view.status = d.status();
        view.declaredDimension = d.declaredDimension();
        view.sharesResultsPublicly = d.sharesResultsPublicly();
        view.sourceVersion = d.version();
        Instant time = delivery.event().time();
        view.updatedAt = time == null ? Instant.now() : time;
        view.persist();
        applied.fire(d);
    }

    private void membership(MembershipData d, Delivery delivery) {
        require(d.membershipId() != null && d.partnershipId() != null && d.organisationId() != null && d.role() != null
                && d.version() != null, "membership event without membershipId, partnershipId, organisationId, role or version");
        require(fits(d.organisationName(), 300) && fits(d.sector(), 60) && fits(d.role(), 40),
                "membership event with values too long");
        if (purged(d.partnershipId())) {
            return;
        }
        MembershipView view = MembershipView.findById(d.membershipId());
        if (view == null) {
            view = new MembershipView();
            view.id = d.membershipId();
        } else if (view.sourceVersion > d.version()) {
            return;
        }
        view.partnershipId = d.partnershipId();
        view.organisationId = d.organisationId();
        view.organisationName = d.organisationName() == null ? "" : d.organisationName();
        view.sector = d.sector();
        view.role = d.role();
        view.joinedOn = d.joinedOn();
        view.leftOn = d.leftOn();
        view.sourceVersion = d.version();
        view.persist();
    }

    private void role(RoleData d, Delivery delivery) {
        require(d.roleId() != null && d.partnershipId() != null && d.personId() != null && d.role() != null
                && d.personName() != null, "role event without roleId, partnershipId, personId, personName or role");
        require(fits(d.role(), 40) && fits(d.subject(), 200) && fits(d.personName(), 300)
                && fits(d.organisationName(), 300) && fits(d.sector(), 60), "role event with values too long");
        if (purged(d.partnershipId())) {
            return;
        }
        PersonRoleView view = PersonRoleView.findById(d.roleId());
        if (view == null) {
            view = new PersonRoleView();
            view.id = d.roleId();
        }
        view.partnershipId = d.partnershipId();
        view.personId = d.personId();
        view.subject = d.subject();
        view.personName = d.personName();
        view.organisationId = d.organisationId();
        view.organisationName = d.organisationName();
        view.sector = d.sector();
        view.role = d.role();
        view.grantedAt = d.grantedAt();
        view.revokedAt = d.revokedAt();
        view.persist();
    }

    /** A person renamed, moved or linked to their login later: their roles follow. */
    private void person(PersonData d, Delivery delivery) {
        require(d.partnershipId() != null && d.personId() != null && d.personName() != null,
                "person event without partnershipId, personId or personName");
        require(fits(d.subject(), 200) && fits(d.personName(), 300) && fits(d.organisationName(), 300)
                && fits(d.sector(), 60), "person event with values too long");
        if (purged(d.partnershipId())) {
            return;
        }
        PersonRoleView.update("subject = ?1, personName = ?2, organisationId = ?3, organisationName = ?4, sector = ?5 "
                        + "where partnershipId = ?6 and personId = ?7", d.subject(), d.personName(), d.organisationId(),
                d.organisationName(), d.sector(), d.partnershipId(), d.personId());
    }

    /**
     * The partnership was deleted entirely: its projection goes, and every observer of {@link PartnershipPurged}
     * (the service's rounds, responses, read models) deletes its rows in the same transaction. The view stays as a
     * tombstone (status PURGED, nothing else of it), so that events of the partnership arriving later on this or another
     * topic (a rebuild's replay) are recognised and dropped instead of bringing it back.
     */
    private void purged(PartnershipPurgedData d, Delivery delivery) {
        require(d.partnershipId() != null, "partnership.purged without partnershipId");
        PersonRoleView.delete("partnershipId", d.partnershipId());
        MembershipView.delete("partnershipId", d.partnershipId());
        PartnershipView view = PartnershipView.findById(d.partnershipId());
        if (view == null) {
            view = new PartnershipView();
            view.id = d.partnershipId();
        }
        view.name = "";
        view.status = PURGED;
        view.declaredDimension = null;
        view.sharesResultsPublicly = false;
        view.sourceVersion = Long.MAX_VALUE;
        view.updatedAt = d.purgedAt() == null ? Instant.now() : d.purgedAt();
        view.persist();
        purges.fire(new PartnershipPurged(d.partnershipId()));
    }

    /** The status of a purged partnership's tombstone. */
    public static final String PURGED = "PURGED";

    /** Whether the partnership was purged: its events are to be dropped. */
    public static boolean purged(java.util.UUID partnershipId) {
        PartnershipView view = PartnershipView.findById(partnershipId);
        return view != null && PURGED.equals(view.status);
    }

    private static boolean fits(String value, int length) {
        return value == null || value.length() <= length;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
