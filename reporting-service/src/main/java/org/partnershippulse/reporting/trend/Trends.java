package org.partnershippulse.reporting.trend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.partnershippulse.reporting.roundreport.RoundReport;
import org.partnershippulse.reporting.roundreport.RoundReportService.Dated;

/**
 * Builds a trend from the reports of successive rounds: sections and items are matched by key, whatever the
 * instrument version (keys are stable across versions); a round that lacks a key, or withheld it for privacy, has
 * a null point. Only what each round's report shows goes into the trend, so no privacy rule is bypassed.
 */
public final class Trends {

    private Trends() {
    }

    public static Trend of(UUID partnershipId, String instrumentKey, List<Dated> rounds) {
        List<Trend.TrendRound> out = rounds.stream().map(d -> {
            RoundReport r = d.report();
            return new Trend.TrendRound(r.roundId(), r.title(), r.instrumentVersion(), d.openedAt(), d.closedAt(),
                    r.release(), r.participation().responded(), r.participation().rate(), r.resultsWithheld());
        }).toList();
        List<RoundReport> reports = rounds.stream().map(Dated::report).toList();
        List<Trend.Series> sections = series(reports, r -> {
            Map<String, Value> values = new LinkedHashMap<>();
            r.sections().forEach(s -> values.put(s.key(), new Value(s.title(), s.meanScore())));
            return values;
        });
        List<Trend.Series> items = series(reports, r -> {
            Map<String, Value> values = new LinkedHashMap<>();
            r.items().stream().filter(i -> "ORDINAL".equals(i.scaleType()))
                    .forEach(i -> values.put(i.itemKey(), new Value(i.text(), i.mean())));
            return values;
        });
        return new Trend(partnershipId, instrumentKey, out, sections, items);
    }

    private record Value(String text, Double value) {
    }

    private static List<Trend.Series> series(List<RoundReport> reports, Function<RoundReport, Map<String, Value>> values) {
        List<Map<String, Value>> perRound = reports.stream().map(values).toList();
        // Keys in the order of the latest round that has them; texts from the latest round too.
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = perRound.size() - 1; i >= 0; i--) {
            perRound.get(i).forEach((key, v) -> keys.putIfAbsent(key, v.text()));
        }
        Map<String, Integer> latestOrder = new HashMap<>();
        keys.keySet().forEach(k -> latestOrder.put(k, latestOrder.size()));
        List<Trend.Series> out = new ArrayList<>();
        keys.forEach((key, text) -> {
            List<Trend.Point> points = new ArrayList<>();
            Double first = null;
            Double last = null;
            for (int i = 0; i < reports.size(); i++) {
                Value v = perRound.get(i).get(key);
                Double value = v == null ? null : v.value();
                points.add(new Trend.Point(reports.get(i).roundId(), value));
                if (value != null) {
                    first = first == null ? value : first;
                    last = value;
                }
            }
            Double change = first == null ? null : Math.round((last - first) * 10_000d) / 10_000d;
            out.add(new Trend.Series(key, text, points, change));
        });
        return out;
    }
}
