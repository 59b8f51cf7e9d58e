package org.partnershippulse.partnership.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.partnershippulse.partnership.model.Tracked;

/** A SMART goal of a plan, with the findings it answers and the catalogue suggestion it adopts, word for word. */
@Entity
@Table(name = "improvement_goal")
public class Goal extends Tracked {

    @Id
    public UUID id;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String what;

    public String measure;

    @Column(name = "measure_id")
    public UUID measureId;

    public BigDecimal target;

    public String unit;

    @Column(name = "owner_organisation_id")
    public UUID ownerOrganisationId;

    @Column(name = "owner_person_id")
    public UUID ownerPersonId;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public GoalStatus status;

    @Convert(converter = Finding.ListConverter.class)
    public List<Finding> findings = List.of();

    @Column(name = "thing_key")
    public String thingKey;

    @Column(name = "thing_source")
    public String thingSource;

    @Column(name = "thing_language")
    public String thingLanguage;

    @Column(name = "thing_text")
    public String thingText;
}
