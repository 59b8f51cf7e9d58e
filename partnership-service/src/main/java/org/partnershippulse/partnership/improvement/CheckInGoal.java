package org.partnershippulse.partnership.improvement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One goal's line of a check-in. */
@Entity
@Table(name = "check_in_goal")
public class CheckInGoal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "check_in_id")
    public UUID checkInId;

    @Column(name = "goal_id")
    public UUID goalId;

    @Enumerated(EnumType.STRING)
    public ProgressStatus status;

    public String note;

    public BigDecimal value;
}
