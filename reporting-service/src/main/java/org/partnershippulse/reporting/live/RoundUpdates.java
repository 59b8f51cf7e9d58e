package org.partnershippulse.reporting.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

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

    public Multi<UUID> of(UUID roundId) {
        return changes.filter(roundId::equals);
    }
}
