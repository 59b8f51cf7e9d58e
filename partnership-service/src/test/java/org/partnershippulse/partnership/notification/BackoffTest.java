package org.partnershippulse.partnership.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A mail that failed waits longer after each attempt, never longer than the maximum. */
class BackoffTest {

    @Test
    void theWaitDoublesFromTheInitialDelayUpToTheMaximum() {
        NotificationSender sender = new NotificationSender();
        sender.initialDelay = Duration.ofSeconds(30);
        sender.maxDelay = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(30), sender.backoff(1));
        assertEquals(Duration.ofSeconds(60), sender.backoff(2));
        assertEquals(Duration.ofSeconds(120), sender.backoff(3));
        assertEquals(Duration.ofMinutes(32), sender.backoff(7));
        assertEquals(Duration.ofHours(1), sender.backoff(8));
        assertEquals(Duration.ofHours(1), sender.backoff(40));
    }
}
