package org.partnershippulse.reporting.round;

import org.partnershippulse.kit.security.RespondentIds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The latest revision of a response: what its answers added to the counts, so that a newer revision can take them
 * back out. It holds no respondent identity: only the opaque respondentId of the event, which names a person only
 * to whoever holds the key it was hashed with ({@link org.partnershippulse.reporting.personal.RespondentIds}).
 */
@Entity
@Table(name = "response_view")
public class ResponseView extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id")
    public UUID roundId;

    public int revision;

    @Column(name = "respondent_id")
    public UUID respondentId;

    public String sector;

    /** Comma-separated partnership roles. */
    public String roles;

    /** JSON object: item key to option value. */
    public String answers;

    @Column(name = "submitted_at")
    public Instant submittedAt;
}
