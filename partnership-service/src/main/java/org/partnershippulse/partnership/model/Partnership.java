package org.partnershippulse.partnership.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.partnershippulse.partnership.sector.Sector;

@Entity
@Table(name = "partnership")
public class Partnership extends Tracked {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "geography_type")
    public GeographyType geographyType;

    @Column(name = "geography_name")
    public String geographyName;

    public String vision;

    public String purpose;

    @Convert(converter = JsonLists.StringList.class)
    @Column(name = "shared_values")
    public List<String> sharedValues = List.of();

    @Enumerated(EnumType.STRING)
    public PartnershipStatus status;

    @Enumerated(EnumType.STRING)
    public PartnershipStructure structure;

    @Column(name = "lead_organisation_id")
    public UUID leadOrganisationId;

    @Column(name = "meeting_cadence")
    public String meetingCadence;

    @Enumerated(EnumType.STRING)
    @Column(name = "declared_dimension")
    public Dimension declaredDimension;

    @Enumerated(EnumType.STRING)
    @Column(name = "aspired_dimension")
    public Dimension aspiredDimension;

    /** Null: the BCR table's sectors. Otherwise the partnership's own list. */
    @Convert(converter = JsonLists.SectorList.class)
    @Column(name = "essential_sectors")
    public List<Sector> essentialSectors;

    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    @Column(name = "dissolution_reason")
    public String dissolutionReason;

    /** Consent to publish released round results on the public stream (contracts/privacy.md). */
    @Column(name = "shares_results_publicly")
    public boolean sharesResultsPublicly;

    /** Whether its released results count in the benchmarks across partnerships; only its coordinators decide. */
    @Column(name = "contributes_to_benchmarks")
    public boolean contributesToBenchmarks;
}
