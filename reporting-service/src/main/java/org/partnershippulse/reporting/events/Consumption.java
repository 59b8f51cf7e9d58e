package org.partnershippulse.reporting.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.partnershippulse.reporting.config.ReportingConfig;

/**
 * How both consumers apply an event: each attempt in a transaction of its own, retried with backoff until it
 * succeeds unless the event is poison ({@link Retry}); and never while a rebuild runs in this instance. A rebuild
 * takes the gate exclusively, so live consumption pauses outside any transaction instead of waiting at a database
 * lock (other instances still wait at the rebuild's inbox lock; a transaction timeout there is retried like any
 * transient failure).
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    /** Fair: a waiting rebuild is not starved by a steady stream of events. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    @Inject
    ReportingConfig config;

    /** Applies an event in its own transaction, retrying transient failures; a poison event is rethrown at once. */
    public <T> T apply(String channel, Supplier<T> inTransaction) {
        Object[] result = new Object[1];
        new Retry(config.retry().initialDelay(), config.retry().maxDelay(), d -> Thread.sleep(d.toMillis()))
                .untilApplied(() -> {
                    gate.readLock().lock();
                    try {
                        result[0] = QuarkusTransaction.requiringNew().call(inTransaction::get);
                    } finally {
                        gate.readLock().unlock();
                    }
                }, (attempt, wait, failure) -> LOG.warnf("%s: attempt %d to apply an event failed (%s); retrying in %s ms",
                        channel, attempt, failure, wait.toMillis()));
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    /** Runs work (a rebuild) with this instance's consumption paused. */
    public <T> T paused(Supplier<T> work) {
        gate.writeLock().lock();
        try {
            return work.get();
        } finally {
            gate.writeLock().unlock();
        }
    }
}
