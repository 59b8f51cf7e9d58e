package org.partnershippulse.reporting.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.network.NetworkAnalysis.Node;
import org.partnershippulse.reporting.network.NetworkAnalysis.Rating;
import org.partnershippulse.reporting.network.NetworkAnalysis.Result;

/** Figures checked against hand calculations on small graphs. */
class NetworkAnalysisTest {

    static final double EPS = 1e-9;

    static List<Node> nodes(int n, String... sectors) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Node(new UUID(0, i), "Org " + i, sectors.length > i ? sectors[i] : "HEALTH"));
        }
        return out;
    }

    /** i reports a tie with j at this level, value and trust (j does not rate i unless added too). */
    static Rating rate(List<Node> nodes, int i, int j, int level, Double value, Double trust) {
        return new Rating(nodes.get(i).id(), nodes.get(j).id(), level, value, trust);
    }

    @Test
    void aStarIsFullyCentralisedAndItsCentreIsOnEveryPath() {
        List<Node> n = nodes(5);
        List<Rating> r = new ArrayList<>();
        for (int leaf = 1; leaf < 5; leaf++) {
            r.add(rate(n, 0, leaf, 2, 3.0, 3.0));
        }
        Result result = NetworkAnalysis.analyse(n, r);
        assertEquals(4, result.ties().size());
        assertEquals(0.4, result.density(), EPS);                 // 4 of 10 pairs
        assertEquals(1.0, result.degreeCentralisation(), EPS);    // (4·(4−1)) / (4·3)
        assertEquals(4, result.nodes().get(0).degree());
        assertEquals(6.0, result.nodes().get(0).betweenness(), EPS); // every pair of the 4 leaves: C(4,2)
        assertEquals(1.0, result.nodes().get(0).normalisedBetweenness(), EPS);
        assertEquals(0.0, result.nodes().get(1).betweenness(), EPS);
        assertNull(result.reciprocity(), "no tie was rated from both sides");
    }

    @Test
    void aLineHasItsInnerOrganisationsAsBrokers() {
        List<Node> n = nodes(4);
        List<Rating> r = List.of(rate(n, 0, 1, 1, null, null), rate(n, 1, 2, 1, null, null), rate(n, 3, 2, 1, null, null));
        Result result = NetworkAnalysis.analyse(n, r);
        assertEquals(0.5, result.density(), EPS);                      // 3 of 6
        assertEquals(2.0 / 6.0, result.degreeCentralisation(), EPS);   // (1+0+0+1) / (3·2)
        assertEquals(List.of(1, 2, 2, 1), result.nodes().stream().map(NetworkAnalysis.NodeFigures::degree).toList());
        assertEquals(2.0, result.nodes().get(1).betweenness(), EPS);   // on 0–2 and 0–3
        assertEquals(2.0 / 3.0, result.nodes().get(2).normalisedBetweenness(), EPS);
        assertEquals(0.0, result.nodes().get(3).betweenness(), EPS);
    }

    @Test
    void aCompleteNetworkHasDensityOneAndNoCentralisation() {
        List<Node> n = nodes(4);
        List<Rating> r = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    r.add(rate(n, i, j, 3, 4.0, 2.0));
                }
            }
        }
        Result result = NetworkAnalysis.analyse(n, r);
        assertEquals(1.0, result.density(), EPS);
        assertEquals(0.0, result.degreeCentralisation(), EPS);
        assertEquals(0.0, result.nodes().get(0).betweenness(), EPS);
        assertEquals(1.0, result.reciprocity(), EPS);
        assertEquals(6, result.ratedFromBothSides());
        assertEquals(4.0, result.averageValue(), EPS);
        assertEquals(2.0, result.averageTrust(), EPS);
    }

    @Test
    void reciprocityUnreciprocatedTiesAndPairAndSectorAverages() {
        List<Node> n = nodes(4, "HEALTH", "HEALTH", "EDUCATION", "EDUCATION");
        List<Rating> r = List.of(
                rate(n, 0, 1, 2, 4.0, 3.0), rate(n, 1, 0, 2, 2.0, 1.0),   // same level: reciprocated
                rate(n, 0, 2, 2, 3.0, 3.0), rate(n, 2, 0, 0, null, null), // 0 sees it, 2 does not
                rate(n, 1, 2, 3, 1.0, 2.0), rate(n, 2, 1, 1, 3.0, 4.0),   // both see it, at different levels
                rate(n, 3, 0, 0, null, null));                             // no tie
        Result result = NetworkAnalysis.analyse(n, r);
        assertEquals(3, result.ties().size());
        assertEquals(3, result.ratedFromBothSides());
        assertEquals(1.0 / 3.0, result.reciprocity(), EPS);
        assertEquals(1, result.unreciprocated().size());
        assertEquals(n.get(0).id(), result.unreciprocated().get(0).a());
        assertEquals(n.get(2).id(), result.unreciprocated().get(0).b());
        NetworkAnalysis.Pair zeroOne = result.ties().get(0);
        assertEquals(2, zeroOne.sides());
        assertEquals(3.0, zeroOne.value(), EPS);   // (4 + 2) / 2
        assertEquals(2.0, zeroOne.trust(), EPS);   // (3 + 1) / 2
        // the five ratings that report a tie: values 4, 2, 3, 1, 3
        assertEquals(13.0 / 5.0, result.averageValue(), EPS);
        // HEALTH–HEALTH: 0→1, 1→0; EDUCATION–HEALTH: 0→2, 1→2, 2→1
        assertEquals(2, result.sectorPairs().size());
        assertEquals("EDUCATION", result.sectorPairs().get(0).sectorA());
        assertEquals(3, result.sectorPairs().get(0).ratings());
        assertEquals(7.0 / 3.0, result.sectorPairs().get(0).averageValue(), EPS); // (3 + 1 + 3) / 3
        assertEquals(3.0, result.sectorPairs().get(1).averageValue(), EPS);       // (4 + 2) / 2
    }

    @Test
    void tieChangesListAddedAndLostPairs() {
        List<Node> n = nodes(3);
        Result before = NetworkAnalysis.analyse(n, List.of(rate(n, 0, 1, 1, null, null)));
        Result now = NetworkAnalysis.analyse(n, List.of(rate(n, 1, 0, 2, null, null), rate(n, 1, 2, 2, null, null)));
        var changes = NetworkAnalysis.tieChanges(before.ties(), now.ties());
        assertEquals(List.of(List.of(n.get(1).id(), n.get(2).id())), changes.get("added"));
        assertEquals(List.of(), changes.get("lost"));
    }
}
