package org.partnershippulse.reporting.partnership;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.PoisonEventException;
import org.partnershippulse.reporting.ingest.EventBatches;

/**
 * Keeps the projection of partnerships (name, declared dimension) and of who holds a role in them, from
 * partnership-service's events, each applied exactly once (inbox) in partition order, a poll at a time. Membership events are known
 * and not needed here; an unknown type or a malformed event fails its message, which the channel sends to the
 * dead-letter topic {@code pulse.reporting.dlq.v1} with the reason.
 */
@ApplicationScoped
public class PartnershipEventsConsumer {

    public static final String CONSUMER = "partnership-events";
    private static final String PREFIX = "org.partnershippulse.";
    private static final Set<String> NOT_NEEDED = Set.of(
            PREFIX + "membership.started.v1", PREFIX + "membership.changed.v1", PREFIX + "membership.ended.v1");

    @Inject
    CloudEventReader reader;

    @Inject
    EventBatches batches;

    record PartnershipData(UUID partnershipId, String name, String status, String declaredDimension, Long version,
            Boolean sharesResultsPublicly) {
    }

    record RoleData(UUID roleId, UUID partnershipId, UUID personId, String subject, String role, Instant revokedAt) {
    }

    record PersonData(UUID partnershipId, UUID personId, String subject) {
    }

    @Incoming("partnership-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.consume(CONSUMER, batch);
    }

    /**
     * Applies one event in the caller's transaction, after the inbox accepted it ({@link EventBatches}). Deliberately
     * not intercepted: a poison event is found before any write, and must not doom the batch's transaction.
     */
    public void apply(CloudEvent event) {
        switch (event.type()) {
            case PREFIX + "partnership.created.v1", PREFIX + "partnership.updated.v1", PREFIX + "partnership.dissolved.v1" ->
                    partnership(reader.data(event, PartnershipData.class));
            case PREFIX + "person.role-granted.v1", PREFIX + "person.role-revoked.v1" ->
                    role(reader.data(event, RoleData.class));
            case PREFIX + "person.updated.v1" -> person(reader.data(event, PersonData.class));
            default -> {
                if (!NOT_NEEDED.contains(event.type())) {
                    throw new PoisonEventException("unknown event type " + event.type());
                }
            }
        }
    }

    private void partnership(PartnershipData d) {
        require(d.partnershipId() != null && d.name() != null && d.status() != null && d.version() != null,
                "partnership event without partnershipId, name, status or version");
        require(d.name().length() <= 300 && d.status().length() <= 30
                && (d.declaredDimension() == null || d.declaredDimension().length() <= 30), "partnership event with values too long");
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
        view.sourceVersion = d.version();
        view.sharesResultsPublicly = Boolean.TRUE.equals(d.sharesResultsPublicly());
        view.persist();
    }

    private void role(RoleData d) {
        require(d.roleId() != null && d.partnershipId() != null && d.personId() != null && d.role() != null,
                "role event without roleId, partnershipId, personId or role");
        require(d.role().length() <= 40 && (d.subject() == null || d.subject().length() <= 200), "role event with values too long");
        PartnershipRoleView view = PartnershipRoleView.findById(d.roleId());
        if (view == null) {
            view = new PartnershipRoleView();
            view.id = d.roleId();
        }
        view.partnershipId = d.partnershipId();
        view.personId = d.personId();
        view.subject = d.subject();
        view.role = d.role();
        view.revokedAt = d.revokedAt();
        view.persist();
    }

    /** A person linked to their login later: their roles become theirs to read with. */
    private void person(PersonData d) {
        require(d.partnershipId() != null && d.personId() != null, "person event without partnershipId or personId");
        require(d.subject() == null || d.subject().length() <= 200, "person event with a subject too long");
        PartnershipRoleView.update("subject = ?1 where partnershipId = ?2 and personId = ?3",
                d.subject(), d.partnershipId(), d.personId());
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
