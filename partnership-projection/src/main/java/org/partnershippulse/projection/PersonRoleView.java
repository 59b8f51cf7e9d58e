package org.partnershippulse.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A role a person holds (or held) in a partnership; active while not revoked. An active role for a login subject is
 * what access checks ask for.
 */
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

    public static boolean isActiveIn(String subject, UUID partnershipId) {
        return count("subject = ?1 and partnershipId = ?2 and revokedAt is null", subject, partnershipId) > 0;
    }

    public static boolean holds(String subject, UUID partnershipId, String role) {
        return count("subject = ?1 and partnershipId = ?2 and role = ?3 and revokedAt is null", subject, partnershipId, role) > 0;
    }
}
