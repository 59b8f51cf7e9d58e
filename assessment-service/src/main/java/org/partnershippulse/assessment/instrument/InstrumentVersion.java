package org.partnershippulse.assessment.instrument;

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

/**
 * One version of an instrument. Its content is one JSON document (an {@link InstrumentDefinition}): it is always
 * read and written whole, and frozen once published; the columns beside it are what lists filter and sort on.
 */
@Entity
@Table(name = "instrument_version")
public class InstrumentVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "instrument_key")
    public String instrumentKey;

    @Column(name = "version_number")
    public int number;

    @Enumerated(EnumType.STRING)
    public VersionStatus status;

    @Enumerated(EnumType.STRING)
    public InstrumentDefinition.Kind kind;

    /** The English title, for lists and search. */
    public String title;

    @Column(name = "item_count")
    public int itemCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String content;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long revision;

    public static Optional<InstrumentVersion> find(String key, int number) {
        return find("instrumentKey = ?1 and number = ?2", key, number).firstResultOptional();
    }

    public static Optional<InstrumentVersion> latest(String key) {
        return find("instrumentKey = ?1 order by number desc", key).firstResultOptional();
    }

    public boolean isPublished() {
        return status == VersionStatus.PUBLISHED;
    }
}
