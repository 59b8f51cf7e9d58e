package org.partnershippulse.partnership.releasedreport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One release of a round's results as reporting-service announced it: the partnership's own copy. */
@Entity
@Table(name = "released_report")
@IdClass(ReleasedReport.Key.class)
public class ReleasedReport extends PanacheEntityBase {

    /** The identity: round and release number. */
    public static class Key implements Serializable {
        public UUID roundId;
        public int releaseNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(roundId, k.roundId) && releaseNumber == k.releaseNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, releaseNumber);
        }
    }

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Id
    @Column(name = "release_number")
    public int releaseNumber;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String title;

    @Column(name = "instrument_key")
    public String instrumentKey;

    @Column(name = "instrument_version")
    public int instrumentVersion;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "cut_at")
    public Instant cutAt;

    @Column(name = "release_trigger")
    public String trigger;

    public int respondents;

    /** The release's group figures as JSON (the event's {@code figures}); null when it showed no results. */
    public String figures;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** A partnership's releases, oldest first. */
    public static List<ReleasedReport> of(UUID partnershipId) {
        return list("partnershipId = ?1 order by cutAt, roundId, releaseNumber", partnershipId);
    }
}
