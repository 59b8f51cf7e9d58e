package org.partnershippulse.reporting.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What one viewer is sent: the first summary, then only changes or a due heartbeat, and one end. */
class ViewerTest {

    static final UUID ROUND = UUID.randomUUID();
    static final long NEVER = Long.MAX_VALUE;

    @Test
    void anUnchangedSummaryIsNotSentAgainAndAChangedOneIs() {
        Viewer v = viewer();
        AssertSubscriber<LiveService.Message> sent = subscribe(v, summary(0));
        v.offer(summary(0), NEVER);
        v.offer(summary(0), NEVER);
        v.offer(summary(1), NEVER);
        v.offer(summary(1), NEVER);
        assertEquals(List.of(new LiveService.Summary(summary(0)), new LiveService.Summary(summary(1))), sent.getItems());
    }

    @Test
    void aHeartbeatGoesOutWhenNothingWasSentForTheHeartbeatPeriod() {
        Viewer v = viewer();
        AssertSubscriber<LiveService.Message> sent = subscribe(v, summary(0));
        v.offer(summary(0), 0);
        assertEquals(new LiveService.Heartbeat(), sent.getItems().get(1));
    }

    @Test
    void anEndedStreamSaysWhyOnceAndNothingMore() {
        Viewer v = viewer();
        AssertSubscriber<LiveService.Message> sent = subscribe(v, summary(0));
        v.end(LiveService.EndReason.ACCESS_REVOKED);
        v.end(LiveService.EndReason.SHUTDOWN);
        v.offer(summary(1), NEVER);
        assertEquals(List.of(new LiveService.Summary(summary(0)), new LiveService.End(LiveService.EndReason.ACCESS_REVOKED)),
                sent.getItems());
        sent.assertCompleted();
    }

    @Test
    void aStreamEndedBeforeItsRequestSubscribedOnlySaysWhy() {
        Viewer v = viewer();
        v.end(LiveService.EndReason.SHUTDOWN);
        AssertSubscriber<LiveService.Message> sent = subscribe(v, summary(0));
        assertEquals(List.of(new LiveService.End(LiveService.EndReason.SHUTDOWN)), sent.getItems());
        assertTrue(v.attached());
        sent.assertCompleted();
    }

    private static Viewer viewer() {
        return new Viewer(ROUND, UUID.randomUUID(), "subject", false, null, "en");
    }

    private static AssertSubscriber<LiveService.Message> subscribe(Viewer v, LiveSummary first) {
        return Multi.createFrom().<LiveService.Message>emitter(e -> v.attach(e, first))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    }

    /** Distinct summaries for distinct n (what differs does not matter to the viewer). */
    private static LiveSummary summary(int n) {
        return new LiveSummary(new UUID(0, n), "OPEN", null, null, true, List.of(), List.of());
    }
}
