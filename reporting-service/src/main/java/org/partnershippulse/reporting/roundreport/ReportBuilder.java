package org.partnershippulse.reporting.roundreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.partnershippulse.reporting.release.ReflectionRow;
import org.partnershippulse.reporting.round.CountDeltas;
import org.partnershippulse.reporting.round.CountDeltas.Group;
import org.partnershippulse.reporting.round.InstrumentSnapshot;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Item;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Option;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Scale;
import org.partnershippulse.reporting.round.InstrumentSnapshot.Section;
import org.partnershippulse.reporting.roundreport.RoundReport.AgendaPoint;
import org.partnershippulse.reporting.roundreport.RoundReport.DimensionPlacement;
import org.partnershippulse.reporting.roundreport.RoundReport.DimensionRow;
import org.partnershippulse.reporting.roundreport.RoundReport.Dimensions;
import org.partnershippulse.reporting.roundreport.RoundReport.GroupMean;
import org.partnershippulse.reporting.roundreport.RoundReport.GroupParticipation;
import org.partnershippulse.reporting.roundreport.RoundReport.Highlights;
import org.partnershippulse.reporting.roundreport.RoundReport.ItemRef;
import org.partnershippulse.reporting.roundreport.RoundReport.ItemResult;
import org.partnershippulse.reporting.roundreport.RoundReport.OptionCount;
import org.partnershippulse.reporting.roundreport.RoundReport.Participation;
import org.partnershippulse.reporting.roundreport.RoundReport.Recommendation;
import org.partnershippulse.reporting.roundreport.RoundReport.ReflectionGroup;
import org.partnershippulse.reporting.roundreport.RoundReport.SectionResult;
import org.partnershippulse.reporting.roundreport.RoundReport.SectorDifference;
import org.partnershippulse.reporting.suppression.Suppression;

/**
 * Computes a round report from its inputs: plain Java, no I/O. Privacy rules applied throughout: with fewer
 * respondents than the minimum only participation is shown; breakdowns show only groups that {@link Suppression}
 * allows; an item answered by fewer than the minimum is withheld and left out of every aggregate.
 */
public final class ReportBuilder {

    /** Strengths, priorities: the 3–4 items the Step 3 review asks for. */
    public static final int HIGHLIGHTS = 4;
    public static final int DIVERGENT = 5;
    /** A strength leans to the top of its scale: its mean is in the upper half. */
    public static final double STRENGTH_AT_LEAST = 0.5;
    public static final int SECTOR_DIFFERENCES = 5;
    /** A section whose mean is in the lower half of its scale is low: its WestEd "Things to try" are listed. */
    public static final double LOW_SECTION_BELOW = 0.5;
    /** A PAI element with at least this share of "Needs Immediate Attention" gets the BCR guidelines mapped to it. */
    public static final double ATTENTION_SHARE_AT_LEAST = 0.25;

    public static final String WESTED = "WESTED_THINGS_TO_TRY";
    public static final String BCR = "BCR_GUIDELINE";

    private final ReportInput in;
    private final InstrumentSnapshot instrument;
    private final int minimum;
    private final String language;

    private ReportBuilder(ReportInput in) {
        this.in = in;
        this.instrument = in.instrument();
        this.minimum = in.minimumGroupSize();
        this.language = in.language();
    }

    public static RoundReport build(ReportInput in) {
        return new ReportBuilder(in).build();
    }

    private RoundReport build() {
        long responded = in.respondents().getOrDefault(Group.EVERYONE, 0L);
        Set<String> shownSectors = new TreeSet<>();
        Participation participation = participation(responded, shownSectors);
        boolean withheld = responded < minimum;
        if (withheld) {
            Highlights none = new Highlights(List.of(), List.of(), List.of());
            return new RoundReport(in.roundId(), in.partnershipId(), in.partnershipName(), in.title(), in.instrumentKey(),
                    in.instrumentVersion(), in.status(), in.release(), language, minimum, true, participation, List.of(), List.of(),
                    none, List.of(), agenda(List.of(), none, List.of()), List.of(), null, List.of(), List.of(), method());
        }
        if (personal(instrument)) {
            Highlights none = new Highlights(List.of(), List.of(), List.of());
            return new RoundReport(in.roundId(), in.partnershipId(), in.partnershipName(), in.title(), in.instrumentKey(),
                    in.instrumentVersion(), in.status(), in.release(), language, minimum, false, participation, List.of(), List.of(),
                    none, List.of(), List.of(), List.of(), null, List.of(), coverage(), method());
        }
        List<ItemResult> items = items();
        Map<String, ItemResult> byKey = items.stream().collect(Collectors.toMap(ItemResult::itemKey, i -> i, (a, b) -> a, LinkedHashMap::new));
        List<SectionResult> sections = sections(byKey);
        Highlights highlights = highlights(items);
        List<SectorDifference> differences = sectorDifferences(items, shownSectors);
        return new RoundReport(in.roundId(), in.partnershipId(), in.partnershipName(), in.title(), in.instrumentKey(),
                in.instrumentVersion(), in.status(), in.release(), language, minimum, false, participation, items, sections, highlights,
                differences, agenda(items, highlights, differences), recommendations(sections, byKey),
                dimensions(byKey), reflections(), List.of(), method());
    }

