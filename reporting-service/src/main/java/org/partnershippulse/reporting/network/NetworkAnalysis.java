package org.partnershippulse.reporting.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The network of a relationship round from the organisations' directed ratings: plain calculation, no I/O.
 *
 * <p>Definitions (README, "Network report"). A <b>tie</b> joins two organisations when at least one of them reports a
 * relationship (a level above NONE) with the other; the network is undirected. <b>Density</b>: ties over the
 * n(n−1)/2 possible pairs. <b>Degree</b>: an organisation's ties. <b>Degree centralisation</b> (Freeman):
 * Σ(max degree − degree) / ((n−1)(n−2)), 1 for a star, 0 when every degree is equal. <b>Betweenness</b>: the share of
 * shortest paths between two other organisations that pass through it (Brandes), normalised by (n−1)(n−2)/2.
 * <b>Reciprocity</b>: of the ties both organisations rated, the share where both report the same level.
 * <b>Unreciprocated</b>: ties one side reports while the other rated the pair NONE. Value and trust of a rating are the
 * means of the scores of its value and trust items.
 */
public final class NetworkAnalysis {

    private NetworkAnalysis() {
    }

    public record Node(UUID id, String name, String sector) {
    }

    /** One organisation's rating of another: level score (0 none), value and trust means (null: not judged). */
    public record Rating(UUID rater, UUID rated, int level, Double value, Double trust) {
    }

    public record Result(List<NodeFigures> nodes, List<Pair> ties, double density, Double degreeCentralisation,
                         Double reciprocity, int ratedFromBothSides, int reciprocated, Double averageValue,
                         Double averageTrust, List<SectorPair> sectorPairs, List<Pair> unreciprocated) {
    }

    public record NodeFigures(Node node, int degree, double betweenness, double normalisedBetweenness) {
    }

    /**
     * A tie, as the aggregate of both sides' ratings: the mean level, value and trust over the sides that rated it
     * (never one side's figures apart from the other's). For an unreciprocated tie, {@code a} reports it, {@code b}
     * does not.
     */
    public record Pair(UUID a, UUID b, int sides, Double level, Double value, Double trust) {
    }

    public record SectorPair(String sectorA, String sectorB, int ratings, Double averageValue, Double averageTrust) {
    }

