package org.partnershippulse.partnership.improvement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A value of a common measure on a date; from a check-in when {@code checkInId} is set. */
@Entity
@Table(name = "measure_value")
public class MeasureValue extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public BigDecimal value;

    @Column(name = "observed_on")
    public LocalDate observedOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_by_person_id")
    public UUID recordedByPersonId;

    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "check_in_id")
    public UUID checkInId;
}
