package org.partnershippulse.reporting.publicstream;

import java.util.List;
import org.partnershippulse.events.publicstream.PublicResults;
import org.partnershippulse.reporting.release.Release;
import org.partnershippulse.reporting.roundreport.RoundReport;

/**
 * The public form of a release's report: its group figures only. Everything with text a person wrote (reflections,
 * notes) is left out, and so is what is derived for the group's discussion (highlights, agenda, recommendations):
 * subscribers can compute those from the figures. Plain Java, no I/O.
 */
public final class PublicResultsOf {

    private PublicResultsOf() {
    }

    public static PublicResults report(RoundReport r, Release release) {
        RoundReport.Participation p = r.participation();
        return new PublicResults(r.roundId(), r.partnershipId(), r.instrumentKey(), r.instrumentVersion(),
                new PublicResults.Release(release.number(), release.cutAt(), release.trigger()), r.minimumGroupSize(),
                new PublicResults.Participation(p.invited(), p.responded(), p.rate(), groups(p.bySector()),
                        groups(p.byRole()), p.hiddenSectorGroups(), p.hiddenRoleGroups()),
                r.items().stream().map(i -> new PublicResults.Item(i.sectionKey(), i.itemKey(), i.scaleType(),
                        i.responses(), i.withheld(), i.withheld() ? List.of() : i.distribution().stream()
                                .map(o -> new PublicResults.OptionCount(o.value(), o.count(), o.share())).toList(),
                        i.mean(), i.median(), i.consensus())).toList(),
                r.sections().stream().map(s -> new PublicResults.Section(s.key(), s.answers(), s.meanScore(),
                        s.normalisedScore())).toList(),
                r.sectorDifferences().stream().map(d -> new PublicResults.SectorDifference(d.itemKey(), d.spread(),
                        d.sectors().stream().map(g -> new PublicResults.GroupMean(g.group(), g.responses(), g.mean()))
                                .toList())).toList(),
                r.coverage().stream().map(c -> new PublicResults.Coverage(c.sectionKey(), c.itemKey(), c.responses(),
                        c.withheld(), c.highOptions(), c.ratedHigh(), c.share())).toList());
    }

    private static List<PublicResults.Group> groups(List<RoundReport.GroupParticipation> groups) {
        return groups.stream().map(g -> new PublicResults.Group(g.group(), g.invited(), g.responded(), g.rate())).toList();
    }
}
