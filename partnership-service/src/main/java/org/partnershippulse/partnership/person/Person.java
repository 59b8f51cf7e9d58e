package org.partnershippulse.partnership.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.partnershippulse.partnership.audit.Tracked;

/** A person taking part in partnerships, linked to their Keycloak identity by its subject once known. */
@Entity
@Table(name = "person")
public class Person extends Tracked {

    @Id
    public UUID id;

    /** Keycloak {@code sub}; null until the person first signs in (then linked by verified e-mail) or is set. */
    public String subject;

    public String name;

    public String email;

    @Column(name = "organisation_id")
    public UUID organisationId;
}
