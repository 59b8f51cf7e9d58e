package org.partnershippulse.partnership.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A role a person holds in a partnership; revoking keeps the grant as history. */
@Entity
@Table(name = "person_role")
public class PersonRole extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Enumerated(EnumType.STRING)
    public PersonRoleType role;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public boolean isActive() {
        return revokedAt == null;
    }
}
