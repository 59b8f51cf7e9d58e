package org.partnershippulse.reporting.roundreport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.partnershippulse.reporting.Releases;
import org.partnershippulse.reporting.ReportEvents;
import org.partnershippulse.reporting.ReportEvents.Partnership;
import org.partnershippulse.reporting.ReportEvents.Response;
import org.partnershippulse.reporting.ReportEvents.RoundSettings;
import org.partnershippulse.testkit.TestTokens;

/** The printable page loaded in headless Chromium (Debian's chromium): the charts are drawn from the report. */
@QuarkusTest
public class ReportPageTest {

    static final String T1 = "trust-understanding-partners";
    static final String T2 = "trust-team-building";
    static final String C1 = "capacity-early-strategic-plan";
    static final RoundSettings MINIMUM_TWO = new RoundSettings(2, 4, Map.of(), Map.of(), List.of());
    static final String CHROMIUM = System.getProperty("pulse.test.chromium", "/usr/bin/chromium");

    @Test
    void theShellCarriesNoDataAndNeedsNoTokenButOnlyRunsItsOwnScript() {
        given().when().get("/rounds/{id}/report.html", UUID.randomUUID())
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'sha256-"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline'; connect-src *")))
                // the shell holds no data: it keeps its own no-cache rather than the API's no-store
                .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                .body(containsString("Loading the report"));
        given().when().get("/rounds/not-a-uuid/report.html").then().statusCode(400);
    }

