package org.partnershippulse.partnership.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.partnershippulse.partnership.model.Tracked;

/** A partnership's improvement plan: its goals and the schedule of its check-ins. */
@Entity
@Table(name = "improvement_plan")
public class ImprovementPlan extends Tracked {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String title;

    /** The round whose results the plan answers, if it started from a report. */
    @Column(name = "round_id")
    public UUID roundId;

    @Enumerated(EnumType.STRING)
    public Cadence cadence;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;

    public Schedule schedule() {
        return new Schedule(cadence, startsOn);
    }
}
