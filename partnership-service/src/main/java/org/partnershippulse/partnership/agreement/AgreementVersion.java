package org.partnershippulse.partnership.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of an agreement's text. Signatures are given to a version; a new version needs them again. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agreement_id")
    public UUID agreementId;

    public int number;

    public String text;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
