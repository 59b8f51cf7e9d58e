package org.partnershippulse.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An organisation's membership of a partnership. */
@Entity
@Table(name = "membership_view")
public class MembershipView extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    public String sector;

    public String role;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "source_version")
    public long sourceVersion;
}
