package org.partnershippulse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;

/**
 * Closed-loop ingest: {@code concurrency} respondents each submit a complete PAI response (in one request, or as
 * save + submit with {@code twoRequests}), wait for
 * the answer and submit the next, for at most {@code count} submissions or {@code time}, whichever ends first. A
 * warm-up of the same shape runs before the clock starts (JIT, connection pools, the database's caches).
 */
final class ClosedLoopIngest {

    record Level(int concurrency, long submissions, double seconds, double perSecond, Histogram latency,
                 long errors, Map<Integer, Long> errorsByStatus, String firstError) {}

    private final Coalition coalition;
    private final Slots slots;
    /** The two-request flow (save a draft, then submit it) instead of POST .../response/submission. */
    private final boolean twoRequests;
    /** Submissions that got a 2xx, per round: the freshness run waits until reporting counts them all. */
    private final Map<UUID, AtomicInteger> acceptedByRound = new ConcurrentHashMap<>();

    ClosedLoopIngest(Coalition coalition, Slots slots, boolean twoRequests) {
        this.coalition = coalition;
        this.slots = slots;
        this.twoRequests = twoRequests;
    }

    Map<UUID, AtomicInteger> acceptedByRound() {
        return acceptedByRound;
    }

    Level run(int concurrency, int warmupCount, Duration warmupTime, int count, Duration time) {
        drive(concurrency, warmupCount, warmupTime);
        return drive(concurrency, count, time);
    }

    private Level drive(int concurrency, int count, Duration time) {
        Recorder recorder = new Recorder(3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Map<Integer, Long> byStatus = new TreeMap<>();
        StringBuilder firstError = new StringBuilder();
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        List<Thread> respondents = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread respondent = new Thread(() -> {
                while (System.nanoTime() < deadline && issued.getAndIncrement() < count) {
                    int n = slots.next();
                    Coalition.Slot slot = coalition.slot(n);
                    PulseApi.Reply reply = twoRequests ? coalition.submit(slot, coalition.answers(n))
                            : coalition.submitInOneRequest(slot, coalition.answers(n));
                    if (reply.ok()) {
                        recorder.recordValue(Math.max(1, reply.nanos() / 1000));
                        acceptedByRound.computeIfAbsent(slot.roundId(), r -> new AtomicInteger()).incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        synchronized (byStatus) {
                            byStatus.merge(reply.status(), 1L, Long::sum);
                            if (firstError.isEmpty()) {
                                firstError.append(reply.status()).append(": ").append(abbreviate(reply.rawBody()));
                            }
                        }
                    }
                }
            }, "respondent-" + t);
            respondent.start();
            respondents.add(respondent);
        }
        for (Thread t : respondents) {
            join(t);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latency = recorder.getIntervalHistogram();
        return new Level(concurrency, latency.getTotalCount(), seconds, latency.getTotalCount() / seconds, latency,
                errors.get(), byStatus, firstError.isEmpty() ? null : firstError.toString());
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
