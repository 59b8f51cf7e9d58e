package org.partnershippulse.partnership.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The partnership an organisation was added for: it sees the organisation before it becomes a member. */
@Entity
@Table(name = "organisation_origin")
public class OrganisationOrigin extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public static void record(UUID organisationId, UUID partnershipId) {
        OrganisationOrigin origin = new OrganisationOrigin();
        origin.organisationId = organisationId;
        origin.partnershipId = partnershipId;
        origin.persist();
    }
}