    /** A personal instrument (kind PERSONAL): each person's answers describe themselves, not the partnership. */
    public static boolean personal(InstrumentSnapshot instrument) {
        return "PERSONAL".equals(instrument.kind());
    }

    // Coverage (personal instruments) -------------------------------------------------------------------------

    /** Per ordinal item: how many chose one of the scale's two highest options (4–5 on the leadership scale). */
    private List<RoundReport.Coverage> coverage() {
        List<RoundReport.Coverage> out = new ArrayList<>();
        Map<String, Map<String, Long>> everyone = in.answersOf(Group.EVERYONE);
        for (Section section : instrument.sections()) {
            for (Item item : section.items()) {
                Optional<Scale> scale = instrument.scale(item.scale());
                if (scale.isEmpty() || !InstrumentSnapshot.ORDINAL.equals(scale.get().type()) || scale.get().byScore().size() < 2) {
                    continue;
                }
                List<Option> byScore = scale.get().byScore();
                List<String> high = byScore.subList(byScore.size() - 2, byScore.size()).stream().map(Option::value).toList();
                Map<String, Long> counts = everyone.getOrDefault(item.key(), Map.of());
                long responses = counts.values().stream().mapToLong(Long::longValue).sum();
                String text = InstrumentSnapshot.text(item.text(), language);
                if (responses < minimum) {
                    out.add(new RoundReport.Coverage(section.key(), item.key(), text, (int) responses, true, high, null, null));
                } else {
                    long rated = high.stream().mapToLong(v -> counts.getOrDefault(v, 0L)).sum();
                    out.add(new RoundReport.Coverage(section.key(), item.key(), text, (int) responses, false, high, rated,
                            ItemScoring.share(rated, responses)));
                }
            }
        }
        return out;
    }

    // Participation ------------------------------------------------------------------------------------------

    private Participation participation(long responded, Set<String> shownSectorsOut) {
        List<GroupParticipation> bySector = List.of();
        List<GroupParticipation> byRole = List.of();
        int hiddenSectors = 0;
        int hiddenRoles = 0;
        if (in.allowedBreakdowns().contains("SECTOR")) {
            Breakdown b = breakdown(CountDeltas.SECTOR, in.invitedBySector(), responded);
            bySector = b.shown();
            hiddenSectors = b.hidden();
            bySector.forEach(g -> shownSectorsOut.add(g.group()));
        }
        if (in.allowedBreakdowns().contains("ROLE")) {
            Breakdown b = breakdown(CountDeltas.ROLE, in.invitedByRole(), responded);
            byRole = b.shown();
            hiddenRoles = b.hidden();
        }
        return new Participation(in.invitedCount(), (int) responded, rate(responded, in.invitedCount()), bySector, byRole,
                hiddenSectors, hiddenRoles);
    }

    private record Breakdown(List<GroupParticipation> shown, int hidden) {
    }

    private Breakdown breakdown(String breakdown, Map<String, Integer> invited, long responded) {
        Map<String, Long> counts = groupCounts(breakdown);
        // Without a single shown group there is nothing to break down.
        if (responded < minimum) {
            Set<String> all = new TreeSet<>(counts.keySet());
            all.addAll(invited.keySet());
            return new Breakdown(List.of(), all.size());
        }
        Set<String> shown = Suppression.shown(counts, responded, minimum, null);
        Set<String> all = new TreeSet<>(counts.keySet());
        all.addAll(invited.keySet());
        List<GroupParticipation> out = shown.stream().map(g -> {
            Integer inv = invited.get(g);
            long n = counts.getOrDefault(g, 0L);
            return new GroupParticipation(g, inv, (int) n, inv == null ? null : rate(n, inv));
        }).toList();
        return new Breakdown(out, (int) all.stream().filter(g -> !shown.contains(g)).count());
    }

