package org.partnershippulse.reporting.freshness;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every successful answer of the API (all of it computed from the read models) says how current they are: the
 * instant they are known to be complete up to ({@link ReadModelFreshness}), and whether they are stale. A client
 * shows "figures as of …" or a warning instead of the service going unready.
 */
@Provider
public class ReadModelHeaders implements ContainerResponseFilter {

    public static final String AS_OF = "Pulse-Read-Model-As-Of";
    public static final String STALE = "Pulse-Read-Model-Stale";

    @Inject
    ReadModelFreshness freshness;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 != 2) {
            return;
        }
        ReadModelFreshness.State state = freshness.state(Instant.now());
        if (state.asOf() != null) {
            response.getHeaders().putSingle(AS_OF, state.asOf().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        response.getHeaders().putSingle(STALE, Boolean.toString(state.stale()));
    }
}
