package org.partnershippulse.partnership.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The partnership a person was added for: it sees them before any role is granted. */
@Entity
@Table(name = "person_origin")
public class PersonOrigin extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public static void record(UUID personId, UUID partnershipId) {
        PersonOrigin origin = new PersonOrigin();
        origin.personId = personId;
        origin.partnershipId = partnershipId;
        origin.persist();
    }
}
