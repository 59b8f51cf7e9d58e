package org.partnershippulse.reporting.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A role a person holds (or held) in a partnership. Any active role makes its subject a reader of the reports. */
@Entity
@Table(name = "partnership_role_view")
public class PartnershipRoleView extends PanacheEntityBase {

    public static final String COORDINATOR = "COORDINATOR";

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "person_id")
    public UUID personId;

    /** Keycloak subject, once the person is linked to a login. */
    public String subject;

    public String role;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static boolean isActiveIn(String subject, UUID partnershipId) {
        return count("subject = ?1 and partnershipId = ?2 and revokedAt is null", subject, partnershipId) > 0;
    }
}
