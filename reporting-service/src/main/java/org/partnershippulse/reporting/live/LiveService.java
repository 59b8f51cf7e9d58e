package org.partnershippulse.reporting.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.partnershippulse.kit.problem.ProblemException;
import org.partnershippulse.reporting.config.ReportingConfig;
import org.partnershippulse.reporting.partnership.ReportAccess;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * The live stream of an open round: a summary at once, a new one after each change applied here, and at each
 * heartbeat either a summary (when it changed, e.g. through another instance) or a heartbeat. It ends with the
 * summary that shows the round closed. Access is checked when the stream is opened.
 */
@ApplicationScoped
public class LiveService {

    public sealed interface Message permits Summary, Heartbeat, End {
    }

    public record Summary(LiveSummary summary) implements Message {
    }

    public record Heartbeat() implements Message {
    }

    @Inject
    ReportAccess access;

    @Inject
    RoundReportService reports;

    @Inject
    RoundUpdates updates;

    @Inject
    ReportingConfig config;

    /** Checks, in the caller's request, that the round is theirs to see (404) and open (409). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireOpen(UUID roundId) {
        RoundView round = RoundView.findById(roundId);
        if (round == null || !access.canRead(round.partnershipId)) {
            throw ProblemException.notFound("Round", roundId);
        }
        if (!"OPEN".equals(round.status)) {
            throw ProblemException.conflict("The round is " + round.status + ": live results exist only while it is open");
        }
    }

    public Multi<Message> stream(UUID roundId, String language) {
        AtomicReference<LiveSummary> last = new AtomicReference<>();
        Multi<Boolean> triggers = Multi.createBy().merging().streams(
                Multi.createFrom().item(true),
                updates.of(roundId).map(r -> true),
                Multi.createFrom().ticks().every(config.live().heartbeat()).map(t -> false));
        return triggers.onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(changed -> {
                    LiveSummary now = QuarkusTransaction.requiringNew().call(() -> summary(roundId, language));
                    LiveSummary before = last.getAndSet(now);
                    return changed || !Objects.equals(before, now) ? (Message) new Summary(now) : new Heartbeat();
                })
                // The summary that shows the round closed is the last one.
                .onItem().transformToMultiAndConcatenate(m -> m instanceof Summary s && !"OPEN".equals(s.summary().status())
                        ? Multi.createFrom().items(m, new End()) : Multi.createFrom().item(m))
                .select().first(m -> !(m instanceof End));
    }

    private record End() implements Message {
    }

    private LiveSummary summary(UUID roundId, String language) {
        return LiveSummary.of(reports.build(RoundView.findById(roundId), language));
    }
}