    public static Result analyse(List<Node> nodes, List<Rating> ratings) {
        int n = nodes.size();
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).id(), i);
        }
        Map<List<UUID>, Rating> directed = new HashMap<>();
        for (Rating r : ratings) {
            if (index.containsKey(r.rater()) && index.containsKey(r.rated()) && !r.rater().equals(r.rated())) {
                directed.put(List.of(r.rater(), r.rated()), r);
            }
        }
        boolean[][] tie = new boolean[n][n];
        List<Pair> ties = new ArrayList<>();
        List<Pair> unreciprocated = new ArrayList<>();
        int bothSides = 0;
        int reciprocated = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Rating ab = directed.get(List.of(nodes.get(i).id(), nodes.get(j).id()));
                Rating ba = directed.get(List.of(nodes.get(j).id(), nodes.get(i).id()));
                boolean seenByA = ab != null && ab.level() > 0;
                boolean seenByB = ba != null && ba.level() > 0;
                if (!seenByA && !seenByB) {
                    continue;
                }
                tie[i][j] = tie[j][i] = true;
                List<Rating> sides = new ArrayList<>();
                if (ab != null) {
                    sides.add(ab);
                }
                if (ba != null) {
                    sides.add(ba);
                }
                ties.add(new Pair(nodes.get(i).id(), nodes.get(j).id(), sides.size(),
                        mean(sides.stream().map(r -> (double) r.level()).toList()),
                        mean(sides.stream().map(Rating::value).toList()), mean(sides.stream().map(Rating::trust).toList())));
                if (ab != null && ba != null) {
                    bothSides++;
                    if (ab.level() == ba.level()) {
                        reciprocated++;
                    } else if (!seenByA || !seenByB) {
                        Rating reporter = seenByA ? ab : ba;
                        unreciprocated.add(new Pair(reporter.rater(), reporter.rated(), 2,
                                mean(java.util.Arrays.asList((double) ab.level(), (double) ba.level())),
                                mean(java.util.Arrays.asList(ab.value(), ba.value())),
                                mean(java.util.Arrays.asList(ab.trust(), ba.trust())))); // a NONE side judged neither
                    }
                }
            }
        }
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                degree[i] += tie[i][j] ? 1 : 0;
            }
        }
        double[] betweenness = betweenness(tie);
        double pairs = n * (n - 1) / 2.0;
        double density = n < 2 ? 0 : ties.size() / pairs;
        Double centralisation = null;
        if (n >= 3) {
            int max = 0;
            for (int d : degree) {
                max = Math.max(max, d);
            }
            double sum = 0;
            for (int d : degree) {
                sum += max - d;
            }
            centralisation = sum / ((n - 1.0) * (n - 2.0));
        }
        double betweennessNorm = n < 3 ? 0 : (n - 1.0) * (n - 2.0) / 2.0;
        List<NodeFigures> figures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            figures.add(new NodeFigures(nodes.get(i), degree[i], betweenness[i],
                    betweennessNorm == 0 ? 0 : betweenness[i] / betweennessNorm));
        }
        List<Rating> withTie = directed.values().stream().filter(r -> r.level() > 0).toList();
        Map<UUID, String> sectors = new HashMap<>();
        nodes.forEach(node -> sectors.put(node.id(), node.sector() == null ? "UNKNOWN" : node.sector()));
        Map<List<String>, List<Rating>> bySectorPair = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Rating r : withTie) {
            String x = sectors.get(r.rater());
            String y = sectors.get(r.rated());
            List<String> key = x.compareTo(y) <= 0 ? List.of(x, y) : List.of(y, x);
            bySectorPair.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<SectorPair> sectorPairs = new ArrayList<>();
        bySectorPair.forEach((k, rs) -> sectorPairs.add(new SectorPair(k.get(0), k.get(1), rs.size(),
                mean(rs.stream().map(Rating::value).toList()), mean(rs.stream().map(Rating::trust).toList()))));
        return new Result(figures, ties, density, centralisation, bothSides == 0 ? null : (double) reciprocated / bothSides,
                bothSides, reciprocated, mean(withTie.stream().map(Rating::value).toList()),
                mean(withTie.stream().map(Rating::trust).toList()), sectorPairs, unreciprocated);
    }

    /** Brandes' algorithm on an unweighted undirected graph; each unordered pair counted once. */
    static double[] betweenness(boolean[][] tie) {
        int n = tie.length;
        double[] cb = new double[n];
        for (int s = 0; s < n; s++) {
            Deque<Integer> stack = new ArrayDeque<>();
            List<List<Integer>> predecessors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                predecessors.add(new ArrayList<>());
            }
            double[] sigma = new double[n];
            int[] dist = new int[n];
            java.util.Arrays.fill(dist, -1);
            sigma[s] = 1;
            dist[s] = 0;
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                stack.push(v);
                for (int w = 0; w < n; w++) {
                    if (!tie[v][w]) {
                        continue;
                    }
                    if (dist[w] < 0) {
                        dist[w] = dist[v] + 1;
                        queue.add(w);
                    }
                    if (dist[w] == dist[v] + 1) {
                        sigma[w] += sigma[v];
                        predecessors.get(w).add(v);
                    }
                }
            }
            double[] delta = new double[n];
            while (!stack.isEmpty()) {
                int w = stack.pop();
                for (int v : predecessors.get(w)) {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }
                if (w != s) {
                    cb[w] += delta[w];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            cb[i] /= 2; // each pair was counted from both ends
        }
        return cb;
    }

    static Double mean(List<Double> values) {
        List<Double> present = values.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().mapToDouble(Double::doubleValue).sum() / present.size();
    }

    /** Ties of the earlier network not in this one, and the reverse, as unordered pairs. */
    public static Map<String, List<List<UUID>>> tieChanges(List<Pair> before, List<Pair> now) {
        java.util.Set<java.util.Set<UUID>> b = new java.util.HashSet<>();
        before.forEach(p -> b.add(java.util.Set.of(p.a(), p.b())));
        java.util.Set<java.util.Set<UUID>> a = new java.util.HashSet<>();
        now.forEach(p -> a.add(java.util.Set.of(p.a(), p.b())));
        Map<String, List<List<UUID>>> out = new LinkedHashMap<>();
        out.put("added", now.stream().filter(p -> !b.contains(java.util.Set.of(p.a(), p.b()))).map(p -> List.of(p.a(), p.b())).toList());
        out.put("lost", before.stream().filter(p -> !a.contains(java.util.Set.of(p.a(), p.b()))).map(p -> List.of(p.a(), p.b())).toList());
        return out;
    }
}
