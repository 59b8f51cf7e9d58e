package org.partnershippulse.reporting.released;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.partnershippulse.events.reporting.ReportReleasedData;
import org.partnershippulse.events.reporting.ReportingEventType;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.reporting.publicstream.PublicResultsOf;
import org.partnershippulse.reporting.release.ReleaseCut;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReport;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * Tells partnership-service of every release cut (internal topic pulse.reporting.v1), in the cut's transaction through
 * the outbox, so that the partnership keeps its released reports as its own data (its archive). Unlike the public
 * stream this needs no consent: the figures stay with the partnership. They are those of the report members read for
 * this release ({@link RoundReportService#build}), reduced to the group figures ({@link PublicResultsOf}): no
 * reflection, note or other free text.
 */
@ApplicationScoped
public class ReleasedReportPublisher {

    @Inject
    RoundReportService reports;

    @Inject
    Outbox outbox;

    void released(@Observes ReleaseCut cut) {
        RoundView round = RoundView.findById(cut.roundId());
        if (round == null) {
            return;
        }
        RoundReport report = reports.build(round, "en");
        boolean shown = !report.resultsWithheld() && report.release() != null
                && report.release().number() == cut.release().number();
        var release = cut.release();
        outbox.record(ReportingEventType.REPORT_RELEASED, round.partnershipId.toString(), "rounds/" + round.id,
                new ReportReleasedData(round.id, round.partnershipId, round.title, round.instrumentKey,
                        round.instrumentVersion, round.openedAt, "CLOSED".equals(round.status) ? round.closedAt : null,
                        new ReportReleasedData.Release(release.number(), release.cutAt(), release.respondents(),
                                release.trigger()),
                        shown ? PublicResultsOf.report(report, release) : null));
    }
}
