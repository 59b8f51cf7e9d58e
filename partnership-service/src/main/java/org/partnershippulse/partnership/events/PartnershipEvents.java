package org.partnershippulse.partnership.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.partnershippulse.events.partnership.MembershipData;
import org.partnershippulse.events.partnership.PartnershipData;
import org.partnershippulse.events.partnership.PartnershipEventType;
import org.partnershippulse.events.partnership.PersonData;
import org.partnershippulse.events.partnership.RoleData;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.events.publicstream.PublicMembership;
import org.partnershippulse.events.publicstream.PublicPartnership;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.partnership.model.Membership;
import org.partnershippulse.partnership.model.Organisation;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.Person;
import org.partnershippulse.partnership.model.PersonRole;

/**
 * The data of each event: enough for a consumer to keep its own projection without calling back (a membership
 * carries its organisation's name and sector; a role carries the person's organisation). Shapes are the
 * contract (event-contracts, checked against contracts/events/).
 */
@ApplicationScoped
public class PartnershipEvents {

    @Inject
    Outbox outbox;

    public PartnershipData partnership(Partnership p) {
        return new PartnershipData(p.id, p.name, name(p.status), name(p.geographyType), p.geographyName,
                name(p.structure), name(p.declaredDimension), name(p.aspiredDimension), p.leadOrganisationId, p.version,
                p.sharesResultsPublicly, p.contributesToBenchmarks);
    }

    /**
     * The public twin of a partnership event (pulse.public.v1), in the same transaction: what the public may know of
     * the partnership, no free text a coordinator writes, no person.
     */
    public void publicPartnership(PublicEventType type, Partnership p) {
        outbox.record(type, p.id.toString(), "partnerships/" + p.id, new PublicPartnership(p.id, p.name, name(p.status),
                name(p.geographyType), p.geographyName, name(p.structure), name(p.declaredDimension),
                name(p.aspiredDimension), p.sharesResultsPublicly, p.dissolvedOn, p.version));
    }

    /** The public twin of a membership event: the organisation and its sector, never a person. */
    public void publicMembership(PublicEventType type, Membership m, Organisation o) {
        outbox.record(type, m.partnershipId.toString(), "partnerships/" + m.partnershipId + "/memberships/" + m.id,
                new PublicMembership(m.id, m.partnershipId, o.id, o.name, name(o.sector), name(m.role), m.joinedOn, m.leftOn));
    }

    public void membership(PartnershipEventType type, Membership m, Organisation o) {
        outbox.record(type, m.partnershipId.toString(), "partnerships/" + m.partnershipId + "/memberships/" + m.id,
                new MembershipData(m.id, m.partnershipId, o.id, o.name, name(o.sector), name(m.role), m.joinedOn, m.leftOn,
                        m.version));
    }

    public void role(PartnershipEventType type, PersonRole r) {
        Organisation o = r.person.organisationId == null ? null : Organisation.findById(r.person.organisationId);
        outbox.record(type, r.partnershipId.toString(), "partnerships/" + r.partnershipId + "/roles/" + r.id,
                new RoleData(r.id, r.partnershipId, r.person.id, r.person.subject, r.person.name, o == null ? null : o.id,
                        o == null ? null : o.name, o == null ? null : name(o.sector), name(r.role), r.grantedAt, r.revokedAt));
    }

    /** One event per partnership the person holds a role in, so each partnership's consumers see it in order. */
    public void personUpdated(Person person) {
        Organisation o = person.organisationId == null ? null : Organisation.findById(person.organisationId);
        PersonRole.<PersonRole>list("person.id = ?1 and revokedAt is null", person.id).stream()
                .map(r -> r.partnershipId).distinct()
                .forEach(partnershipId -> outbox.record(PartnershipEventType.PERSON_UPDATED, partnershipId.toString(),
                        "people/" + person.id, new PersonData(partnershipId, person.id, person.subject, person.name,
                                o == null ? null : o.id, o == null ? null : o.name, o == null ? null : name(o.sector))));
    }

    /** A renamed or re-classified organisation changes every current membership's projection, and its people's. */
    public void organisationChanged(Organisation organisation) {
        Membership.<Membership>list("organisationId = ?1 and leftOn is null", organisation.id)
                .forEach(m -> membership(PartnershipEventType.MEMBERSHIP_CHANGED, m, organisation));
        Person.<Person>list("organisationId", organisation.id).forEach(this::personUpdated);
    }

    /** Enumerations travel as their names. */
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
