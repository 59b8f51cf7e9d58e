package org.partnershippulse.partnership.model;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.partnershippulse.partnership.sector.Sector;

/** An organisation that can be a member of partnerships; it may belong to several. */
@Entity
@Table(name = "organisation")
public class Organisation extends Tracked {

    @Id
    public UUID id;

    public String name;

    /** Free text: "county agency", "nonprofit", "school district"... The sector is what reports group by. */
    public String type;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    public String description;

    public String website;
}
