package org.partnershippulse.reporting.diagnostics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The pings that have arrived, as API records. */
@ApplicationScoped
public class DiagnosticPings {

    public record PingReceived(UUID id, String requestedBy, Instant sentAt, Instant receivedAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PingReceived> find(UUID id) {
        return DiagnosticPing.<DiagnosticPing>findByIdOptional(id)
                .map(p -> new PingReceived(p.id, p.requestedBy, p.sentAt, p.receivedAt));
    }
}