    private Map<String, Long> groupCounts(String breakdown) {
        Map<String, Long> counts = new TreeMap<>();
        in.respondents().forEach((group, n) -> {
            if (group.breakdown().equals(breakdown) && n > 0) {
                counts.put(group.key(), n);
            }
        });
        return counts;
    }

    private static Double rate(long responded, long invited) {
        return invited <= 0 ? null : ItemScoring.round((double) responded / invited);
    }

    // Items and sections ---------------------------------------------------------------------------------------

    private List<ItemResult> items() {
        List<ItemResult> out = new ArrayList<>();
        Map<String, Map<String, Long>> everyone = in.answersOf(Group.EVERYONE);
        for (Section section : instrument.sections()) {
            for (Item item : section.items()) {
                Optional<Scale> scale = instrument.scale(item.scale());
                if (scale.isEmpty() || InstrumentSnapshot.FREE_TEXT.equals(scale.get().type())) {
                    continue;
                }
                out.add(ItemScoring.score(section.key(), item, scale.get(), everyone.get(item.key()), minimum, language));
            }
        }
        return out;
    }

    private List<SectionResult> sections(Map<String, ItemResult> items) {
        List<SectionResult> out = new ArrayList<>();
        for (Section section : instrument.sections()) {
            List<ItemResult> rated = section.items().stream().map(i -> items.get(i.key()))
                    .filter(r -> r != null && !r.withheld() && !InstrumentSnapshot.NUMERIC.equals(r.scaleType())).toList();
            if (rated.isEmpty()) {
                continue;
            }
            Map<String, OptionCount> merged = new LinkedHashMap<>();
            long answers = 0;
            double scoreSum = 0;
            long scored = 0;
            for (ItemResult r : rated) {
                answers += r.responses();
                for (OptionCount o : r.distribution()) {
                    merged.merge(o.value(), new OptionCount(o.value(), o.label(), o.score(), o.count(), 0),
                            (a, b) -> new OptionCount(a.value(), a.label(), a.score(), a.count() + b.count(), 0));
                    if (InstrumentSnapshot.ORDINAL.equals(r.scaleType()) && o.score() != null) {
                        scoreSum += o.score() * (double) o.count();
                        scored += o.count();
                    }
                }
            }
            long total = answers;
            List<OptionCount> distribution = merged.values().stream()
                    .map(o -> new OptionCount(o.value(), o.label(), o.score(), o.count(), ItemScoring.share(o.count(), total)))
                    .toList();
            Double mean = scored == 0 ? null : scoreSum / scored;
            Double normalised = null;
            Optional<Scale> scale = sectionScale(section);
            if (mean != null && scale.isPresent() && scale.get().byScore().size() > 1) {
                List<Option> byScore = scale.get().byScore();
                int lo = byScore.get(0).score();
                int hi = byScore.get(byScore.size() - 1).score();
                normalised = (mean - lo) / (hi - lo);
            }
            out.add(new SectionResult(section.key(), InstrumentSnapshot.text(section.title(), language), answers,
                    distribution, ItemScoring.round(mean), ItemScoring.round(normalised)));
        }
        return out;
    }

    /** The ordinal scale of a section's first ordinal item. */
    private Optional<Scale> sectionScale(Section section) {
        return section.items().stream().map(i -> instrument.scale(i.scale())).flatMap(Optional::stream)
                .filter(s -> InstrumentSnapshot.ORDINAL.equals(s.type())).findFirst();
    }

    // Strengths, priorities, divergences --------------------------------------------------------------------

    /** An ordinal item with the shares of its top and lowest options and its mean placed on 0..1. */
    private record Rated(ItemResult item, double top, double bottom, double normalisedMean) {
    }

    private List<Rated> ordinalItems(List<ItemResult> items) {
        List<Rated> out = new ArrayList<>();
        for (ItemResult item : items) {
            if (item.withheld() || item.mean() == null || !InstrumentSnapshot.ORDINAL.equals(item.scaleType())) {
                continue;
            }
            List<OptionCount> scored = item.distribution().stream().filter(o -> o.score() != null)
                    .sorted(Comparator.comparingInt(OptionCount::score)).toList();
            if (scored.size() < 2) {
                continue;
            }
            int lo = scored.get(0).score();
            int hi = scored.get(scored.size() - 1).score();
            out.add(new Rated(item, scored.get(scored.size() - 1).share(), scored.get(0).share(),
                    (item.mean() - lo) / (hi - lo)));
        }
        return out;
    }

