package org.partnershippulse.partnership.notification;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The text of each notification in the person's language, from the Qute templates
 * {@code templates/notification/<kind>.<language>.txt}: the first line is the subject, the rest the body. What a
 * template can say is only what {@link #render} passes: names, the round's title and dates, links; never answers.
 */
@ApplicationScoped
public class NotificationTexts {

    public static final Set<String> LANGUAGES = Set.of("en", "es");

    /** A rendered mail. */
    public record Text(String subject, String body) {
    }

    @Inject
    Engine engine;

    /** Where people reach the service from a mail: the unsubscribe link is {@code <base>/notifications/unsubscribe}. */
    @ConfigProperty(name = "pulse.notifications.link-base-url")
    String linkBase;

    public Text render(NotificationKind kind, String language, String personName, String partnershipName, String title,
            Instant closesAt, LocalDate dueOn, String unsubscribeToken) {
        String lang = LANGUAGES.contains(language) ? language : NotificationSettings.DEFAULT_LANGUAGE;
        Template template = engine.getTemplate("notification/" + kind.template() + "." + lang + ".txt");
        if (template == null) {
            throw new IllegalStateException("no template for " + kind + " in " + lang);
        }
        Locale locale = Locale.forLanguageTag(lang);
        String rendered = template.data(Map.of(
                "name", personName,
                "partnership", partnershipName,
                "title", title == null ? "" : title,
                "closesAt", closesAt == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(locale).withZone(ZoneOffset.UTC).format(closesAt) + " UTC",
                "dueOn", dueOn == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(dueOn),
                "unsubscribeUrl", unsubscribeUrl(unsubscribeToken))).render();
        int newline = rendered.indexOf('\n');
        return new Text(rendered.substring(0, newline).trim(), rendered.substring(newline + 1).strip() + "\n");
    }

    public String unsubscribeUrl(String token) {
        return linkBase.replaceAll("/+$", "") + "/notifications/unsubscribe?token=" + token;
    }
}
