package org.partnershippulse.partnership.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** A person's notification settings: language and opt-out, and the token of their unsubscribe link. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {

    public static final String DEFAULT_LANGUAGE = "en";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "person_id")
    public UUID personId;

    public String language;

    @Column(name = "email_opt_out")
    public boolean emailOptOut;

    /** Unguessable (256 bits): whoever holds the link may stop the mails, and nothing else. */
    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The person's settings, created with the defaults (English, mails on) if they have none yet. */
    public static NotificationSettings of(UUID personId) {
        NotificationSettings settings = findById(personId);
        if (settings == null) {
            settings = new NotificationSettings();
            settings.personId = personId;
            settings.language = DEFAULT_LANGUAGE;
            settings.unsubscribeToken = newToken();
            settings.updatedAt = Instant.now();
            settings.persist();
        }
        return settings;
    }

    public static Optional<NotificationSettings> byToken(String token) {
        return find("unsubscribeToken", token).firstResultOptional();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
