package org.partnershippulse.kit.events;

import java.time.Duration;

/**
 * Runs an event's application until it succeeds, with exponential backoff between attempts. Only a
 * {@link PoisonEventException} (anywhere in the cause chain) ends the attempts: it is rethrown, and the channel sends
 * the event to the dead-letter topic. Any other failure (database unavailable, lock or transaction timeout,
 * serialisation failure) is transient by assumption: the partition waits rather than lose or dead-letter the event.
 */
public final class Retry {

    private final Duration first;
    private final Duration max;
    private final Sleeper sleeper;

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Retry(Duration first, Duration max, Sleeper sleeper) {
        this.first = first;
        this.max = max;
        this.sleeper = sleeper;
    }

    /** @param onFailure told of each transient failure and the attempt number, before the wait */
    public void untilApplied(Runnable attempt, FailureListener onFailure) {
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                PoisonEventException poison = poison(e);
                if (poison != null) {
                    throw poison;
                }
                Duration wait = delay(n);
                onFailure.failed(n, wait, e);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    // Shutting down: the event was not acknowledged and is delivered again after the restart.
                    throw new IllegalStateException("Interrupted while retrying an event", e);
                }
            }
        }
    }

    @FunctionalInterface
    public interface FailureListener {
        void failed(int attempt, Duration nextWait, RuntimeException failure);
    }

    /** first × 2^(attempt−1), at most max. */
    public Duration delay(int attempt) {
        long millis = first.toMillis() << Math.min(attempt - 1, 30);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    static PoisonEventException poison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException p) {
                return p;
            }
        }
        return null;
    }
}
