package org.partnershippulse.reporting.roundreport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.partnershippulse.reporting.release.ReflectionRow;
import org.partnershippulse.reporting.release.ReleaseRef;
import org.partnershippulse.reporting.round.CountDeltas.Group;
import org.partnershippulse.reporting.round.InstrumentSnapshot;

/** Everything a round report is computed from, read from the round's latest release (a bounded number of rows). */
public record ReportInput(
        UUID roundId, UUID partnershipId, String partnershipName, String title, String instrumentKey,
        int instrumentVersion, String status, int minimumGroupSize, Set<String> allowedBreakdowns,
        String declaredDimension, int invitedCount, Map<String, Integer> invitedBySector,
        Map<String, Integer> invitedByRole, InstrumentSnapshot instrument,
        /* respondents per group */
        Map<Group, Long> respondents,
        /* group → item key → option value → answers */
        Map<Group, Map<String, Map<String, Long>>> answers,
        List<ReflectionRow> reflections,
        List<ReportSeeds.Step3Question> questions,
        List<ReportSeeds.BcrGuideline> guidelines,
        String language,
        /* the release these figures are frozen in; null before the first (then there are no figures) */
        ReleaseRef release) {

    public Map<String, Map<String, Long>> answersOf(Group group) {
        return answers.getOrDefault(group, Map.of());
    }
}
