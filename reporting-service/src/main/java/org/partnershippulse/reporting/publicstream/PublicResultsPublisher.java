package org.partnershippulse.reporting.publicstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.partnershippulse.events.publicstream.PublicEventType;
import org.partnershippulse.kit.events.Outbox;
import org.partnershippulse.projection.PartnershipView;
import org.partnershippulse.reporting.release.ReleaseCut;
import org.partnershippulse.reporting.round.RoundView;
import org.partnershippulse.reporting.roundreport.RoundReport;
import org.partnershippulse.reporting.roundreport.RoundReportService;

/**
 * Publishes a cut release's results on the public stream, in the cut's transaction (through the outbox), when the
 * partnership shares its results publicly at that moment. The figures are those of the report members read for this
 * release ({@link RoundReportService#build}), so suppression is exactly the release's; {@link PublicResultsOf} keeps
 * only the group figures. A release that shows no results (fewer respondents than the minimum) publishes nothing.
 */
@ApplicationScoped
public class PublicResultsPublisher {

    private static final Logger LOG = Logger.getLogger(PublicResultsPublisher.class);

    @Inject
    RoundReportService reports;

    @Inject
    Outbox outbox;

    void released(@Observes ReleaseCut cut) {
        RoundView round = RoundView.findById(cut.roundId());
        if (round == null) {
            return;
        }
        PartnershipView partnership = PartnershipView.findById(round.partnershipId);
        if (partnership == null || !partnership.sharesResultsPublicly) {
            return;
        }
        RoundReport report = reports.build(round, "en");
        if (report.resultsWithheld() || report.release() == null || report.release().number() != cut.release().number()) {
            LOG.debugf("Round %s release %d: no public results (withheld)", round.id, cut.release().number());
            return;
        }
        outbox.record(PublicEventType.ROUND_RESULTS_RELEASED, round.partnershipId.toString(), "rounds/" + round.id,
                PublicResultsOf.report(report, cut.release()));
    }
}
