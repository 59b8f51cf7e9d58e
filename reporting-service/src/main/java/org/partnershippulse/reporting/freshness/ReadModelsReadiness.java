package org.partnershippulse.reporting.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.partnershippulse.reporting.ingest.Rebuild;

/**
 * Readiness of reporting beyond its database: the read models are loaded (not while a rebuild asked for at start
 * runs). Their freshness is shown, never judged here: a stale report is still served, and says so in its headers.
 */
@Readiness
@ApplicationScoped
public class ReadModelsReadiness implements HealthCheck {

    @Inject
    Rebuild rebuild;

    @Inject
    ReadModelFreshness freshness;

    @Override
    public HealthCheckResponse call() {
        ReadModelFreshness.State state = freshness.state(Instant.now());
        HealthCheckResponseBuilder r = HealthCheckResponse.named("Read models").status(rebuild.loaded())
                .withData("loaded", rebuild.loaded())
                .withData("stale", state.stale())
                .withData("stalenessSeconds", state.staleness().toSeconds());
        if (state.asOf() != null) {
            r.withData("asOf", state.asOf().toString());
        }
        return r.build();
    }
}
