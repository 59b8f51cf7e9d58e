package org.partnershippulse.partnership.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.partnershippulse.partnership.model.Tracked;

/** What a member organisation contributes to a goal and by when; signed like an agreement. */
@Entity
@Table(name = "goal_commitment")
public class Commitment extends Tracked {

    @Id
    public UUID id;

    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "organisation_id")
    public UUID organisationId;

    public String contribution;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public CommitmentStatus status;

    @Column(name = "signer_person_id")
    public UUID signerPersonId;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "signer_title")
    public String signerTitle;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "signature_recorded_by")
    public String signatureRecordedBy;
}