    private Highlights highlights(List<ItemResult> items) {
        List<Rated> rated = ordinalItems(items);
        List<ItemRef> strengths = rated.stream().filter(r -> r.top() > 0 && r.normalisedMean() >= STRENGTH_AT_LEAST)
                .sorted(Comparator.comparingDouble(Rated::top).reversed()
                        .thenComparing(Comparator.comparingDouble((Rated r) -> r.item().mean()).reversed()))
                .limit(HIGHLIGHTS).map(r -> ref(r.item(), r.top())).toList();
        Set<String> strong = strengths.stream().map(ItemRef::itemKey).collect(Collectors.toSet());
        List<ItemRef> priorities = rated.stream().filter(r -> r.bottom() > 0 && !strong.contains(r.item().itemKey()))
                .sorted(Comparator.comparingDouble(Rated::bottom).reversed()
                        .thenComparingDouble(r -> r.item().mean()))
                .limit(HIGHLIGHTS).map(r -> ref(r.item(), r.bottom())).toList();
        List<ItemRef> divergent = items.stream().filter(ItemResult::divergent)
                .sorted(Comparator.comparingDouble(ItemResult::consensus))
                .limit(DIVERGENT).map(i -> ref(i, null)).toList();
        return new Highlights(strengths, priorities, divergent);
    }

    private static ItemRef ref(ItemResult item, Double share) {
        return new ItemRef(item.itemKey(), item.sectionKey(), item.text(), item.mean(), share, item.consensus());
    }

    /**
     * Per ordinal item, the mean of each sector that participation shows and that itself answered the item in
     * numbers at or above the minimum (suppression applied again per item, against the item's total).
     */
    private List<SectorDifference> sectorDifferences(List<ItemResult> items, Set<String> shownSectors) {
        if (shownSectors.size() < 2) {
            return List.of();
        }
        List<SectorDifference> out = new ArrayList<>();
        for (ItemResult item : items) {
            if (item.withheld() || item.mean() == null || !InstrumentSnapshot.ORDINAL.equals(item.scaleType())) {
                continue;
            }
            Map<String, Integer> scores = new HashMap<>();
            item.distribution().forEach(o -> {
                if (o.score() != null) {
                    scores.put(o.value(), o.score());
                }
            });
            Map<String, Long> responses = new TreeMap<>();
            Map<String, Double> means = new TreeMap<>();
            in.answers().forEach((group, byItem) -> {
                if (!group.breakdown().equals(CountDeltas.SECTOR)) {
                    return;
                }
                Map<String, Long> counts = byItem.getOrDefault(item.itemKey(), Map.of());
                long n = 0;
                double sum = 0;
                for (var e : counts.entrySet()) {
                    Integer score = scores.get(e.getKey());
                    if (score != null) {
                        n += e.getValue();
                        sum += score * (double) e.getValue();
                    }
                }
                if (n > 0) {
                    responses.put(group.key(), n);
                    means.put(group.key(), sum / n);
                }
            });
            Set<String> shown = Suppression.shown(responses, item.responses(), minimum, shownSectors);
            if (shown.size() < 2) {
                continue;
            }
            List<GroupMean> groups = shown.stream()
                    .map(g -> new GroupMean(g, responses.get(g), ItemScoring.round(means.get(g)))).toList();
            double max = groups.stream().mapToDouble(GroupMean::mean).max().orElse(0);
            double min = groups.stream().mapToDouble(GroupMean::mean).min().orElse(0);
            if (max - min > 0) {
                out.add(new SectorDifference(item.itemKey(), item.text(), ItemScoring.round(max - min), groups));
            }
        }
        out.sort(Comparator.comparingDouble(SectorDifference::spread).reversed());
        return out.size() > SECTOR_DIFFERENCES ? List.copyOf(out.subList(0, SECTOR_DIFFERENCES)) : out;
    }

    // Agenda ---------------------------------------------------------------------------------------------------

