package org.partnershippulse.partnership.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A member organisation's signature of one version of an agreement. */
@Entity
@Table(name = "agreement_signature")
public class AgreementSignature extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "version_number")
    public int versionNumber;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "signer_person_id")
    public UUID signerPersonId;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_title")
    public String signerTitle;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
