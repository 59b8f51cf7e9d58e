package org.partnershippulse.assessment.round;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.partnershippulse.assessment.round.RoundLifecycle.Action;

/**
 * Opens and closes rounds at their planned times ({@link RoundWindow}), doing what the coordinator's open and
 * close do, as "system". One instance at a time: each step holds a PostgreSQL advisory lock (as the outbox relay
 * does) and looks at the round again under it, so replicas never open or close a round twice. It also emits each
 * open round's reminder-due event once, {@code pulse.assessment.reminder-before} (default P3D) before it closes.
 */
@ApplicationScoped
public class RoundWindowJob {

    public static final String ACTOR = "system";

    private static final Logger LOG = Logger.getLogger(RoundWindowJob.class);
    /** Arbitrary, fixed: the advisory lock key of this job (the outbox relay has its own). */
    private static final long WINDOW_LOCK = 7_401_122_906L;

    @Inject
    RoundService rounds;

    @Inject
    EntityManager em;

    /** How long before a round closes its reminder-due event is emitted (once per round). */
    @ConfigProperty(name = "pulse.assessment.reminder-before", defaultValue = "P3D")
    Duration reminderBefore;

    @Scheduled(every = "${pulse.rounds.window-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = Instant.now();
        followWindows(now);
        remind(now);
    }

    /** @return how many reminder-due events were emitted */
    int remind(Instant now) {
        int emitted = 0;
        for (UUID roundId : rounds.remindersDue(now, reminderBefore)) {
            try {
                Boolean done = QuarkusTransaction.requiringNew()
                        .call(() -> locked() ? rounds.remind(roundId, now, reminderBefore) : null);
                if (done == null) {
                    return emitted;
                }
                if (done) {
                    emitted++;
                    LOG.infof("Round %s closes within %s: reminder due", roundId, reminderBefore);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Round %s: reminder could not be emitted: %s", roundId, e.getMessage());
            }
        }
        return emitted;
    }

    /** @return how many rounds were opened or closed */
    int followWindows(Instant now) {
        int changed = 0;
        for (UUID roundId : rounds.dueInWindow(now)) {
            try {
                // null: another instance holds the lock and does this run's work
                Optional<Action> step = QuarkusTransaction.requiringNew()
                        .call(() -> locked() ? rounds.followWindow(roundId, now, ACTOR) : null);
                if (step == null) {
                    return changed;
                }
                if (step.isPresent()) {
                    changed++;
                    LOG.infof("Round %s %s at its planned time", roundId, step.get() == Action.OPEN ? "opened" : "closed");
                }
            } catch (RuntimeException e) {
                // e.g. no one matches the audience: the coordinator has to act; the other rounds go on.
                LOG.warnf("Round %s could not follow its planned window: %s", roundId, e.getMessage());
            }
        }
        return changed;
    }

    private boolean locked() {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", WINDOW_LOCK).getSingleResult());
    }
}
