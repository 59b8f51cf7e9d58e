package org.partnershippulse.system.differencing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides by computation what a reader can derive from everything they read. Each respondent's answer at each of
 * their revisions is a vector of unknowns, one per item and option (1 for the chosen option, else 0: one-hot, so a
 * mean is a weighted sum of the same unknowns). Every figure a read shows is a linear observation of them: a sum
 * over the respondents the figure counted (distribution counts, means × n, sector means × n, section totals). A
 * reader also knows their own answers and that everyone chose one option per item.
 *
 * <p>Something is derived when it lies in the row space of all the reader's observations:
 * <ul>
 * <li>an individual: any fact about one respondent's answers (any revision, or a change between revisions) beyond
 *     "one option per item";</li>
 * <li>a group below the minimum: the count of an option among the respondents of a declared group (sector, role,
 *     everyone) that had fewer respondents than the minimum in a set of respondents some read counted;</li>
 * <li>a reflection's author: a text that is in some reads and not in others, so that only one respondent can
 *     have written it (two reads whose respondents differ by one person are the simplest case).</li>
 * </ul>
 * Exact linear algebra over GF(2^61 − 1) ({@link Basis}). Only linear figures are modelled: medians and consensus
 * are not (they could only narrow things further, never hide what the linear figures give away), and neither is
 * that an answer is 0 or 1 — so a unanimous group, a documented limit of any distribution report, is not counted.
 */
public final class Differencing {

    /** A respondent's answers as they stood at one revision (1 = first submission). */
    public record Version(String respondent, int revision) {
        @Override
        public String toString() {
            return respondent + "@" + revision;
        }
    }

    /** One unknown of an answer: whether the answer to the item is the option. */
    public record Feature(String item, String option) {
    }

    /** What a reader can derive, and from which reads. */
    public record Derivation(String observer, String victim, String item, String what, List<String> sources) {
        @Override
        public String toString() {
            return observer + " derives " + what + " (from " + sources.size() + " reads: "
                    + String.join("; ", sources.subList(0, Math.min(6, sources.size()))) + (sources.size() > 6 ? "; …" : "") + ")";
        }
    }

    private record Key(Set<Version> group, Map<Feature, Long> functional) {
    }

    private record Texts(String source, Set<Version> group, String item, Set<String> texts) {
    }

    private static final class Reader {
        final String respondent;
        final Map<Key, List<String>> observations = new LinkedHashMap<>();
        final List<Texts> texts = new ArrayList<>();
        final Set<String> ownTexts = new LinkedHashSet<>();

        Reader(String respondent) {
            this.respondent = respondent;
        }
    }

    private static final String EVERYONE = "everyone";

    private final int minimum;
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final Map<String, Reader> readers = new LinkedHashMap<>();

    /** @param optionsByItem the options of every rated item (the one-hot unknowns of an answer) */
    public Differencing(int minimum, Map<String, List<String>> optionsByItem) {
        this.minimum = minimum;
        optionsByItem.forEach((item, opts) -> options.put(item, List.copyOf(opts)));
    }

    /** A group reports may break results down by (a sector, a role): never to be derived below the minimum. */
    public Differencing group(String name, Collection<String> respondents) {
        groups.put(name, Set.copyOf(respondents));
        return this;
    }

    /** A reader; {@code respondent} is who they are among the respondents (they know those answers), or null. */
    public Differencing reader(String name, String respondent) {
        readers.computeIfAbsent(name, n -> new Reader(respondent));
        return this;
    }

    /** The count of each option of the item among the group: a distribution. */
    public void distribution(String reader, String source, Collection<Version> group, String item) {
        for (String option : options.getOrDefault(item, List.of())) {
            observe(reader, source, group, Map.of(new Feature(item, option), 1L));
        }
    }

    /** A weighted sum over the group, e.g. an item's mean × responses with the option scores as weights. */
    public void sum(String reader, String source, Collection<Version> group, String item, Map<String, Long> weightByOption) {
        Map<Feature, Long> f = new LinkedHashMap<>();
        weightByOption.forEach((o, w) -> f.put(new Feature(item, o), w));
        observe(reader, source, group, f);
    }

