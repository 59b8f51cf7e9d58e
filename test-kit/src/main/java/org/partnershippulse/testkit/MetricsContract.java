package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code contracts/metrics.txt}: the metrics the dashboards and alerts of {@code deploy/monitoring} may use, with the
 * services that export them. Each service's {@code MetricsTest} checks its real {@code /q/metrics} against it
 * ({@link #assertExported}), and deploy-checks checks every name in the alert rules and the dashboard against it, so a
 * renamed metric fails a build instead of silencing an alert.
 */
public final class MetricsContract {

    /** One line of the contract: a sample name as PromQL writes it, its labels, who exports it. */
    public record Metric(String name, String type, Set<String> labels, Set<String> services, String meaning) {
        public boolean exportedBy(String service) {
            return services.contains("all") || services.contains(service);
        }
    }

    /** One sample of a scrape: name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /**
     * name, labels (quoted values may hold braces), value. The label set ends at its own brace: with tracing on, a
     * sample may be followed by an exemplar ({@code # {trace_id="…"} 1.0 …}), whose labels and value are not the sample's.
     */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MetricsContract() {
    }

    public static Path file() {
        return Contracts.root().resolve("metrics.txt");
    }

    public static List<Metric> all() {
        try {
            return parse(Files.readAllLines(file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines "name | type | labels (comma-separated) | services (comma-separated, or all) | meaning"; # comments. */
    public static List<Metric> parse(List<String> lines) {
        List<Metric> metrics = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 5);
            if (f.length != 5) {
                throw new IllegalArgumentException("contracts/metrics.txt: not 5 fields separated by |: " + line);
            }
            metrics.add(new Metric(f[0].strip(), f[1].strip(), split(f[2]), split(f[3]), f[4].strip()));
        }
        return metrics;
    }

    private static Set<String> split(String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : field.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The samples of a Prometheus text exposition (what {@code /q/metrics} answers). */
    public static List<Sample> samples(String exposition) {
        List<Sample> out = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return out;
    }

    /** The sum of the samples of this name whose labels include these (0 when there is none). */
    public static double value(String exposition, String name, Map<String, String> labels) {
        return samples(exposition).stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    /**
     * Every metric the contract says this service exports is in the scrape, with every label the contract names;
     * fails listing each one missing. Metrics that appear only once something happened (a counter per event type)
     * must have happened before: the caller drives the service first.
     */
    public static void assertExported(String service, String exposition) {
        List<Sample> samples = samples(exposition);
        List<String> problems = new ArrayList<>();
        for (Metric m : all()) {
            if (!m.exportedBy(service)) {
                continue;
            }
            List<Sample> found = samples.stream().filter(s -> s.name().equals(m.name())).toList();
            if (found.isEmpty()) {
                problems.add(m.name() + " is not on /q/metrics");
            } else if (found.stream().noneMatch(s -> s.labels().keySet().containsAll(m.labels()))) {
                problems.add(m.name() + " lacks labels " + m.labels() + ": " + found.get(0).labels().keySet());
            }
        }
        if (!problems.isEmpty()) {
            fail(service + " does not export what contracts/metrics.txt says (the alerts and dashboards of "
                    + "deploy/monitoring rely on it):\n  - " + String.join("\n  - ", problems));
        }
    }
}
