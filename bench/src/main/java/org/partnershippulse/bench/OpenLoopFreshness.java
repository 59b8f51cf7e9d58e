package org.partnershippulse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.partnershippulse.systemkit.Coalition;
import org.partnershippulse.systemkit.PulseApi;

/**
 * Freshness at a steady rate: submission i is due at {@code start + i / rate} whatever happened to the ones before
 * (open loop), so a slow service cannot slow the offered load down. A poller reads the round reports and takes the
 * moment a report's count first covers a submission as the moment it became visible; freshness is that moment
 * minus the submission's 2xx. Submission latency is also recorded from the due time, not the send time, so a
 * backlog in the driver counts against the service (no coordinated omission).
 */
final class OpenLoopFreshness {

    record Result(double targetRate, double achievedRate, long due, long notSent, long accepted, long errors, long visible,
                  long notVisible, Histogram freshness, Histogram submitFromDue, double meanPollMs, long polls) {}

    /** Acknowledged submissions of one round, in the order their 2xx arrived. */
    private static final class RoundAcks {
        final List<Long> ackNanos = new ArrayList<>();
        int visible;
    }

    private final Coalition coalition;
    private final Slots slots;
    /** Accepted submissions per round, shared with the ingest: the next run waits until reporting counts them. */
    private final Map<UUID, AtomicInteger> acceptedByRound;

    OpenLoopFreshness(Coalition coalition, Slots slots, Map<UUID, AtomicInteger> acceptedByRound) {
        this.coalition = coalition;
        this.slots = slots;
        this.acceptedByRound = acceptedByRound;
    }

    Result run(double rate, Duration duration, int senders, Duration settle, Duration pollInterval) {
        int due = (int) Math.round(rate * duration.toSeconds());
        Map<UUID, RoundAcks> acks = new LinkedHashMap<>();
        Recorder freshness = new Recorder(3);
        Recorder submitFromDue = new Recorder(3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong notSent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong visible = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000L;
        long sendDeadline = start + duration.toNanos() + Duration.ofSeconds(30).toNanos();

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            Thread sender = new Thread(() -> {
                int i;
                while ((i = issued.getAndIncrement()) < due) {
                    long dueAt = start + i * intervalNanos;
                    sleepUntil(dueAt);
                    if (System.nanoTime() > sendDeadline) {
                        notSent.incrementAndGet(); // the driver fell more than 30 s behind: the bound ends the run
                        continue;
                    }
                    int n = slots.next();
                    Coalition.Slot slot = coalition.slot(n);
                    PulseApi.Reply reply = coalition.submit(slot, coalition.answers(n));
                    long ackAt = System.nanoTime();
                    if (reply.ok()) {
                        accepted.incrementAndGet();
                        lastAck.accumulateAndGet(ackAt, Math::max);
                        acceptedByRound.computeIfAbsent(slot.roundId(), r -> new AtomicInteger()).incrementAndGet();
                        submitFromDue.recordValue(Math.max(1, (ackAt - dueAt) / 1000));
                        synchronized (acks) {
                            acks.computeIfAbsent(slot.roundId(), r -> new RoundAcks()).ackNanos.add(ackAt);
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }, "sender-" + t);
            sender.start();
            threads.add(sender);
        }

        // The poller: for each round with submissions not yet seen, read the report's count of responses.
        long polls = 0;
        long pollNanos = 0;
        long settleDeadline = Long.MAX_VALUE;
        while (true) {
            boolean sending = threads.stream().anyMatch(Thread::isAlive);
            if (!sending && settleDeadline == Long.MAX_VALUE) {
                settleDeadline = System.nanoTime() + settle.toNanos();
            }
            List<UUID> pending = new ArrayList<>();
            synchronized (acks) {
                acks.forEach((round, a) -> {
                    if (a.visible < a.ackNanos.size()) {
                        pending.add(round);
                    }
                });
            }
            if (!sending && (pending.isEmpty() || System.nanoTime() > settleDeadline)) {
                break;
            }
            for (UUID round : pending) {
                long askedAt = System.nanoTime();
                int counted = coalition.reportedResponses(round);
                long seenAt = System.nanoTime();
                polls++;
                pollNanos += seenAt - askedAt;
                synchronized (acks) {
                    RoundAcks a = acks.get(round);
                    int upTo = Math.min(counted, a.ackNanos.size());
                    for (int k = a.visible; k < upTo; k++) {
                        freshness.recordValue(Math.max(1, (seenAt - a.ackNanos.get(k)) / 1000));
                        visible.incrementAndGet();
                    }
                    a.visible = Math.max(a.visible, upTo);
                }
            }
            sleepUntil(System.nanoTime() + pollInterval.toNanos());
        }
        double pollMs = polls == 0 ? 0 : pollNanos / 1e6 / polls;
        for (Thread t : threads) {
            ClosedLoopIngest.join(t);
        }
        double sendSeconds = Math.max(lastAck.get() - start, duration.toNanos()) / 1e9;
        return new Result(rate, accepted.get() / sendSeconds, due, notSent.get(), accepted.get(), errors.get(), visible.get(),
                accepted.get() - visible.get(), freshness.getIntervalHistogram(), submitFromDue.getIntervalHistogram(),
                pollMs, polls);
    }

    static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
