package org.partnershippulse.partnership.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.partnershippulse.partnership.model.JsonLists;
import org.partnershippulse.partnership.model.Tracked;

/** A memorandum of understanding of a partnership, drafted from the BCR Model MOU. */
@Entity
@Table(name = "agreement")
public class Agreement extends Tracked {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String title;

    /** DRAFT, ACTIVE or TERMINATED; see {@link AgreementRules#status} for the status clients see. */
    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    @Column(name = "meeting_frequency")
    public String meetingFrequency;

    @Column(name = "decision_process")
    public String decisionProcess;

    @Convert(converter = JsonLists.StringList.class)
    @Column(name = "member_duties")
    public List<String> memberDuties = List.of();

    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "activated_on")
    public LocalDate activatedOn;

    @Column(name = "renewal_due_on")
    public LocalDate renewalDueOn;

    @Column(name = "terminated_on")
    public LocalDate terminatedOn;

    @Column(name = "termination_reason")
    public String terminationReason;
}
