package org.partnershippulse.reporting.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.kit.problem.ProblemType;
import org.partnershippulse.projection.PersonRoleView;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * The live streams of this instance. A stream costs nothing while idle: it holds no database connection and no
 * thread. One poller ({@code pulse.reporting.live.poll}, 1 s) serves every open stream: per round with viewers it
 * opens one short transaction that re-checks each viewer's access and computes the summary, then, with the
 * connection back in the pool, pushes the summary to each viewer whose last one differs, or a heartbeat when
 * nothing was sent for a heartbeat period. A stream ends when the client goes away, or with an {@code end} event
 * naming the reason: the round closed (after the summary that shows it), access lost, the token expired, or the
 * service stops. Streams are capped per caller and per round (429).
 */
@ApplicationScoped
public class LiveService {

    private static final Logger LOG = Logger.getLogger(LiveService.class);

    /** A reservation whose request never subscribed (the client left at once) is dropped after this long. */
    private static final long UNATTACHED_NANOS = 30_000_000_000L;

    public sealed interface Message permits Summary, Heartbeat, End {
    }

    public record Summary(LiveSummary summary) implements Message {
    }

    public record Heartbeat() implements Message {
    }

    /** The last event of a stream the service ends. */
    public record End(EndReason reason) implements Message {
    }

    public enum EndReason {
        /** After the summary that shows the round closed (or the round is gone). */
        ROUND_CLOSED,
        /** The reader no longer holds a role in the partnership. */
        ACCESS_REVOKED,
        /** The bearer token the stream was opened with expired: open a new one with a fresh token. */
        TOKEN_EXPIRED,
        /** The instance stops; reconnect (to another instance). */
        SHUTDOWN
    }

    /** What the opening request learned, in its own short transaction. */
    public record Opened(UUID roundId, UUID partnershipId, String language, LiveSummary summary) {
    }

    @Inject
    ReportAccess access;

    @Inject
    RoundReportService reports;

    @Inject
    ReportingConfig config;

    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Inject
    void metrics(MeterRegistry registry) {
        registry.gauge("pulse.live.streams", viewers, Set::size);
    }

