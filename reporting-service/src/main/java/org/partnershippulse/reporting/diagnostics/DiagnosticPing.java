package org.partnershippulse.reporting.diagnostics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A ping that arrived from assessment-service: proof that the event pipeline works. */
@Entity
@Table(name = "diagnostic_ping")
public class DiagnosticPing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
