package org.partnershippulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring (applied only with the Prometheus Operator): it renders offline; a ServiceMonitor scrapes every
 * service's /q/metrics on a named port of its Service; every alert has a severity, a summary, a description and a
 * runbook section in the guide; every metric the alerts and the dashboard read is one the services export
 * (contracts/metrics.txt, which each service's MetricsTest checks against its real /q/metrics); the dashboard is
 * valid with unique panel ids and the datasource variable everywhere. With promtool installed, the rules also pass
 * `promtool check rules` and the unit tests of src/test/resources/monitoring/alerts.test.yaml.
 */
class MonitoringTest {

    static final Path MONITORING = Project.DEPLOY.resolve("monitoring");
    static final Path DASHBOARD = MONITORING.resolve("grafana/partnership-pulse.json");
    static final Path CONTRACT = Project.ROOT.resolve("contracts/metrics.txt");
    static final Path GUIDE = Project.DEPLOY.resolve("README.md");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Labels Prometheus (the operator's scrape configuration) adds to every series it scrapes. */
    static final Set<String> TARGET_LABELS = Set.of("job", "namespace", "pod", "instance", "service", "endpoint", "container");
    /** What the issue asks the alerts to watch: each of these must be read by some alert. */
    static final Set<String> WATCHED = Set.of("pulse_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
            "pulse_events_dead_lettered_total", "http_server_requests_seconds_count", "agroal_awaiting_count", "up");

    static List<HasMetadata> objects() {
        return Kustomize.objects(MONITORING);
    }

    /** contracts/metrics.txt: name → labels. */
    static Map<String, Set<String>> contract() {
        Map<String, Set<String>> metrics = new LinkedHashMap<>();
        for (String line : Project.read(CONTRACT).split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 5);
            assertEquals(5, f.length, "contracts/metrics.txt: not 5 fields separated by |: " + line);
            Set<String> labels = new TreeSet<>();
            for (String l : f[2].split(",")) {
                if (!l.isBlank()) {
                    labels.add(l.strip());
                }
            }
            metrics.put(f[0].strip(), labels);
        }
        assertFalse(metrics.isEmpty(), "contracts/metrics.txt lists no metric");
        return metrics;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        List<GenericKubernetesResource> found = Kustomize.custom(objects(), "PrometheusRule");
        assertEquals(1, found.size(), "deploy/monitoring should render one PrometheusRule");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) found.get(0).get("spec", "groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** Every PromQL expression of the dashboard, with where it is. */
    static Map<String, String> dashboardQueries() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel " + panel.path("id") + " \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String q = variable.path("query").isObject() ? variable.path("query").path("query").asText() : variable.path("query").asText();
                Matcher lv = Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_]\\w*)\\)$").matcher(q.strip());
                queries.put("variable " + variable.path("name").asText(), lv.matches() ? lv.group(1) : q);
            }
        }
        return queries;
    }

    /** Panels, also those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    @Test
    void rendersOfflineIntoServiceMonitorsARuleAndTheDashboardConfigMap() {
        List<HasMetadata> objects = objects();
        Problems p = new Problems();
        Set<String> kinds = new TreeSet<>();
        for (HasMetadata o : objects) {
            kinds.add(o.getApiVersion() + " " + o.getKind());
            p.check(o.getMetadata().getNamespace() != null, Kustomize.id(o) + " has no namespace");
            var labels = o.getMetadata().getLabels();
            p.check(labels != null && "partnership-pulse".equals(labels.get("app.kubernetes.io/part-of")),
                    Kustomize.id(o) + " lacks app.kubernetes.io/part-of=partnership-pulse");
            p.check(labels != null && labels.get("app.kubernetes.io/version") != null,
                    Kustomize.id(o) + " lacks app.kubernetes.io/version (from ../components/images, as the services)");
            if (!(o instanceof GenericKubernetesResource)) {
                Kustomize.unknownFields(o, Kustomize.id(o)).forEach(p::add);
            }
        }
        p.check(kinds.equals(Set.of("monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule", "v1 ConfigMap")),
                "deploy/monitoring renders " + kinds + ", expected ServiceMonitors, a PrometheusRule and a ConfigMap");
        List<ConfigMap> dashboards = Kustomize.ofKind(objects, ConfigMap.class).stream()
                .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).toList();
        p.check(dashboards.size() == 1, "one ConfigMap labelled grafana_dashboard: \"1\" expected, found " + dashboards.size());
        dashboards.forEach(c -> p.check(Project.read(DASHBOARD).equals(c.getData().get("partnership-pulse.json")),
                Kustomize.id(c) + " does not hold grafana/partnership-pulse.json"));
        String servicesNamespace = Rendered.all().stream().filter(r -> r.overlay().equals("prod")).findFirst().orElseThrow()
                .deployments().get(0).getMetadata().getNamespace();
        objects.forEach(o -> p.check(servicesNamespace.equals(o.getMetadata().getNamespace()), Kustomize.id(o)
                + " is in namespace " + o.getMetadata().getNamespace() + ", the prod overlay's services in " + servicesNamespace));
        p.assertNone("deploy/monitoring");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServiceMonitorScrapesEveryServicesMetricsOnANamedPortOfItsService() {
        List<GenericKubernetesResource> monitors = Kustomize.custom(objects(), "ServiceMonitor");
        Problems p = new Problems();
        for (Rendered r : Rendered.all()) {
            for (Project.Service s : Project.services()) {
                Service svc = r.ofKind(Service.class).stream().filter(x -> x.getMetadata().getName().equals(s.name())).findFirst().orElse(null);
                if (svc == null) {
                    p.add(r.overlay() + " has no Service " + s.name());
                    continue;
                }
                List<String> scraped = new ArrayList<>();
                for (GenericKubernetesResource m : monitors) {
                    Map<String, String> selector = (Map<String, String>) m.get("spec", "selector", "matchLabels");
                    if (!Rendered.selects(selector, svc.getMetadata().getLabels())) {
                        continue;
                    }
                    for (Map<String, Object> endpoint : (List<Map<String, Object>>) m.get("spec", "endpoints")) {
                        Object port = endpoint.get("port");
                        ServicePort sp = svc.getSpec().getPorts().stream().filter(x -> x.getName() != null && x.getName().equals(port)).findFirst().orElse(null);
                        p.check(sp != null, Kustomize.id(m) + " scrapes port " + port + ", which Service " + s.name() + " does not name");
                        p.check("/q/metrics".equals(endpoint.get("path")), Kustomize.id(m) + " scrapes " + endpoint.get("path") + ", not /q/metrics");
                        if (sp != null && "/q/metrics".equals(endpoint.get("path"))) {
                            scraped.add(Kustomize.id(m));
                        }
                    }
                }
                p.check(scraped.size() == 1, r.overlay() + " Service " + s.name() + " is scraped by " + scraped + " (one ServiceMonitor expected)");
            }
        }
        p.assertNone("ServiceMonitors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASeverityASummaryADescriptionAndARunbookSectionInTheGuide() {
        Set<String> anchors = new HashSet<>();
        for (String line : Project.read(GUIDE).split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").strip().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        Problems p = new Problems();
        List<Map<String, Object>> rules = rules();
        Set<String> read = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            if (alert == null) {
                continue;
            }
            read.addAll(PromQl.metricNames((String) rule.get("expr")));
            Map<String, String> labels = (Map<String, String>) rule.getOrDefault("labels", Map.of());
            Map<String, String> annotations = (Map<String, String>) rule.getOrDefault("annotations", Map.of());
            p.check(Set.of("critical", "warning", "info").contains(labels.get("severity")), alert + " has severity " + labels.get("severity"));
            for (String a : List.of("summary", "description", "runbook_url")) {
                p.check(annotations.get(a) != null && !annotations.get(a).isBlank(), alert + " has no " + a);
            }
            String runbook = annotations.getOrDefault("runbook_url", "");
            p.check(runbook.equals("deploy/README.md#" + alert.toLowerCase()), alert + "'s runbook_url " + runbook
                    + " is not deploy/README.md#" + alert.toLowerCase());
            p.check(anchors.contains(alert.toLowerCase()), alert + " has no runbook section (a heading \"" + alert + "\") in deploy/README.md");
        }
        p.check(rules.stream().anyMatch(r -> r.get("alert") != null), "no alert in the PrometheusRule");
        for (String metric : WATCHED) {
            p.check(read.contains(metric), "no alert reads " + metric);
        }
        p.assertNone("alerts");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsOneTheServicesExport() throws IOException {
        Map<String, Set<String>> contract = contract();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map<String, Object> rule : rules()) {
            expressions.put("rule " + rule.getOrDefault("alert", rule.get("record")), (String) rule.get("expr"));
        }
        expressions.putAll(dashboardQueries());
        Problems p = new Problems();
        for (var e : expressions.entrySet()) {
            Set<String> names = PromQl.metricNames(e.getValue());
            p.check(!names.isEmpty(), e.getKey() + " reads no metric: " + e.getValue());
            for (String name : names) {
                p.check(contract.containsKey(name), e.getKey() + " reads " + name + ", which contracts/metrics.txt does not list");
            }
            PromQl.selectorLabels(e.getValue()).forEach((metric, labels) -> {
                for (String label : labels) {
                    p.check(TARGET_LABELS.contains(label) || contract.getOrDefault(metric, Set.of()).contains(label),
                            e.getKey() + " selects " + metric + " by label " + label + ", which contracts/metrics.txt does not give it");
                }
            });
        }
        p.assertNone("metric names (contracts/metrics.txt)");
    }

    @Test
    void theDashboardIsValidWithUniquePanelIdsAndTheDatasourceVariableEverywhere() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        Problems p = new Problems();
        p.check(dashboard.path("uid").isTextual() && dashboard.path("title").isTextual(), "the dashboard has no uid or title");
        boolean datasourceVariable = false;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            datasourceVariable |= v.path("name").asText().equals("datasource") && v.path("type").asText().equals("datasource")
                    && v.path("query").asText().equals("prometheus");
        }
        p.check(datasourceVariable, "no templating variable \"datasource\" of type datasource (prometheus)");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String where = "panel " + panel.path("id") + " \"" + panel.path("title").asText() + "\"";
            p.check(panel.path("id").isInt(), where + " has no numeric id");
            p.check(ids.add(panel.path("id").asInt()), where + ": the id is used twice");
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            p.check(panel.path("gridPos").path("w").isInt() && panel.path("gridPos").path("h").isInt(), where + " has no gridPos");
            p.check("${datasource}".equals(panel.path("datasource").path("uid").asText()), where + "'s datasource is not ${datasource}");
            p.check(panel.path("targets").size() > 0, where + " has no query");
            for (JsonNode target : panel.path("targets")) {
                p.check(!target.has("datasource") || "${datasource}".equals(target.path("datasource").path("uid").asText()),
                        where + " query " + target.path("refId").asText() + "'s datasource is not ${datasource}");
                p.check(!target.path("expr").asText().isBlank(), where + " query " + target.path("refId").asText() + " is empty");
            }
        }
        p.check(!ids.isEmpty(), "the dashboard has no panels");
        p.assertNone("dashboard " + Project.ROOT.relativize(DASHBOARD));
    }

    /** Skipped, saying so, where promtool is not installed; the checks above do not depend on it. */
    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        Assumptions.assumeTrue(promtool(), "promtool is not installed (Debian: apt-get install prometheus): the rules were "
                + "not checked by promtool nor unit-tested; the metric-name checks ran without it");
        GenericKubernetesResource rule = Kustomize.custom(objects(), "PrometheusRule").get(0);
        Path dir = Files.createTempDirectory("pulse-rules");
        YAML.writeValue(dir.resolve("partnership-pulse.rules.yaml").toFile(), rule.get("spec"));
        try (var in = MonitoringTest.class.getResourceAsStream("/monitoring/alerts.test.yaml")) {
            Files.copy(in, dir.resolve("alerts.test.yaml"));
        }
        String check = run(dir, "promtool", "check", "rules", "partnership-pulse.rules.yaml");
        String test = run(dir, "promtool", "test", "rules", "alerts.test.yaml");
        assertTrue(check.contains("SUCCESS") && test.contains("SUCCESS"), check + test);
    }

    private static boolean promtool() {
        try {
            Process p = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " took more than 60 s");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
