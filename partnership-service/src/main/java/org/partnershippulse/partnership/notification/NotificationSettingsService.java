package org.partnershippulse.partnership.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnershippulse.kit.problem.Problem.Violation;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.security.CurrentUser;
import org.partnershippulse.partnership.model.Person;

/** A person's own notification settings, and the unsubscribe link's effect. */
@ApplicationScoped
public class NotificationSettingsService {

    @Schema(name = "NotificationSettings", description = "How Partnership Pulse notifies you: by e-mail, in your language")
    public record View(
            @Schema(description = "Language of the e-mails: en (default) or es", enumeration = {"en", "es"}, example = "es") String language,
            @Schema(description = "True: no e-mails at all (invitations, reminders, check-ins due, results released)",
                    example = "false") boolean emailOptOut) {
    }

    @Schema(name = "NotificationSettingsRequest")
    public record Request(
            @Schema(required = true, enumeration = {"en", "es"}, example = "es") String language,
            @Schema(required = true, example = "false") Boolean emailOptOut) {
    }

    @Inject
    CurrentUser currentUser;

    @Transactional
    public View mine() {
        return view(NotificationSettings.of(me().id));
    }

    @Transactional
    public View update(Request request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        if (request.language() == null || !NotificationTexts.LANGUAGES.contains(request.language())) {
            violations.add(new Violation("language", "must be one of en, es"));
        }
        if (request.emailOptOut() == null) {
            violations.add(new Violation("emailOptOut", "is required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        NotificationSettings settings = NotificationSettings.of(me().id);
        settings.language = request.language();
        settings.emailOptOut = request.emailOptOut();
        settings.updatedAt = Instant.now();
        return view(settings);
    }

    /** The unsubscribe link: whoever holds the token stops that person's e-mails (and learns nothing else). */
    @Transactional
    public void unsubscribe(String token) {
        NotificationSettings settings = byToken(token);
        settings.emailOptOut = true;
        settings.updatedAt = Instant.now();
    }

    /** @throws ProblemException 400 for a malformed token, 404 for an unknown one */
    @Transactional
    public NotificationSettings byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw ProblemException.invalid("token", "must be the token of an unsubscribe link (43 characters)");
        }
        return NotificationSettings.byToken(token).orElseThrow(() -> ProblemException.notFound("Unsubscribe link", token));
    }

    private Person me() {
        return Person.<Person>find("subject", currentUser.subject()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Person entry of the caller", currentUser.username()));
    }

    private static View view(NotificationSettings s) {
        return new View(s.language, s.emailOptOut);
    }
}
