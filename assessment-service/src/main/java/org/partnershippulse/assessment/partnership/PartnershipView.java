package org.partnershippulse.assessment.partnership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partnership as partnership-service's events describe it (projection). */
@Entity
@Table(name = "partnership_view")
public class PartnershipView extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String status;

    @Column(name = "declared_dimension")
    public String declaredDimension;

    @Column(name = "source_version")
    public long sourceVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isDissolved() {
        return "DISSOLVED".equals(status);
    }
}
