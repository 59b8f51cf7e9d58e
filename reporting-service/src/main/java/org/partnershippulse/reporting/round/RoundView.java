package org.partnershippulse.reporting.round;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A round as its last lifecycle event (opened, closed, reopened) described it. */
@Entity
@Table(name = "round_view")
public class RoundView extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String title;

    @Column(name = "instrument_key")
    public String instrumentKey;

    @Column(name = "instrument_version")
    public int instrumentVersion;

    /** The instrument snapshot of the round event, as JSON ({@link InstrumentSnapshot}). */
    public String instrument;

    /** OPEN or CLOSED. */
    public String status;

    public String confidentiality;

    @Column(name = "minimum_group_size")
    public int minimumGroupSize;

    /** Comma-separated: SECTOR, ROLE. */
    @Column(name = "allowed_breakdowns")
    public String allowedBreakdowns;

    @Column(name = "declared_dimension")
    public String declaredDimension;

    @Column(name = "invited_count")
    public int invitedCount;

    /** JSON object: sector to invited people. */
    @Column(name = "invited_by_sector")
    public String invitedBySector;

    /** JSON object: partnership role to invited people. */
    @Column(name = "invited_by_role")
    public String invitedByRole;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;
}
