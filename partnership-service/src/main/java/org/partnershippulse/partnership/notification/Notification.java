package org.partnershippulse.partnership.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One notification of one person: recorded once per (kind, subject, person), mailed after the commit. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Status { PENDING, SENT, FAILED, SKIPPED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "partnership_id")
    public UUID partnershipId;

    public String language;

    public String title;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String detail;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
