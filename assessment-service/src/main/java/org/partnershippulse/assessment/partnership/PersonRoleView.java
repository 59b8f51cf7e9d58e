package org.partnershippulse.assessment.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A role a person holds in a partnership (projection); active while not revoked. */
@Entity
@Table(name = "person_role_view")
public class PersonRoleView extends PanacheEntityBase {

    public static final String COORDINATOR = "COORDINATOR";

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "person_id")
    public UUID personId;

    /** The person's login subject, once they have an account. */
    public String subject;

    @Column(name = "person_name")
    public String personName;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    public String sector;

    public String role;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static List<PersonRoleView> activeOf(String subject, UUID partnershipId) {
        return list("subject = ?1 and partnershipId = ?2 and revokedAt is null", subject, partnershipId);
    }

    public static List<PersonRoleView> activeIn(UUID partnershipId) {
        return list("partnershipId = ?1 and revokedAt is null order by personName, personId", partnershipId);
    }

    public static List<PersonRoleView> activeOfSubject(String subject) {
        return list("subject = ?1 and revokedAt is null", subject);
    }
}
