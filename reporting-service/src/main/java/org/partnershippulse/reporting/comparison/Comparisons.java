package org.partnershippulse.reporting.comparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.partnershippulse.reporting.comparison.Comparison.Change;
import org.partnershippulse.reporting.comparison.Comparison.Side;
import org.partnershippulse.reporting.comparison.Comparison.Values;
import org.partnershippulse.reporting.roundreport.ItemScoring;
import org.partnershippulse.reporting.roundreport.RoundReport;
import org.partnershippulse.reporting.roundreport.RoundReport.OptionCount;
import org.partnershippulse.reporting.roundreport.RoundReportService.Dated;

/**
 * Compares two round reports: sections and items matched by key, whatever the instrument versions. Only what each
 * report shows is compared, so an item withheld in a round stays withheld here (no values, no change).
 */
public final class Comparisons {

    private Comparisons() {
    }

    public static Comparison of(Dated from, Dated to) {
        RoundReport a = from.report();
        RoundReport b = to.report();
        List<Change> sections = changes(a, b, r -> {
            Map<String, Entry> out = new LinkedHashMap<>();
            r.sections().forEach(s -> out.put(s.key(), new Entry(null, s.title(),
                    new Values(s.answers(), false, s.meanScore(), topShare(s.distribution())))));
            return out;
        });
        List<Change> items = changes(a, b, r -> {
            Map<String, Entry> out = new LinkedHashMap<>();
            r.items().forEach(i -> out.put(i.itemKey(), new Entry(i.sectionKey(), i.text(), i.withheld()
                    ? new Values(i.responses(), true, null, null)
                    : new Values(i.responses(), false, i.mean(), topShare(i.distribution())))));
            return out;
        });
        return new Comparison(b.partnershipId(), b.instrumentKey(), side(from), side(to), sections, items);
    }

    private record Entry(String sectionKey, String text, Values values) {
    }

    private static List<Change> changes(RoundReport a, RoundReport b, Function<RoundReport, Map<String, Entry>> entries) {
        Map<String, Entry> before = entries.apply(a);
        Map<String, Entry> after = entries.apply(b);
        List<String> keys = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(keys::add);
        List<Change> out = new ArrayList<>();
        for (String key : keys) {
            Entry x = before.get(key);
            Entry y = after.get(key);
            Entry named = y != null ? y : x;
            Values vx = x == null ? null : x.values();
            Values vy = y == null ? null : y.values();
            out.add(new Change(key, named.sectionKey(), named.text(), vx, vy,
                    difference(vx, vy, Values::mean), difference(vx, vy, Values::topShare)));
        }
        return out;
    }

    private static Double difference(Values x, Values y, Function<Values, Double> value) {
        if (x == null || y == null || value.apply(x) == null || value.apply(y) == null) {
            return null;
        }
        return ItemScoring.round(value.apply(y) - value.apply(x));
    }

    /** The share of the highest-scored option; null for a scale without scores or without answers. */
    static Double topShare(List<OptionCount> distribution) {
        return distribution.stream().filter(o -> o.score() != null).max(Comparator.comparingInt(OptionCount::score))
                .map(o -> ItemScoring.round(o.share())).orElse(null);
    }

    private static Side side(Dated d) {
        RoundReport r = d.report();
        return new Side(r.roundId(), r.title(), r.instrumentVersion(), d.openedAt(), d.closedAt(),
                r.release(), r.participation().invited(), r.participation().responded(), r.participation().rate(), r.resultsWithheld());
    }
}
