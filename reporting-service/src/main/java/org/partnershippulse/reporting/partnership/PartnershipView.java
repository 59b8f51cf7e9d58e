package org.partnershippulse.reporting.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    /** The partnership's version in partnership-service: an older event never overwrites a newer state. */
    @Column(name = "source_version")
    public long sourceVersion;

    /** Consent to publish released results on the public stream, as the latest partnership event said. */
    @Column(name = "shares_results_publicly")
    public boolean sharesResultsPublicly;
}
