package org.partnershippulse.partnership.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** What every editable resource carries: who created and last changed it, when, and its version for If-Match. */
@MappedSuperclass
public abstract class Tracked extends PanacheEntityBase {

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    public void touch(String actor) {
        Instant now = Instant.now();
        if (createdAt == null) {
            createdAt = now;
            createdBy = actor;
        }
        updatedAt = now;
        updatedBy = actor;
    }
}
