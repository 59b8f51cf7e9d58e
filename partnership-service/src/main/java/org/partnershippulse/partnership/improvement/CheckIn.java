package org.partnershippulse.partnership.improvement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A check-in of a plan for one of its scheduled dates, by one person; its lines are {@link CheckInGoal}s. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_by_person_id")
    public UUID recordedByPersonId;

    @Column(name = "organisation_id")
    public UUID organisationId;
}
