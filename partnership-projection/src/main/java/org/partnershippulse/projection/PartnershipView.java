package org.partnershippulse.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partnership as partnership-service's events last described it. */
@Entity
@Table(name = "partnership_view")
public class PartnershipView extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String status;

    @Column(name = "declared_dimension")
    public String declaredDimension;

    /** Whether the partnership agreed to publish its released results on the public stream (default: no). */
    @Column(name = "shares_results_publicly")
    public boolean sharesResultsPublicly;

    /** The partnership's version in partnership-service: an older event never overwrites a newer state. */
    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isDissolved() {
        return "DISSOLVED".equals(status);
    }
}
