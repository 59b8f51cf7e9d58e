package org.partnershippulse.partnership.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnershippulse.partnership.model.Partnership;
import org.partnershippulse.partnership.model.Person;

/**
 * Mails the recorded notifications that are due, after the commit that recorded them ({@link #wake}) and every
 * {@code pulse.notifications.send-interval} for retries. Rows are claimed with {@code for update skip locked}, so
 * two instances never send the same one; a row is marked SENT in the transaction that claimed it. A failed send is
 * retried with exponential backoff (initial delay doubling up to the maximum), and after
 * {@code pulse.notifications.max-attempts} it is FAILED for good. Each outcome is counted per kind
 * ({@code pulse_notifications_sent_total}, {@code pulse_notifications_failed_total}: every failed attempt).
 * The SMTP server's acceptance and the row's commit are two steps: a crash between them sends that mail again.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int BATCH = 20;

    @Inject
    Mailer mailer;

    @Inject
    NotificationTexts texts;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "pulse.notifications.retry.initial-delay", defaultValue = "PT30S")
    Duration initialDelay;

    @ConfigProperty(name = "pulse.notifications.retry.max-delay", defaultValue = "PT1H")
    Duration maxDelay;

    @ConfigProperty(name = "pulse.notifications.max-attempts", defaultValue = "12")
    int maxAttempts;

    private final Map<NotificationKind, Counter> sent = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Counter> failed = new EnumMap<>(NotificationKind.class);
    /** One sender thread per instance; a wake-up while it runs makes it run once more. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    /** Every kind's series exists from the start (at 0), so a dashboard sees "none" rather than "unknown". */
    void registerMetrics(@Observes StartupEvent start) {
        for (NotificationKind kind : NotificationKind.values()) {
            String tag = kind.name();
            sent.put(kind, Counter.builder("pulse.notifications.sent").tag("kind", tag)
                    .description("Notifications mailed (the SMTP server accepted them)").register(registry));
            failed.put(kind, Counter.builder("pulse.notifications.failed").tag("kind", tag)
                    .description("Attempts to mail a notification that failed (each is retried with backoff)").register(registry));
        }
    }

    @Scheduled(every = "${pulse.notifications.send-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        wake();
    }

    /** Looks for due notifications soon, on the sender's own thread (never the caller's: it may be a consumer). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    sendDue(Instant.now());
                } catch (RuntimeException e) {
                    LOG.warnf("Sending notifications failed: %s; retried at the next run", e.toString());
                }
            });
        }
    }

    /** @return how many were mailed */
    public int sendDue(Instant now) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> sendBatch(now));
            total += Math.max(done, 0);
        } while (done == BATCH);
        return total;
    }

    private int sendBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from notification where status = 'PENDING' "
                        + "and next_attempt_at <= :now order by created_at, id limit " + BATCH + " for update skip locked", UUID.class)
                .setParameter("now", now).getResultList();
        int mailed = 0;
        for (UUID id : ids) {
            Notification n = em.find(Notification.class, id);
            if (send(n, now)) {
                mailed++;
            }
        }
        return ids.size() == BATCH ? BATCH : mailed;
    }

    private boolean send(Notification n, Instant now) {
        Person person = Person.findById(n.personId);
        NotificationSettings settings = NotificationSettings.of(n.personId);
        if (person == null || settings.emailOptOut) {
            // opted out since it was recorded: not sent
            n.status = Notification.Status.SKIPPED;
            n.detail = "OPTED_OUT";
            return false;
        }
        Partnership partnership = Partnership.findById(n.partnershipId);
        try {
            NotificationTexts.Text text = texts.render(n.kind, settings.language, person.name,
                    partnership == null ? "" : partnership.name, n.title, n.closesAt, n.dueOn, settings.unsubscribeToken);
            String unsubscribe = texts.unsubscribeUrl(settings.unsubscribeToken);
            mailer.send(Mail.withText(person.email, text.subject(), text.body())
                    // RFC 2369/8058: mail clients offer "unsubscribe" themselves.
                    .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                    .addHeader("Content-Language", settings.language));
            n.status = Notification.Status.SENT;
            n.sentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            n.attempts++;
            n.detail = null;
            sent.get(n.kind).increment();
            return true;
        } catch (RuntimeException e) {
            n.attempts++;
            n.detail = truncate(e.toString());
            failed.get(n.kind).increment();
            if (n.attempts >= maxAttempts) {
                n.status = Notification.Status.FAILED;
                LOG.errorf("Notification %s (%s) to person %s failed %d times; given up: %s", n.id, n.kind, n.personId,
                        n.attempts, e.toString());
            } else {
                n.nextAttemptAt = now.plus(backoff(n.attempts));
                LOG.warnf("Notification %s (%s) could not be mailed (attempt %d): %s; next attempt at %s", n.id, n.kind,
                        n.attempts, e.toString(), n.nextAttemptAt);
            }
            return false;
        }
    }

    /** initial × 2^(attempts−1), at most the maximum. */
    Duration backoff(int attempts) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