    /** Checks, in the caller's request, that the round is theirs to see (404) and open (409), and reads its summary. */
    @Transactional
    public Opened open(UUID roundId, String language) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        if (!"OPEN".equals(round.status)) {
            throw ProblemException.conflict("The round is " + round.status + ": live results exist only while it is open");
        }
        return new Opened(roundId, round.partnershipId, language, summary(round, language));
    }

    /**
     * The stream of an opened round for this caller; refused with 429 beyond the caps. {@code expiresAt} null: the
     * token does not expire.
     */
    public Multi<Message> stream(Opened opened, String subject, boolean platformAdmin, Instant expiresAt) {
        Viewer viewer = reserve(new Viewer(opened.roundId(), opened.partnershipId(), subject, platformAdmin,
                expiresAt, opened.language()));
        return Multi.createFrom().<Message>emitter(emitter -> {
            // cancellation (the client went away), completion and failure all free the place at once
            emitter.onTermination(() -> viewers.remove(viewer));
            viewer.attach(emitter, opened.summary());
        }, BackPressureStrategy.BUFFER);
    }

    private synchronized Viewer reserve(Viewer viewer) {
        if (stopping) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The service is stopping: reconnect in a moment");
        }
        ReportingConfig.Live limits = config.live();
        long mine = viewers.stream().filter(v -> v.subject.equals(viewer.subject)).count();
        if (mine >= limits.maxPerCaller()) {
            throw ProblemException.tooManyRequests("You have " + mine + " live streams open, the most one caller may hold;"
                    + " close one first", limits.retryAfter());
        }
        long ofRound = viewers.stream().filter(v -> v.roundId.equals(viewer.roundId)).count();
        if (ofRound >= limits.maxPerRound()) {
            throw ProblemException.tooManyRequests("This round has " + ofRound + " live streams open, the most it takes;"
                    + " try again later", limits.retryAfter());
        }
        viewers.add(viewer);
        return viewer;
    }

    /** Open streams of this instance (for tests and the gauge {@code pulse_live_streams}). */
    public int openStreams() {
        return viewers.size();
    }

    @Scheduled(every = "${pulse.reporting.live.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "live-streams")
    void poll() {
        if (viewers.isEmpty() || stopping) {
            return;
        }
        Instant now = Instant.now();
        long nanos = System.nanoTime();
        Map<UUID, List<Viewer>> byRound = new HashMap<>();
        for (Viewer v : viewers) {
            if (v.expiresAt != null && !now.isBefore(v.expiresAt)) {
                v.end(EndReason.TOKEN_EXPIRED);
            } else if (!v.attached() && nanos - v.reservedAt > UNATTACHED_NANOS) {
                viewers.remove(v);
            } else if (v.attached()) {
                byRound.computeIfAbsent(v.roundId, r -> new ArrayList<>()).add(v);
            }
        }
        byRound.forEach((roundId, list) -> {
            try {
                serve(roundId, list);
            } catch (RuntimeException e) {
                // e.g. the database is briefly away: the streams stay open and are served at the next poll
                LOG.warnf("Live streams of round %s not served this time: %s", roundId, e.getMessage());
            }
        });
    }

    private record State(String status, Set<String> allowed, Map<String, LiveSummary> summaries) {
    }

    private void serve(UUID roundId, List<Viewer> list) {
        State state = QuarkusTransaction.requiringNew().call(() -> read(roundId, list));
        // the connection is back in the pool: pushing to slow clients costs the database nothing
        long heartbeat = config.live().heartbeat().toNanos();
        for (Viewer v : list) {
            if (state == null) {
                v.end(EndReason.ROUND_CLOSED);
            } else if (!v.platformAdmin && !state.allowed().contains(v.subject)) {
                v.end(EndReason.ACCESS_REVOKED);
            } else {
                v.offer(state.summaries().get(v.language), heartbeat);
                if (!"OPEN".equals(state.status())) {
                    v.end(EndReason.ROUND_CLOSED);
                }
            }
        }
    }

    private State read(UUID roundId, List<Viewer> list) {
        RoundView round = RoundView.findById(roundId);
        if (round == null) {
            return null;
        }
        Set<String> subjects = list.stream().filter(v -> !v.platformAdmin).map(v -> v.subject).collect(Collectors.toSet());
        Set<String> allowed = subjects.isEmpty() ? Set.of() : new HashSet<>(PersonRoleView.getEntityManager()
                .createQuery("select distinct r.subject from PersonRoleView r where r.partnershipId = ?1"
                        + " and r.revokedAt is null and r.subject in ?2", String.class)
                .setParameter(1, round.partnershipId).setParameter(2, subjects).getResultList());
        Map<String, LiveSummary> summaries = new HashMap<>();
        for (Viewer v : list) {
            if (v.platformAdmin || allowed.contains(v.subject)) {
                summaries.computeIfAbsent(v.language, language -> summary(round, language));
            }
        }
        return new State(round.status, allowed, summaries);
    }

    private LiveSummary summary(RoundView round, String language) {
        return LiveSummary.of(reports.build(round, language));
    }

    /**
     * Shutdown never waits on a stream: each ends at once with SHUTDOWN, and no new one opens. This runs first in the
     * shutdown (quarkus.shutdown.delay-enabled), while the HTTP server still writes and before it waits for requests
     * in flight; ShutdownEvent comes after the server closed the connections.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stop();
    }

    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stop();
    }

    private void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.infof("The service stops: ending %d live streams (SHUTDOWN)", viewers.size());
        for (Viewer v : viewers) {
            v.end(EndReason.SHUTDOWN);
        }
        viewers.clear();
    }
}
