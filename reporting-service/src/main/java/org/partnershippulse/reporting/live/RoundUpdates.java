package org.partnershippulse.reporting.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;
import org.partnershippulse.reporting.release.ReleaseCut;

/**
 * Tells the live streams of this instance which round changed, after the change committed. Each instance
 * consumes only its share of the partitions, so a dashboard connected to another instance hears of the change
 * at that instance's next heartbeat summary at the latest.
 */
@ApplicationScoped
public class RoundUpdates {

    private final BroadcastProcessor<UUID> changes = BroadcastProcessor.create();

    public void changed(UUID roundId) {
        changes.onNext(roundId);
    }

    /** A release changes what the round's live streams show, once it is committed. */
    void released(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseCut cut) {
        changed(cut.roundId());
    }

    public Multi<UUID> of(UUID roundId) {
        return changes.filter(roundId::equals);
    }
}
