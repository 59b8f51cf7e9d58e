package org.partnershippulse.reporting.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NetworkMapTest {

    static NetworkReport report(int organisations, int ties) {
        List<NetworkReport.Organisation> orgs = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            orgs.add(new NetworkReport.Organisation(new UUID(1, i), "Org <" + i + "> & Co", i % 3 == 0 ? "HEALTH" : "EDUCATION", 1, 0, 0));
        }
        List<NetworkReport.Tie> t = new ArrayList<>();
        for (int i = 0; i < ties; i++) {
            t.add(new NetworkReport.Tie(orgs.get(i).organisationId(), orgs.get((i + 1) % organisations).organisationId(), 2, 2.5, 3.0, 3.0));
        }
        return new NetworkReport(UUID.randomUUID(), UUID.randomUUID(), "Who works with whom", null, orgs, t, 0, null, null,
                0, 0, null, null, List.of(), List.of(), null);
    }

    static int count(String svg, String needle) {
        int n = 0;
        for (int i = svg.indexOf(needle); i >= 0; i = svg.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void everyOrganisationAndTieIsDrawnForSixtyOrganisations() {
        String svg = NetworkMap.svg(report(60, 45));
        assertEquals(60, count(svg, "<g class=\"node\""));
        assertEquals(45, count(svg, "<line class=\"tie\""));
        assertTrue(NetworkMap.labels(svg).containsAll(List.of("HEALTH", "EDUCATION")), "a legend names each sector");
    }

    @Test
    void namesAreEscapedAndNoTwoOrganisationsShareAPlace() {
        String svg = NetworkMap.svg(report(12, 3));
        assertFalse(svg.contains("Org <1>"));
        assertTrue(svg.contains("Org &lt;1&gt; &amp; Co"));
        List<String> positions = new ArrayList<>();
        for (int i = svg.indexOf("<circle cx="); i >= 0; i = svg.indexOf("<circle cx=", i + 1)) {
            positions.add(svg.substring(i, svg.indexOf(" r=", i)));
        }
        assertEquals(positions.size(), positions.stream().distinct().count());
    }
}
