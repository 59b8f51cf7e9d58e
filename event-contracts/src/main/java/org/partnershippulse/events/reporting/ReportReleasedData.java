package org.partnershippulse.events.reporting;

import java.time.Instant;
import org.partnershippulse.events.publicstream.PublicResults;

/**
 * Data of report.released: a release of a round's results was cut. Carries the round (title, instrument key and
 * version, when it opened and closed) and the release's group figures exactly as the partnership's members read them
 * (the same suppression; the same shape as the public stream's figures, {@link PublicResults}); {@code figures} is
 * null when the release shows no results (fewer than the minimum responded). Never an individual answer, a
 * reflection or any free text: partnership-service keeps these figures as the partnership's own archive.
 *
 * @param closedAt null for an interim release of an open round
 */
public record ReportReleasedData(java.util.UUID roundId, java.util.UUID partnershipId, String title,
        String instrumentKey, int instrumentVersion, Instant openedAt, Instant closedAt, Release release,
        PublicResults figures) {

    /**
     * @param respondents respondents whose answers the release counts
     * @param trigger CLOSE or INTERIM
     */
    public record Release(int number, Instant cutAt, int respondents, String trigger) {
    }
}
