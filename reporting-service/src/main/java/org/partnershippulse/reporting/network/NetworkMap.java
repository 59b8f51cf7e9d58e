package org.partnershippulse.reporting.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Draws the network as SVG, server-side and deterministic: organisations on a circle, grouped by sector with a gap
 * between sectors and a colour each (legend below), a straight line per tie whose width grows with the pair's mean
 * level, the node's size with its degree. A circle keeps 10–60 organisations readable on paper: no node hides
 * another, labels sit outside the circle, and the same data always gives the same picture.
 */
public final class NetworkMap {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"};
    static final int SIZE = 900;
    static final double RADIUS = 300;

    private NetworkMap() {
    }

    public static String svg(NetworkReport report) {
        // grouped by sector whatever the order given (stable: the order within a sector is kept)
        List<NetworkReport.Organisation> orgs = new ArrayList<>(report.organisations());
        orgs.sort(java.util.Comparator.comparing(o -> o.sector() == null ? "" : o.sector()));
        Map<String, String> colours = new LinkedHashMap<>();
        orgs.forEach(o -> colours.computeIfAbsent(o.sector(), s -> PALETTE[colours.size() % PALETTE.length]));
        int slots = orgs.size() + (colours.size() > 1 ? colours.size() : 0);
        Map<UUID, double[]> at = new HashMap<>();
        double c = SIZE / 2.0;
        int slot = 0;
        String sector = null;
        for (NetworkReport.Organisation o : orgs) {
            if (colours.size() > 1 && !java.util.Objects.equals(sector, o.sector())) {
                slot++; // a gap before each sector group
            }
            sector = o.sector();
            double angle = 2 * Math.PI * slot / Math.max(slots, 1) - Math.PI / 2;
            at.put(o.organisationId(), new double[]{c + RADIUS * Math.cos(angle), c + RADIUS * Math.sin(angle), angle});
            slot++;
        }
        int legendRows = (colours.size() + 2) / 3;
        int height = SIZE + 30 + legendRows * 22;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network-map\" role=\"img\" viewBox=\"0 0 ")
                .append(SIZE).append(' ').append(height).append("\" width=\"").append(SIZE).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\">");
        svg.append("<title>Network of ").append(escape(report.title())).append(": ").append(orgs.size())
                .append(" organisations, ").append(report.ties().size()).append(" ties</title>");
        svg.append("<g class=\"ties\">");
        for (NetworkReport.Tie t : report.ties()) {
            double[] a = at.get(t.organisationA());
            double[] b = at.get(t.organisationB());
            if (a == null || b == null) {
                continue;
            }
            svg.append("<line class=\"tie\" x1=\"").append(f(a[0])).append("\" y1=\"").append(f(a[1])).append("\" x2=\"")
                    .append(f(b[0])).append("\" y2=\"").append(f(b[1])).append("\" stroke=\"#555\" stroke-opacity=\"0.45\" stroke-width=\"")
                    .append(f(0.6 + 0.9 * t.level())).append("\"/>");
        }
        svg.append("</g><g class=\"nodes\">");
        int maxDegree = orgs.stream().mapToInt(NetworkReport.Organisation::degree).max().orElse(0);
        for (NetworkReport.Organisation o : orgs) {
            double[] p = at.get(o.organisationId());
            double r = 5 + (maxDegree == 0 ? 0 : 7.0 * o.degree() / maxDegree);
            svg.append("<g class=\"node\" data-organisation=\"").append(o.organisationId()).append("\"><circle cx=\"")
                    .append(f(p[0])).append("\" cy=\"").append(f(p[1])).append("\" r=\"").append(f(r)).append("\" fill=\"")
                    .append(colours.get(o.sector())).append("\" stroke=\"#fff\"><title>").append(escape(o.name())).append(" (")
                    .append(escape(o.sector())).append("): ").append(o.degree()).append(" ties</title></circle>");
            boolean right = Math.cos(p[2]) >= 0;
            double lx = c + (RADIUS + r + 6) * Math.cos(p[2]);
            double ly = c + (RADIUS + r + 6) * Math.sin(p[2]);
            svg.append("<text x=\"").append(f(lx)).append("\" y=\"").append(f(ly + 4)).append("\" font-size=\"11\" text-anchor=\"")
                    .append(right ? "start" : "end").append("\">").append(escape(shorten(o.name()))).append("</text></g>");
        }
        svg.append("</g><g class=\"legend\" font-size=\"13\">");
        int i = 0;
        for (Map.Entry<String, String> e : colours.entrySet()) {
            int x = 40 + (i % 3) * 280;
            int y = SIZE + 20 + (i / 3) * 22;
            svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"6\" fill=\"").append(e.getValue())
                    .append("\"/><text x=\"").append(x + 12).append("\" y=\"").append(y + 4).append("\">")
                    .append(escape(e.getKey())).append("</text>");
            i++;
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    /** Long names are cut with an ellipsis so that labels do not run into each other; the full name is the node's title. */
    static String shorten(String name) {
        return name == null ? "" : name.length() <= 28 ? name : name.substring(0, 27) + "…";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** For tests: the drawn positions would otherwise be hidden in the markup. */
    static List<String> labels(String svg) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = svg.indexOf("<text", i)) >= 0) {
            int start = svg.indexOf('>', i) + 1;
            out.add(svg.substring(start, svg.indexOf("</text>", start)));
            i = start;
        }
        return out;
    }
}