    /**
     * The Step 3 questions, each with the items that feed it: same view → the items of least consensus;
     * strengths → the strengths; disparate perspectives → the divergent items and those where sectors differ;
     * problematic attributes → the priorities.
     */
    private List<AgendaPoint> agenda(List<ItemResult> items, Highlights highlights, List<SectorDifference> differences) {
        Map<String, ItemResult> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.itemKey(), i));
        List<AgendaPoint> out = new ArrayList<>();
        for (ReportSeeds.Step3Question q : in.questions()) {
            List<ItemRef> feeding = switch (q.key()) {
                case "same-view" -> items.stream().filter(i -> i.consensus() != null)
                        .sorted(Comparator.comparingDouble(ItemResult::consensus)).limit(DIVERGENT)
                        .map(i -> ref(i, null)).toList();
                case "build-on-strengths" -> highlights.strengths();
                case "disparate-perspectives" -> {
                    Map<String, ItemRef> refs = new LinkedHashMap<>();
                    highlights.divergent().forEach(r -> refs.put(r.itemKey(), r));
                    differences.forEach(d -> refs.putIfAbsent(d.itemKey(), ref(byKey.get(d.itemKey()), null)));
                    yield List.copyOf(refs.values());
                }
                case "problematic-attributes" -> highlights.priorities();
                default -> List.of();
            };
            out.add(new AgendaPoint(q.key(), q.text(), feeding));
        }
        return out;
    }

    // Recommendations ------------------------------------------------------------------------------------------

    private List<Recommendation> recommendations(List<SectionResult> sections, Map<String, ItemResult> items) {
        List<Recommendation> out = new ArrayList<>();
        // WestEd: every "Things to try" of a low section, Start here before Go deeper.
        for (SectionResult s : sections) {
            if (s.normalisedScore() == null || s.normalisedScore() >= LOW_SECTION_BELOW) {
                continue;
            }
            String reason = "%s: mean %.2f, in the lower half of the scale".formatted(s.title(), s.meanScore());
            instrument.recommendations().stream().filter(r -> s.key().equals(r.section()))
                    .sorted(Comparator.comparing(r -> "START_HERE".equals(r.level()) ? 0 : 1))
                    .forEach(r -> out.add(new Recommendation(WESTED, List.of(s.key()), r.level(), s.title(),
                            InstrumentSnapshot.text(r.text(), language), reason)));
        }
        // BCR: the guidelines mapped to elements with a high share at the lowest option ("Needs Immediate Attention").
        Map<String, String> attention = new LinkedHashMap<>();
        for (Section section : instrument.sections()) {
            Optional<Scale> scale = sectionScale(section);
            if (scale.isEmpty() || scale.get().byScore().isEmpty()) {
                continue;
            }
            Option lowest = scale.get().byScore().get(0);
            long total = 0;
            long low = 0;
            for (Item item : section.items()) {
                ItemResult r = items.get(item.key());
                if (r == null || r.withheld() || !Objects.equals(item.scale(), scale.get().key())) {
                    continue;
                }
                total += r.responses();
                low += r.distribution().stream().filter(o -> o.value().equals(lowest.value())).mapToLong(OptionCount::count).sum();
            }
            if (total > 0 && (double) low / total >= ATTENTION_SHARE_AT_LEAST) {
                attention.put(section.key(), "%s: %d%% rated %s".formatted(InstrumentSnapshot.text(section.title(), language),
                        Math.round(100.0 * low / total), InstrumentSnapshot.text(lowest.label(), language)));
            }
        }
        for (ReportSeeds.BcrGuideline g : in.guidelines()) {
            List<String> hit = g.elements().stream().filter(attention::containsKey).toList();
            if (!hit.isEmpty()) {
                out.add(new Recommendation(BCR, hit, null, g.title(), g.text(),
                        hit.stream().map(attention::get).collect(Collectors.joining("; "))));
            }
        }
        return out;
    }

    // APHSA dimensions -------------------------------------------------------------------------------------------

    /** Rows are sections with a "…-today" and/or "…-aim" item on a scored scale (APHSA's four dimensions). */
    private Dimensions dimensions(Map<String, ItemResult> items) {
        List<DimensionRow> rows = new ArrayList<>();
        Scale dimensionScale = null;
        Map<String, Long> todayPool = new LinkedHashMap<>();
        Map<String, Long> aimPool = new LinkedHashMap<>();
        for (Section section : instrument.sections()) {
            Item today = section.items().stream().filter(i -> i.key().endsWith("-today")).findFirst().orElse(null);
            Item aim = section.items().stream().filter(i -> i.key().endsWith("-aim")).findFirst().orElse(null);
            if (today == null && aim == null) {
                continue;
            }
            Scale scale = instrument.scale((today != null ? today : aim).scale()).orElse(null);
            if (scale == null || scale.byScore().isEmpty()) {
                continue;
            }
            dimensionScale = scale;
            rows.add(new DimensionRow(section.key(), InstrumentSnapshot.text(section.title(), language),
                    placement(scale, today == null ? null : items.get(today.key()), todayPool),
                    placement(scale, aim == null ? null : items.get(aim.key()), aimPool)));
        }
        if (rows.isEmpty()) {
            return null;
        }
        DimensionPlacement overallToday = placement(dimensionScale, todayPool);
        DimensionPlacement overallAim = placement(dimensionScale, aimPool);
        String declared = in.declaredDimension();
        Integer declaredScore = declared == null ? null : dimensionScale.options().stream()
                .filter(o -> o.value().equals(declared)).map(Option::score).findFirst().orElse(null);
        String comparison;
        if (declaredScore == null || overallToday.meanScore() == null) {
            comparison = "UNKNOWN";
        } else if (declared.equals(overallToday.nearest())) {
            comparison = "MATCHES";
        } else {
            comparison = overallToday.meanScore() < declaredScore ? "BELOW_DECLARED" : "ABOVE_DECLARED";
        }
        return new Dimensions(declared, declaredScore, rows, overallToday, overallAim, comparison);
    }

    private static DimensionPlacement placement(Scale scale, ItemResult item, Map<String, Long> pool) {
        if (item == null || item.withheld()) {
            return new DimensionPlacement(item == null ? 0 : item.responses(), null, null);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        item.distribution().forEach(o -> counts.put(o.value(), o.count()));
        counts.forEach((k, v) -> pool.merge(k, v, Long::sum));
        return placement(scale, counts);
    }

    private static DimensionPlacement placement(Scale scale, Map<String, Long> counts) {
        long n = 0;
        double sum = 0;
        for (Option o : scale.byScore()) {
            long c = counts.getOrDefault(o.value(), 0L);
            n += c;
            sum += o.score() * (double) c;
        }
        if (n == 0) {
            return new DimensionPlacement(0, null, null);
        }
        double mean = sum / n;
        // Nearest dimension to the mean; a tie goes to the lower one (the more modest claim).
        Option nearest = scale.byScore().stream()
                .min(Comparator.comparingDouble((Option o) -> Math.abs(o.score() - mean)).thenComparingInt(Option::score))
                .orElseThrow();
        return new DimensionPlacement(n, ItemScoring.round(mean), nearest.value());
    }

    // Reflections ------------------------------------------------------------------------------------------------

    private List<ReflectionGroup> reflections() {
        Map<String, String> itemTexts = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Section s : instrument.sections()) {
            for (Item i : s.items()) {
                itemTexts.put(i.key(), InstrumentSnapshot.text(i.text(), language));
                order.put(i.key(), order.size());
            }
        }
        Map<List<String>, List<String>> grouped = new TreeMap<>(Comparator
                .comparing((List<String> k) -> order.getOrDefault(k.get(0), Integer.MAX_VALUE))
                .thenComparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        for (ReflectionRow r : in.reflections()) {
            grouped.computeIfAbsent(List.of(r.itemKey(), r.kind()), k -> new ArrayList<>()).add(r.text());
        }
        List<ReflectionGroup> out = new ArrayList<>();
        grouped.forEach((key, texts) -> out.add(new ReflectionGroup(key.get(0), itemTexts.get(key.get(0)), key.get(1),
                texts.stream().sorted().toList())));
        return out;
    }

    private static RoundReport.Method method() {
        return new RoundReport.Method(
                "Ordinal items: Tastle–Wierman consensus 1 + Σ p_i·log2(1 − |X_i − μ|/d), d = highest − lowest option "
                        + "score. Categorical items: 1 − H/log2(k), H the Shannon entropy of the shares, k the options.",
                Consensus.DIVERGENT_BELOW,
                Suppression.METHOD + " Items answered by fewer than the minimum are withheld and left out of every "
                        + "aggregate; with fewer respondents than the minimum only participation is shown.",
                "Ordinal items whose mean is in the upper half of the scale, by share of the top option, then highest "
                        + "mean; at most " + HIGHLIGHTS + ".",
                "Other ordinal items chosen at the lowest option (e.g. Needs Immediate Attention), by that share, then "
                        + "lowest mean; at most " + HIGHLIGHTS + ".",
                LOW_SECTION_BELOW, ATTENTION_SHARE_AT_LEAST);
    }
}
