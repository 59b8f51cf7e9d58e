package org.partnershippulse.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    final List<Duration> waits = new ArrayList<>();
    final Retry retry = new Retry(Duration.ofMillis(100), Duration.ofSeconds(1), waits::add);

    @Test
    void aTransientFailureIsRetriedWithGrowingWaitsUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        retry.untilApplied(() -> {
            if (attempts.incrementAndGet() <= 5) {
                throw new IllegalStateException("database unavailable");
            }
        }, (n, wait, e) -> { });

        assertEquals(6, attempts.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofSeconds(1)), waits);
    }

    @Test
    void aPoisonEventIsNotRetriedAndIsRethrownEvenWhenWrapped() {
        AtomicInteger attempts = new AtomicInteger();
        PoisonEventException poison = new PoisonEventException("unknown event type x");

        PoisonEventException thrown = assertThrows(PoisonEventException.class, () -> retry.untilApplied(() -> {
            attempts.incrementAndGet();
            throw new RuntimeException("transaction rolled back", poison);
        }, (n, wait, e) -> { }));

        assertSame(poison, thrown);
        assertEquals(1, attempts.get());
        assertEquals(List.of(), waits);
    }

    @Test
    void theDelayNeverExceedsTheMaximumHoweverManyAttempts() {
        assertEquals(Duration.ofSeconds(1), retry.delay(64));
        assertEquals(Duration.ofSeconds(1), retry.delay(1_000));
    }
}