    @Test
    void chromiumDrawsStackedBarsProportionalToTheSharesAProfileAndTrendLines() throws Exception {
        Partnership p = Partnership.create("Printable", null);
        UUID earlier = ReportEvents.openRound(p, MINIMUM_TWO);
        submit(p, earlier, Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "NEEDS_IMMEDIATE_ATTENTION"));
        submit(p, earlier, Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "NEEDS_WORK_IN_FUTURE"));
        Thread.sleep(5);
        UUID round = ReportEvents.openRound(p, MINIMUM_TWO);
        // T1: 2 × Exists, 1 × Needs work, 1 × Needs attention → 50 %, 25 %, 25 % of 600 px. C1 answered once: withheld.
        submit(p, round, Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS", C1, "CURRENTLY_EXISTS"));
        submit(p, round, Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS"));
        submit(p, round, Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "NEEDS_WORK_IN_FUTURE"));
        submit(p, round, Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "CURRENTLY_EXISTS"));
        Releases.cut(earlier, 2);
        Releases.cut(round, 4);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.of(p.coordinator())).when().get("/rounds/{id}/report", round)
                        .then().statusCode(200).body("participation.responded", org.hamcrest.Matchers.equalTo(4)));

        String dom = dumpDom("http://localhost:" + RestAssured.port + "/rounds/" + round + "/report.html#access_token="
                + TestTokens.of(p.coordinator()));

        assertTrue(dom.contains("data-rendered=\"true\""), "the page rendered: " + dom.substring(0, Math.min(dom.length(), 2000)));
        Map<String, Double> bar = bar(dom, T1);
        assertEquals(List.of("NEEDS_IMMEDIATE_ATTENTION", "NEEDS_WORK_IN_FUTURE", "CURRENTLY_EXISTS"), List.copyOf(bar.keySet()));
        assertEquals(150.0, bar.get("NEEDS_IMMEDIATE_ATTENTION"), 0.01);
        assertEquals(150.0, bar.get("NEEDS_WORK_IN_FUTURE"), 0.01);
        assertEquals(300.0, bar.get("CURRENTLY_EXISTS"), 0.01);
        // T2: 3 × Exists, 1 × Needs work: 450 and 150; one rect per option of the scale, unchosen ones empty.
        assertEquals(Map.of("NEEDS_IMMEDIATE_ATTENTION", 0.0, "NEEDS_WORK_IN_FUTURE", 150.0, "CURRENTLY_EXISTS", 450.0), bar(dom, T2));
        assertTrue(dom.contains("data-withheld=\"" + C1 + "\""), "the withheld item has no bar");
        assertTrue(!dom.contains("data-item=\"" + C1 + "\""));
        // Trust profile: mean (3+3+2+1+3+3+2+3)/8 = 2.5 → (2.5 − 1) / 2 = 0.75 of 600 px.
        assertTrue(dom.matches("(?s).*<rect [^>]*width=\"450\\.00\"[^>]*data-section=\"trust\".*"), "section profile bar");
        assertTrue(dom.matches("(?s).*<polyline points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+\"[^>]*data-series=\"trust\".*"),
                "a trend line through both rounds");
        assertTrue(dom.contains("data-list=\"strengths\"") && dom.contains("Participation") && dom.contains("4 of 4 responded"));
        assertTrue(dom.contains("id=\"release\"") && dom.contains("Release 1, cut "), "the page names the release it shows");
    }

    static final String LONG_TRUST = "Trust and shared understanding between the partner organisations across every sector of the county";

    /**
     * Issue 17: every chart can be read on paper. Axes with ticks and their values and a title, a legend naming each
     * trend series, and section names wrapped over lines, never cut: each line short enough for its column, and
     * together the whole name.
     */
    @Test
    void chartsHaveAxesTicksLegendsAndWholeWrappedSectionNames() throws Exception {
        Partnership p = Partnership.create("Readable charts", null);
        com.fasterxml.jackson.databind.node.ObjectNode instrument = ReportEvents.instrument();
        ((com.fasterxml.jackson.databind.node.ObjectNode) instrument.get("sections").get(0)).set("title", ReportEvents.text(LONG_TRUST));
        UUID earlier = ReportEvents.openRound(p.id(), MINIMUM_TWO, instrument);
        submit(p, earlier, Map.of(T1, "NEEDS_IMMEDIATE_ATTENTION", T2, "NEEDS_WORK_IN_FUTURE"));
        submit(p, earlier, Map.of(T1, "NEEDS_WORK_IN_FUTURE", T2, "NEEDS_WORK_IN_FUTURE"));
        Thread.sleep(5);
        UUID round = ReportEvents.openRound(p.id(), MINIMUM_TWO, instrument);
        submit(p, round, Map.of(T1, "CURRENTLY_EXISTS", T2, "CURRENTLY_EXISTS"));
        submit(p, round, Map.of(T1, "CURRENTLY_EXISTS", T2, "NEEDS_WORK_IN_FUTURE"));
        Releases.cut(earlier, 2);
        Releases.cut(round, 2);

        String dom = dumpDom("http://localhost:" + RestAssured.port + "/rounds/" + round + "/report.html#access_token="
                + TestTokens.of(p.coordinator()));
        assertTrue(dom.contains("data-rendered=\"true\""), "the page rendered: " + dom.substring(0, Math.min(dom.length(), 2000)));

        String profile = chart(dom, "profile");
        assertTrue(profile.contains("data-axis=\"x\""), "the profile has an x axis");
        assertEquals(List.of("0 %", "25 %", "50 %", "75 %", "100 %"), tickLabels(profile), "the profile's scale");
        assertTrue(profile.contains("Section score: 0 % = every answer"), "the profile's axis title");
        assertTrue(profile.contains("data-legend=\"true\""), "the profile has a legend");
        List<String> lines = tspans(profile, "data-section-label=\"trust\"");
        assertTrue(lines.size() >= 3, "a long section name wraps over lines: " + lines);
        lines.forEach(l -> assertTrue(l.length() <= 30 || !l.contains(" "), "a line fits its column: " + l));
        assertEquals(LONG_TRUST, String.join(" ", lines), "the whole section name, nothing cut");

        String trend = chart(dom, "trend");
        assertTrue(trend.contains("data-axis=\"x\"") && trend.contains("data-axis=\"y\""), "the trend has both axes");
        assertTrue(trend.contains(">Mean score<") && trend.contains(">Round (oldest first)<"), "axis titles");
        List<String> yTicks = tickLabels(trend.substring(trend.indexOf("data-axis=\"y\"")));
        assertTrue(yTicks.size() >= 3 && yTicks.contains("1") && yTicks.contains("3"), "the y scale spans the scores: " + yTicks);
        assertTrue(trend.contains("data-legend-series=\"trust\""), "the legend has the trust series");
        int legend = trend.indexOf("data-legend=\"true\"");
        assertEquals(LONG_TRUST, String.join(" ", tspans(trend.substring(legend), "data-label=\"" + LONG_TRUST + "\"")),
                "the legend names the series in full");
        assertTrue(trend.matches("(?s).*<polyline points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+\"[^>]*data-series=\"trust\".*"));

        assertTrue(chart(dom, "bar-axis").contains("100 %"), "the items' bars share an axis of shares");
        assertTrue(chart(dom, "participation").contains("data-axis=\"x\""), "participation has its scale");
    }

    /** The first svg whose class list has {@code cls}, whole. */
    private static String chart(String dom, String cls) {
        Matcher m = Pattern.compile("<svg [^>]*class=\"[^\"]*\\b" + cls + "\\b[^\"]*\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "an svg chart " + cls);
        return m.group(0);
    }

    private static List<String> tickLabels(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text [^>]*class=\"tick-label\"[^>]*>([^<]*)</text>").matcher(svg);
        Matcher axis = Pattern.compile("data-axis=").matcher(svg);
        int end = svg.length();
        if (axis.find() && axis.find()) {
            end = axis.start(); // the first axis only
        }
        while (m.find() && m.start() < end) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> tspans(String svg, String attribute) {
        Matcher text = Pattern.compile("<text [^>]*" + Pattern.quote(attribute) + "[^>]*>(.*?)</text>", Pattern.DOTALL).matcher(svg);
        assertTrue(text.find(), "a label with " + attribute);
        List<String> lines = new ArrayList<>();
        Matcher span = Pattern.compile("<tspan[^>]*>([^<]*)</tspan>").matcher(text.group(1));
        while (span.find()) {
            lines.add(span.group(1));
        }
        return lines;
    }

    private static Map<String, Double> bar(String dom, String item) {
        Matcher svg = Pattern.compile("<svg [^>]*data-item=\"" + Pattern.quote(item) + "\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(svg.find(), "a stacked bar for " + item);
        Map<String, Double> widths = new LinkedHashMap<>();
        Matcher rect = Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*data-value=\"([A-Z_]+)\"").matcher(svg.group(1));
        while (rect.find()) {
            widths.put(rect.group(2), Double.parseDouble(rect.group(1)));
        }
        return widths;
    }

    private static void submit(Partnership p, UUID round, Map<String, String> answers) {
        ReportEvents.submit(p.id(), round, Response.of("EDUCATION", List.of("MEMBER"), answers));
    }

    public static String dumpDom(String url) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail("Chromium is needed for this test and was not found at " + CHROMIUM + ": apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory("pulse-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", url));
            Process chromium = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = chromium.getInputStream().readAllBytes();
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                fail("chromium did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
