package org.partnershippulse.assessment.partnership;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.partnershippulse.kit.events.CloudEvent;
import org.partnershippulse.kit.events.CloudEventReader;
import org.partnershippulse.kit.events.Inbox;
import org.partnershippulse.kit.events.PoisonEventException;

/**
 * Keeps the local projection of partnerships, memberships and people's roles from partnership-service's events,
 * each applied exactly once (inbox) in partition order (one partnership's events share a partition). Event types
 * outside the contract and malformed events fail their message, which the channel sends to the
 * dead-letter topic {@code pulse.assessment.dlq.v1} with the reason.
 */
@ApplicationScoped
public class PartnershipEventsConsumer {

    static final String CONSUMER = "partnership-events";
    private static final String PREFIX = "org.partnershippulse.";

    @Inject
    CloudEventReader reader;

    @Inject
    Inbox inbox;

    record PartnershipData(UUID partnershipId, String name, String status, String declaredDimension, long version) {
    }

    record MembershipData(UUID membershipId, UUID partnershipId, UUID organisationId, String organisationName,
                          String sector, String role, LocalDate joinedOn, LocalDate leftOn, long version) {
    }

    record RoleData(UUID roleId, UUID partnershipId, UUID personId, String subject, String personName,
                    UUID organisationId, String organisationName, String sector, String role, Instant grantedAt,
                    Instant revokedAt) {
    }

    record PersonData(UUID partnershipId, UUID personId, String subject, String personName, UUID organisationId,
                      String organisationName, String sector) {
    }

    @Incoming("partnership-events")
    @Blocking(ordered = true)
    @Transactional
    public void consume(String value) {
        CloudEvent event = reader.read(value);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case PREFIX + "partnership.created.v1", PREFIX + "partnership.updated.v1", PREFIX + "partnership.dissolved.v1" ->
                    partnership(reader.data(event, PartnershipData.class), event.time());
            case PREFIX + "membership.started.v1", PREFIX + "membership.changed.v1", PREFIX + "membership.ended.v1" ->
                    membership(reader.data(event, MembershipData.class));
            case PREFIX + "person.role-granted.v1", PREFIX + "person.role-revoked.v1" ->
                    role(reader.data(event, RoleData.class));
            case PREFIX + "person.updated.v1" -> person(reader.data(event, PersonData.class));
            // every type partnership-service publishes is handled above: anything else is not from the contract
            default -> throw new PoisonEventException("unknown event type " + event.type());
        }
    }

    private void partnership(PartnershipData d, Instant time) {
        require(d.partnershipId() != null && d.name() != null && d.status() != null, "partnership event without id, name or status");
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
        view.updatedAt = time == null ? Instant.now() : time;
        view.persist();
    }

    private void membership(MembershipData d) {
        require(d.membershipId() != null && d.partnershipId() != null && d.organisationId() != null && d.role() != null,
                "membership event without membershipId, partnershipId, organisationId or role");
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

    private void role(RoleData d) {
        require(d.roleId() != null && d.partnershipId() != null && d.personId() != null && d.role() != null
                && d.personName() != null, "role event without roleId, partnershipId, personId, personName or role");
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

    private void person(PersonData d) {
        require(d.partnershipId() != null && d.personId() != null && d.personName() != null,
                "person event without partnershipId, personId or personName");
        PersonRoleView.update("subject = ?1, personName = ?2, organisationId = ?3, organisationName = ?4, sector = ?5 "
                        + "where partnershipId = ?6 and personId = ?7", d.subject(), d.personName(), d.organisationId(),
                d.organisationName(), d.sector(), d.partnershipId(), d.personId());
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
