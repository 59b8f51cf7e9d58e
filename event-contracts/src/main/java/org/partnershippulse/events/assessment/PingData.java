package org.partnershippulse.events.assessment;

import java.util.UUID;

/** diagnostics.ping: an operator's end-to-end check of the event path. */
public record PingData(UUID pingId, String requestedBy) {
}
