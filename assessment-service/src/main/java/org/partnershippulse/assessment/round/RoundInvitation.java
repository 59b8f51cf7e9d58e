package org.partnershippulse.assessment.round;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A person a round invites: the audience as the projection described it when the round (re)opened. */
@Entity
@Table(name = "round_invitation")
public class RoundInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id")
    public UUID roundId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "person_name")
    public String personName;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "organisation_name")
    public String organisationName;

    public String sector;

    /** Comma-separated partnership roles. */
    public String roles;

    public List<String> roleList() {
        return roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(","));
    }

    public static List<RoundInvitation> of(UUID roundId) {
        return list("roundId = ?1 order by personName, personId", roundId);
    }

    public static java.util.Optional<RoundInvitation> of(UUID roundId, UUID personId) {
        return find("roundId = ?1 and personId = ?2", roundId, personId).firstResultOptional();
    }
}
