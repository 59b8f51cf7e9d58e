package org.partnershippulse.partnership.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.partnershippulse.partnership.model.Tracked;

/** A measure the partnership agreed to track in common (WestEd condition 6.3). */
@Entity
@Table(name = "common_measure")
public class CommonMeasure extends Tracked {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public MeasureKind kind;

    public String unit;

    public BigDecimal baseline;

    public BigDecimal target;

    @Enumerated(EnumType.STRING)
    public Direction direction;
}
