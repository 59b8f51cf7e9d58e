package org.partnershippulse.kit.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Purges what the outbox and the inbox no longer need, in bounded batches (each its own short transaction, so no
 * long lock and no huge WAL burst), once across replicas (a PostgreSQL advisory lock, as the {@link OutboxRelay}).
 *
 * <ul>
 *   <li>Outbox: rows published more than {@code pulse.outbox.retention} ago. Unpublished rows are never purged,
 *       whatever their age: they are the events still owed to Kafka.</li>
 *   <li>Inbox: event ids applied more than {@code pulse.inbox.retention} ago. The inbox is what makes a redelivery
 *       harmless, so it must remember an id as long as that event can come again: the relay re-sends only rows not
 *       yet marked published (at most the longest broker outage), a consumer gets again what it had not committed
 *       (seconds), and an operator's rewind of a consumer group reaches as far back as they rewind. The topics keep
 *       every event (a rebuild replays them), so a rewind further back than the retention must be a rebuild
 *       ({@code POST /admin/rebuild}), which forgets the ids and the read models together.</li>
 * </ul>
 *
 * <p>No index is added for it: a batch's scan stops at its limit, the old rows lie at the start of the heap, and the
 * last, short batch reads the table once an hour. An index (a migration) would also stop a rollback to an image
 * without it from starting (Flyway validates what was applied).
 */
@Startup // its counters exist (at 0) from the start, for dashboards and alerts
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Arbitrary, fixed: the advisory lock key of the purge (the relay and the round window job have their own). */
    private static final long PURGE_LOCK = 7_401_122_907L;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "pulse.outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;

    @ConfigProperty(name = "pulse.inbox.retention", defaultValue = "P30D")
    Duration inboxRetention;

    @ConfigProperty(name = "pulse.housekeeping.batch-size", defaultValue = "5000")
    int batchSize;

    private Counter outboxPurged;
    private Counter inboxPurged;

    /** What one run removed. */
    public record Purged(long outbox, long inbox) {
    }

    @PostConstruct
    void meters() {
        outboxPurged = Counter.builder("pulse.outbox.purged").description(
                "Outbox rows removed by housekeeping: published longer ago than pulse.outbox.retention").register(registry);
        inboxPurged = Counter.builder("pulse.inbox.purged").description(
                "Inbox rows (applied event ids) removed by housekeeping: older than pulse.inbox.retention").register(registry);
    }

    @Scheduled(every = "${pulse.housekeeping.interval:1h}", delayed = "${pulse.housekeeping.initial-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Purged purged = purge(Instant.now());
            if (purged.outbox() + purged.inbox() > 0) {
                LOG.infof("Housekeeping purged %d outbox and %d inbox rows", purged.outbox(), purged.inbox());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Housekeeping failed, will run again: %s", e.getMessage());
        }
    }

    /** Purges what is older than the retentions at {@code now}; nothing if another instance is purging. */
    public Purged purge(Instant now) {
        long outbox = purge(outboxPurged, """
                delete from outbox_event where ctid in (select ctid from outbox_event
                  where created_at < :cutoff and published_at < :cutoff limit :n)""", now.minus(outboxRetention));
        if (outbox < 0) {
            return new Purged(0, 0);
        }
        long inbox = purge(inboxPurged, """
                delete from processed_event where ctid in (select ctid from processed_event
                  where processed_at < :cutoff limit :n)""", now.minus(inboxRetention));
        return new Purged(outbox, Math.max(0, inbox));
    }

    /** Batch after batch until one is short; -1 when another instance holds the lock. */
    private long purge(Counter counter, String delete, Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                if (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                        .setParameter("key", PURGE_LOCK).getSingleResult())) {
                    return -1;
                }
                // a rebuild locks the inbox for minutes: this run gives way rather than queue behind it
                em.createNativeQuery("set local lock_timeout = '5s'").executeUpdate();
                return em.createNativeQuery(delete).setParameter("cutoff", cutoff).setParameter("n", batchSize)
                        .executeUpdate();
            });
            if (deleted < 0) {
                return total == 0 ? -1 : total;
            }
            total += deleted;
            counter.increment(deleted);
        } while (deleted == batchSize);
        return total;
    }
}
