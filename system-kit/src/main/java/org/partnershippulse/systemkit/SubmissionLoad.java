package org.partnershippulse.systemkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stream of respondents submitting, in the background: slots {@code from … from+count−1} of a {@link Coalition}
 * on {@code threads} connections, each the two requests of a respondent's "Submit". Every outcome is kept with the
 * time it ended, so a drill can count what was accepted (per round), what got a 5xx or no answer at all, and when.
 */
public final class SubmissionLoad implements AutoCloseable {

    /**
     * One slot's result: the status of the request that decided it (the PUT if it failed, else the submit) and when
     * it ended (System.nanoTime()).
     */
    public record Outcome(Coalition.Slot slot, int status, long endedNanos) {
        public boolean accepted() {
            return status / 100 == 2;
        }

        /** 5xx, or no HTTP answer at all (status 0: connection refused or reset). */
        public boolean failedOnServer() {
            return status == 0 || status >= 500;
        }
    }

    private final ExecutorService pool;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger serverErrorRequests = new AtomicInteger();
    private final int count;

    private SubmissionLoad(Coalition coalition, int from, int count, int threads) {
        this.count = count;
        this.pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger(from);
        int end = from + count;
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < end && !Thread.currentThread().isInterrupted(); n = next.getAndIncrement()) {
                    Coalition.Slot slot = coalition.slot(n);
                    PulseApi.Reply reply = coalition.submit(slot, coalition.answers(n));
                    outcomes.add(new Outcome(slot, reply.status(), System.nanoTime()));
                }
                return null;
            });
        }
        pool.shutdown();
    }

    public static SubmissionLoad start(Coalition coalition, int from, int count, int threads) {
        return new SubmissionLoad(coalition, from, count, threads);
    }

    public int finished() {
        return outcomes.size();
    }

    /** Blocks until at least {@code n} slots have finished (or all did). */
    public void awaitFinished(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (finished() < Math.min(n, count) && !pool.isTerminated()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + finished() + " of " + n + " submissions finished within " + timeout);
            }
            Coalition.sleep(100);
        }
    }

    /** Blocks until every slot has finished. */
    public void awaitAll(Duration timeout) {
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + finished() + " of " + count + " submissions finished within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public List<Outcome> outcomes(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).toList();
    }

    public int accepted() {
        return outcomes(Outcome::accepted).size();
    }

    /** Accepted submissions per round. */
    public Map<UUID, Integer> acceptedPerRound() {
        Map<UUID, Integer> perRound = new TreeMap<>();
        for (Outcome o : outcomes(Outcome::accepted)) {
            perRound.merge(o.slot().roundId(), 1, Integer::sum);
        }
        return perRound;
    }

    /** Slots whose deciding request got a 5xx or no answer, ending between the two instants (System.nanoTime()). */
    public List<Outcome> failedOnServerBetween(long fromNanos, long toNanos) {
        return outcomes(o -> o.failedOnServer() && o.endedNanos() >= fromNanos && o.endedNanos() <= toNanos);
    }

    /** How many slots ended with each status, e.g. {200=9990, 503=10}. */
    public Map<Integer, Integer> statusCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
