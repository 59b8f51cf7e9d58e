package org.partnershippulse.assessment.response;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One submission of a response, kept as it was, with the respondent's organisation, sector and roles then. */
@Entity
@Table(name = "response_revision")
public class ResponseRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "response_id")
    public UUID responseId;

    public int revision;

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String answers;

    /** A relationship round's ratings ({@link PartnerRating}s), as JSON; null for other rounds. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String ratings;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    public String sector;

    public String roles;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static List<ResponseRevision> of(UUID responseId) {
        return list("responseId = ?1 order by revision", responseId);
    }
}
