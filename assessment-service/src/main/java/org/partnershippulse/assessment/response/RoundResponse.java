package org.partnershippulse.assessment.response;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's response to a round: the working answers, and how often they have been submitted. */
@Entity
@Table(name = "response")
public class RoundResponse extends PanacheEntityBase {

    public enum Status { DRAFT, SUBMITTED }

    @Id
    public UUID id;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "person_id")
    public UUID personId;

    /** Opaque and stable per person per round: what events carry instead of who it is. */
    @Column(name = "respondent_id")
    public UUID respondentId;

    public String language;

    /** Item key to answer, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String answers;

    /** A relationship round's ratings ({@link PartnerRating}s), as JSON; null for other rounds. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String ratings;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** How many times it was submitted: 1 for the first submission, +1 per revision. */
    public int revision;

    @Column(name = "unsubmitted_changes")
    public boolean unsubmittedChanges;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_submitted_at")
    public Instant lastSubmittedAt;

    @Version
    public long version;

    public static Optional<RoundResponse> of(UUID roundId, UUID personId) {
        return find("roundId = ?1 and personId = ?2", roundId, personId).firstResultOptional();
    }
}
