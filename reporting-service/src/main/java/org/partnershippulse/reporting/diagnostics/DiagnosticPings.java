package org.partnershippulse.reporting.diagnostics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The pings that have arrived, as API records. */
@ApplicationScoped
public class DiagnosticPings {

    @Schema(name = "PingReceived", description = "A diagnostic ping from assessment-service, as it arrived here")
    public record PingReceived(UUID id,
                               @Schema(nullable = true, description = "Who asked assessment-service for it", example = "admin") String requestedBy,
                               @Schema(nullable = true, description = "When assessment-service recorded it") Instant sentAt,
                               Instant receivedAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PingReceived> find(UUID id) {
        return DiagnosticPing.<DiagnosticPing>findByIdOptional(id)
                .map(p -> new PingReceived(p.id, p.requestedBy, p.sentAt, p.receivedAt));
    }
}
