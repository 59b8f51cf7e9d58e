package org.partnershippulse.bench;

import java.util.concurrent.atomic.AtomicInteger;

/** Hands out the coalition's (person, round) pairs once each: a person answers a round only once. */
final class Slots {

    private final AtomicInteger next = new AtomicInteger();
    private final int total;
    private final int perRound;

    Slots(int total, int perRound) {
        this.total = total;
        this.perRound = perRound;
    }

    int next() {
        int n = next.getAndIncrement();
        if (n >= total) {
            throw new IllegalStateException("all " + total + " submissions of the coalition are used: give it more members or rounds");
        }
        return n;
    }

    /** Skips to the first slot of a round nobody has answered yet. */
    void skipToFreshRound() {
        next.updateAndGet(n -> (n + perRound - 1) / perRound * perRound);
    }

    int used() {
        return Math.min(next.get(), total);
    }

    int left() {
        return total - used();
    }
}
