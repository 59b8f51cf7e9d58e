package org.partnershippulse.partnership.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An organisation in a partnership, from the day it joined to the day it left (null while it is a member). */
@Entity
@Table(name = "membership")
public class Membership extends Tracked {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Enumerated(EnumType.STRING)
    public MembershipRole role;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    /** PAI: "clarity about what each partner is willing to contribute". */
    public String contribution;

    public boolean isActive() {
        return leftOn == null;
    }
}
