package org.partnershippulse.reporting.live;

import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One open live stream: who watches which round, and what they were last sent. Sending is serialised per viewer
 * (the poller and the opening request both send); a viewer the service ended sends nothing more.
 */
final class Viewer {

    final UUID roundId;
    final UUID partnershipId;
    final String subject;
    final boolean platformAdmin;
    final Instant expiresAt;
    final String language;
    final long reservedAt = System.nanoTime();

    private MultiEmitter<? super LiveService.Message> emitter;
    private LiveSummary last;
    private long lastSentAt;
    private LiveService.EndReason ended;

    Viewer(UUID roundId, UUID partnershipId, String subject, boolean platformAdmin, Instant expiresAt, String language) {
        this.roundId = roundId;
        this.partnershipId = partnershipId;
        this.subject = subject;
        this.platformAdmin = platformAdmin;
        this.expiresAt = expiresAt;
        this.language = language;
    }

    synchronized boolean attached() {
        return emitter != null;
    }

    /** The request subscribed: the first summary goes out at once (or the end, if the service ended it already). */
    synchronized void attach(MultiEmitter<? super LiveService.Message> emitter, LiveSummary first) {
        this.emitter = emitter;
        if (ended != null) {
            finish(ended);
            return;
        }
        send(new LiveService.Summary(first));
        last = first;
    }

    /** The summary now: sent if it differs from the last one sent, else a heartbeat when one is due. */
    synchronized void offer(LiveSummary now, long heartbeatNanos) {
        if (ended != null || emitter == null || now == null) {
            return;
        }
        if (!Objects.equals(last, now)) {
            last = now;
            send(new LiveService.Summary(now));
        } else if (System.nanoTime() - lastSentAt >= heartbeatNanos) {
            send(new LiveService.Heartbeat());
        }
    }

    /** Ends the stream with an {@code end} event naming the reason; once. */
    synchronized void end(LiveService.EndReason reason) {
        if (ended != null) {
            return;
        }
        ended = reason;
        if (emitter != null) {
            finish(reason);
        }
    }

    private void finish(LiveService.EndReason reason) {
        if (!emitter.isCancelled()) {
            emitter.emit(new LiveService.End(reason));
            emitter.complete();
        }
    }

    private void send(LiveService.Message message) {
        lastSentAt = System.nanoTime();
        if (!emitter.isCancelled()) {
            emitter.emit(message);
        }
    }
}