    /** Any linear observation: Σ over the group of Σ coefficient × unknown. */
    public void observe(String reader, String source, Collection<Version> group, Map<Feature, Long> functional) {
        Map<Feature, Long> f = new TreeMap<>((a, b) -> a.item().equals(b.item()) ? a.option().compareTo(b.option()) : a.item().compareTo(b.item()));
        functional.forEach((k, v) -> {
            if (v != 0) {
                f.merge(k, v, Long::sum);
            }
        });
        if (f.isEmpty() || group.isEmpty()) {
            return;
        }
        for (Feature feature : f.keySet()) {
            List<String> known = options.computeIfAbsent(feature.item(), i -> new ArrayList<>());
            if (!known.contains(feature.option())) {
                List<String> more = new ArrayList<>(known);
                more.add(feature.option());
                options.put(feature.item(), more);
            }
        }
        reader(reader).observations.computeIfAbsent(new Key(Set.copyOf(group), Map.copyOf(f)), k -> new ArrayList<>()).add(source);
    }

    /** The free-text answers to the item a read showed for the group (all of them, possibly none). */
    public void texts(String reader, String source, Collection<Version> group, String item, Collection<String> texts) {
        reader(reader).texts.add(new Texts(source, Set.copyOf(group), item, Set.copyOf(texts)));
    }

    /** A text the reader wrote themself. */
    public void ownText(String reader, String text) {
        reader(reader).ownTexts.add(text);
    }

    public int observations() {
        return readers.values().stream().mapToInt(r -> r.observations.size() + r.texts.size()).sum();
    }

    private Reader reader(String name) {
        Reader r = readers.get(name);
        if (r == null) {
            throw new IllegalArgumentException("unknown reader " + name);
        }
        return r;
    }

    public List<Derivation> derivations() {
        List<Derivation> out = new ArrayList<>();
        readers.forEach((name, reader) -> {
            out.addAll(linear(name, reader));
            out.addAll(authors(name, reader));
        });
        return out;
    }

    // --------------------------------------------------------------------------------------- figures (linear)

    /**
     * Items are independent unless a figure spans several (a section's totals): those join their items into one
     * block, unless the items' own figures already give them (then they add nothing and are left out).
     */
    private List<Derivation> linear(String name, Reader reader) {
        Map<String, List<Key>> single = new LinkedHashMap<>();
        List<Key> multi = new ArrayList<>();
        reader.observations.keySet().forEach(k -> {
            Set<String> items = items(k);
            if (items.size() == 1) {
                single.computeIfAbsent(items.iterator().next(), i -> new ArrayList<>()).add(k);
            } else {
                multi.add(k);
            }
        });
        Map<String, Space> itemSpaces = new HashMap<>();
        single.forEach((item, keys) -> itemSpaces.put(item, new Space(Set.of(item), keys, reader.respondent)));
        Map<String, String> parent = new HashMap<>();
        List<Key> coupling = new ArrayList<>();
        for (Key k : multi) {
            boolean implied = true;
            for (String item : items(k)) {
                Space s = itemSpaces.get(item);
                Map<Feature, Long> part = new LinkedHashMap<>();
                k.functional().forEach((f, c) -> {
                    if (f.item().equals(item)) {
                        part.put(f, c);
                    }
                });
                implied &= s != null && s.implies(new Key(k.group(), part));
            }
            if (!implied) {
                coupling.add(k);
                String first = null;
                for (String item : items(k)) {
                    if (first == null) {
                        first = find(parent, item);
                    } else {
                        parent.put(find(parent, item), first);
                    }
                }
            }
        }
        Map<String, Set<String>> blocks = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>(single.keySet());
        coupling.forEach(k -> all.addAll(items(k)));
        all.forEach(item -> blocks.computeIfAbsent(find(parent, item), r -> new TreeSet<>()).add(item));

        List<Derivation> out = new ArrayList<>();
        for (Set<String> block : blocks.values()) {
            List<Key> keys = new ArrayList<>();
            block.forEach(i -> keys.addAll(single.getOrDefault(i, List.of())));
            coupling.stream().filter(k -> block.containsAll(items(k))).forEach(keys::add);
            Space space = block.size() == 1 && itemSpaces.containsKey(block.iterator().next())
                    ? itemSpaces.get(block.iterator().next()) : new Space(block, keys, reader.respondent);
            out.addAll(space.individuals(name, reader));
            out.addAll(space.groups(name, reader));
        }
        return out;
    }

