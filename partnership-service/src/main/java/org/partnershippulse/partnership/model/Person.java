package org.partnershippulse.partnership.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person taking part in partnerships, linked to their Keycloak login (its subject) once they sign in. */
@Entity
@Table(name = "person")
public class Person extends Tracked {

    @Id
    public UUID id;

    /** Keycloak {@code sub}; null until the person first signs in with their e-mail, verified, or an administrator re-links them. */
    public String subject;

    public String name;

    public String email;

    @Column(name = "organisation_id")
    public UUID organisationId;
}
