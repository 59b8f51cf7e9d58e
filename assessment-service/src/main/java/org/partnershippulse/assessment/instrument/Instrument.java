package org.partnershippulse.assessment.instrument;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An instrument's identity: its stable key, which all its versions share. */
@Entity
@Table(name = "instrument")
public class Instrument extends PanacheEntityBase {

    @Id
    public String key;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