    private static String find(Map<String, String> parent, String item) {
        String p = parent.getOrDefault(item, item);
        return p.equals(item) ? item : find(parent, p);
    }

    private static Set<String> items(Key k) {
        return k.functional().keySet().stream().map(Feature::item).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The observations of one block of items, as rows over (version, feature), with "one option per item". */
    private final class Space {
        final Set<String> items;
        final List<Key> keys;
        final String self;
        final List<Version> versions = new ArrayList<>();
        final Map<Version, Map<Feature, Integer>> columns = new LinkedHashMap<>();
        final Basis basis;
        int width;

        Space(Set<String> items, List<Key> keys, String self) {
            this.items = items;
            this.keys = keys;
            this.self = self;
            Set<Version> seen = new TreeSet<>((a, b) -> a.respondent().equals(b.respondent())
                    ? Integer.compare(a.revision(), b.revision()) : a.respondent().compareTo(b.respondent()));
            keys.forEach(k -> seen.addAll(k.group()));
            seen.removeIf(v -> v.respondent().equals(self)); // the reader's own answers are known values, not unknowns
            versions.addAll(seen);
            for (Version v : versions) {
                Map<Feature, Integer> cols = new LinkedHashMap<>();
                for (String item : items) {
                    for (String option : options.getOrDefault(item, List.of())) {
                        cols.put(new Feature(item, option), width++);
                    }
                }
                columns.put(v, cols);
            }
            basis = new Basis(width);
            for (Version v : versions) { // everyone chose exactly one option of each item
                for (String item : items) {
                    long[] row = new long[width];
                    for (String option : options.getOrDefault(item, List.of())) {
                        row[columns.get(v).get(new Feature(item, option))] = 1;
                    }
                    basis.add(row);
                }
            }
            keys.forEach(k -> basis.add(row(k)));
        }

        long[] row(Key k) {
            long[] row = new long[width];
            for (Version v : k.group()) {
                Map<Feature, Integer> cols = columns.get(v);
                if (cols == null) {
                    continue; // the reader's own answer
                }
                k.functional().forEach((f, c) -> {
                    Integer col = cols.get(f);
                    if (col != null) {
                        row[col] = Basis.normal(row[col] + c);
                    }
                });
            }
            return row;
        }

        boolean implies(Key k) {
            for (Version v : k.group()) {
                if (!v.respondent().equals(self) && !columns.containsKey(v)) {
                    return false;
                }
            }
            return basis.spans(row(k));
        }

        List<Derivation> individuals(String reader, Reader r) {
            List<Derivation> out = new ArrayList<>();
            Map<String, List<Version>> byRespondent = versions.stream().collect(Collectors.groupingBy(Version::respondent,
                    LinkedHashMap::new, Collectors.toList()));
            byRespondent.forEach((respondent, own) -> {
                boolean[] mask = new boolean[width];
                own.forEach(v -> columns.get(v).values().forEach(c -> mask[c] = true));
                int facts = basis.rank() - basis.without(mask).rank() - own.size() * items.size();
                if (facts <= 0) {
                    return;
                }
                List<String> found = new ArrayList<>();
                String item = items.iterator().next();
                for (Version v : own) {
                    columns.get(v).forEach((f, c) -> {
                        long[] unit = new long[width];
                        unit[c] = 1;
                        if (basis.spans(unit)) {
                            found.add(f.item() + " = " + f.option() + "? at revision " + v.revision());
                        }
                    });
                }
                // name only the options that were chosen would need the answers: say which unknowns are determined
                String what = found.isEmpty()
                        ? facts + " fact(s) about " + respondent + "'s answers to " + items + " (e.g. a change between revisions)"
                        : respondent + "'s answer to " + items + ": " + found.size() + " option indicator(s) determined ("
                        + String.join(", ", found.subList(0, Math.min(4, found.size()))) + (found.size() > 4 ? ", …" : "") + ")";
                out.add(new Derivation(reader, respondent, item, what, sources(r, respondent)));
            });
            return out;
        }

        List<Derivation> groups(String reader, Reader r) {
            List<Derivation> out = new ArrayList<>();
            Map<String, Set<String>> declared = new LinkedHashMap<>(groups);
            Set<String> everyone = new TreeSet<>();
            keys.forEach(k -> k.group().forEach(v -> everyone.add(v.respondent())));
            declared.put(EVERYONE, everyone);
            Set<Set<Version>> counted = new LinkedHashSet<>();
            keys.forEach(k -> counted.add(k.group()));
            Set<String> reported = new LinkedHashSet<>();
            for (Set<Version> s : counted) {
                for (var g : declared.entrySet()) {
                    Set<Version> members = s.stream().filter(v -> g.getValue().contains(v.respondent())).collect(Collectors.toSet());
                    long size = members.stream().map(Version::respondent).distinct().count();
                    List<Version> hidden = members.stream().filter(v -> columns.containsKey(v)).toList();
                    if (size >= minimum || hidden.stream().map(Version::respondent).distinct().count() < 2) {
                        continue; // at or above the minimum, or a single other person (an individual, checked above)
                    }
                    String label = g.getKey() + " " + new TreeSet<>(members.stream().map(Version::toString).toList());
                    if (reported.contains(label)) {
                        continue;
                    }
                    for (String item : items) {
                        String derived = null;
                        for (String option : options.getOrDefault(item, List.of())) {
                            long[] t = new long[width];
                            hidden.forEach(v -> t[columns.get(v).get(new Feature(item, option))] = 1);
                            if (basis.spans(t)) {
                                derived = option;
                                break;
                            }
                        }
                        if (derived != null) {
                            reported.add(label);
                            out.add(new Derivation(reader, g.getKey(), item, "group " + label + " of " + size
                                    + " (below the minimum " + minimum + "): how many chose " + derived + " on " + item,
                                    sources(r, hidden.get(0).respondent())));
                            break;
                        }
                    }
                }
            }
            return out;
        }

        List<String> sources(Reader r, String respondent) {
            Set<String> out = new LinkedHashSet<>();
            keys.forEach(k -> {
                if (k.group().stream().anyMatch(v -> v.respondent().equals(respondent))) {
                    out.addAll(r.observations.get(k));
                }
            });
            return List.copyOf(out);
        }
    }

    // ------------------------------------------------------------------------------------------- free text

    /**
     * A text can have been written only by a respondent counted in every read that shows it and in none of the
     * reads of the same item that do not; the reader also knows it was not themself. One candidate left: derived.
     */
    private List<Derivation> authors(String name, Reader reader) {
        List<Derivation> out = new ArrayList<>();
        Map<String, List<Texts>> byItem = reader.texts.stream().collect(Collectors.groupingBy(Texts::item, LinkedHashMap::new, Collectors.toList()));
        byItem.forEach((item, reads) -> {
            Set<String> texts = new TreeSet<>();
            reads.forEach(t -> texts.addAll(t.texts()));
            for (String text : texts) {
                if (reader.ownTexts.contains(text)) {
                    continue;
                }
                // r may be the author if counted in every read that shows the text, and no revision of r was
                // counted both in a read that shows it and in one that does not
                Set<String> candidates = null;
                Map<String, Set<Integer>> showing = new HashMap<>();
                List<String> sources = new ArrayList<>();
                for (Texts t : reads) {
                    if (t.texts().contains(text)) {
                        Set<String> counted = t.group().stream().map(Version::respondent).collect(Collectors.toSet());
                        if (candidates == null) {
                            candidates = new TreeSet<>(counted);
                        } else {
                            candidates.retainAll(counted);
                        }
                        t.group().forEach(v -> showing.computeIfAbsent(v.respondent(), x -> new LinkedHashSet<>()).add(v.revision()));
                        sources.add(t.source());
                    }
                }
                for (Texts t : reads) {
                    if (!t.texts().contains(text)) {
                        for (Version v : t.group()) {
                            if (showing.getOrDefault(v.respondent(), Set.of()).contains(v.revision()) && candidates.remove(v.respondent())) {
                                sources.add(t.source());
                            }
                        }
                    }
                }
                Set<String> authors = candidates.stream().filter(p -> !p.equals(reader.respondent))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (authors.size() == 1) {
                    String author = authors.iterator().next();
                    out.add(new Derivation(name, author, item, author + " wrote \"" + brief(text) + "\" on " + item,
                            List.copyOf(new LinkedHashSet<>(sources))));
                }
            }
        });
        return out;
    }

    private static String brief(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
