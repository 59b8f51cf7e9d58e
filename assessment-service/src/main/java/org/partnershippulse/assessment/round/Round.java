package org.partnershippulse.assessment.round;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An assessment round of a partnership. */
@Entity
@Table(name = "assessment_round")
public class Round extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(name = "instrument_key")
    public String instrumentKey;

    @Column(name = "instrument_version")
    public int instrumentVersion;

    public String title;

    @Column(name = "opens_at")
    public Instant opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_type")
    public RoundSettings.AudienceType audienceType;

    /** Comma-separated partnership roles, for a ROLES audience. */
    @Column(name = "audience_roles")
    public String audienceRoles = "";

    /** Comma-separated person ids, for a PEOPLE audience. */
    @Column(name = "audience_people")
    public String audiencePeople = "";

    @Enumerated(EnumType.STRING)
    public RoundSettings.Confidentiality confidentiality;

    @Column(name = "minimum_group_size")
    public int minimumGroupSize;

    /** Comma-separated breakdowns reports may show. */
    @Column(name = "allowed_breakdowns")
    public String allowedBreakdowns = "";

    @Enumerated(EnumType.STRING)
    public RoundStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The coordinator's username, or "system" when the planned window opened it. */
    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The coordinator's username, or "system" when the planned window closed it. */
    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "reopened_at")
    public Instant reopenedAt;

    @Column(name = "reopen_reason")
    public String reopenReason;

    @Version
    public long revision;

    public RoundSettings settings() {
        return new RoundSettings(instrumentKey, instrumentVersion, title, opensAt, closesAt,
                new RoundSettings.Audience(audienceType, split(audienceRoles),
                        split(audiencePeople).stream().map(UUID::fromString).toList()),
                confidentiality, minimumGroupSize, breakdowns());
    }

    public void apply(RoundSettings s) {
        instrumentKey = s.instrumentKey();
        instrumentVersion = s.instrumentVersion();
        title = s.title();
        opensAt = s.opensAt();
        closesAt = s.closesAt();
        audienceType = s.audience().type();
        audienceRoles = String.join(",", s.audience().roles());
        audiencePeople = s.audience().personIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        confidentiality = s.confidentiality();
        minimumGroupSize = s.minimumGroupSize();
        allowedBreakdowns = s.allowedBreakdowns().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Set<RoundSettings.Breakdown> breakdowns() {
        Set<RoundSettings.Breakdown> set = EnumSet.noneOf(RoundSettings.Breakdown.class);
        split(allowedBreakdowns).forEach(b -> set.add(RoundSettings.Breakdown.valueOf(b)));
        return set;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
