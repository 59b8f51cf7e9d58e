package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The services' pods are denied all traffic by default; they receive HTTP on their own port only, and reach only DNS,
 * PostgreSQL, Kafka and Keycloak. Prometheus (its documented default: pods labelled app.kubernetes.io/name=prometheus
 * in namespace monitoring) may scrape the port deploy/monitoring's ServiceMonitors scrape. Every policy selects pods
 * that exist.
 */
class NetworkPoliciesTest {

    /** Where the guide says Prometheus runs by default (kube-prometheus-stack); the policy's peer is patched for others. */
    static final Map<String, String> PROMETHEUS_NAMESPACE = Map.of("kubernetes.io/metadata.name", "monitoring");
    static final Map<String, String> PROMETHEUS_POD = Map.of("app.kubernetes.io/name", "prometheus",
            "app.kubernetes.io/instance", "kube-prometheus-stack-prometheus", "prometheus", "kube-prometheus-stack-prometheus");

    /** DNS, PostgreSQL, Kafka, Keycloak (HTTP and HTTPS). */
    private static final Set<Integer> ALLOWED_EGRESS_PORTS = Set.of(53, 5432, 9093, 8080, 8443, 4317, 4318);
    /** SMTP (25, 465, 587): partnership-service alone, for its notification mails (pulse-egress-smtp). */
    private static final Set<Integer> SMTP_PORTS = Set.of(25, 465, 587);

    @TestFactory
    Stream<DynamicTest> everyNetworkPolicySelectsPodsOfADeployment() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (NetworkPolicy np : r.ofKind(NetworkPolicy.class)) {
                boolean any = r.deployments().stream().anyMatch(d -> Rendered.selects(np.getSpec().getPodSelector(), Rendered.podLabels(d)));
                p.check(any, r.overlay() + " " + Kustomize.id(np) + " selects no pods of any Deployment");
            }
            p.assertNone("network policy selectors");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyServiceIsDeniedByDefaultAndOpenOnlyOnItsPortAndToItsDependencies() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            List<NetworkPolicy> all = r.ofKind(NetworkPolicy.class);
            for (Deployment d : r.deployments()) {
                String where = r.overlay() + " " + Kustomize.id(d);
                int port = Project.service(Rendered.serviceName(d)).httpPort();
                List<NetworkPolicy> applying = all.stream()
                        .filter(np -> Rendered.selects(np.getSpec().getPodSelector(), Rendered.podLabels(d))).toList();
                p.check(applying.stream().anyMatch(np -> np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                                && (np.getSpec().getIngress() == null || np.getSpec().getIngress().isEmpty())
                                && (np.getSpec().getEgress() == null || np.getSpec().getEgress().isEmpty())),
                        where + " is not covered by a default-deny policy (Ingress and Egress, no rules)");
                boolean ingressOnPort = false;
                for (NetworkPolicy np : applying) {
                    for (var rule : np.getSpec().getIngress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of() : np.getSpec().getIngress()) {
                        p.check(rule.getFrom() != null && !rule.getFrom().isEmpty(), where + " " + Kustomize.id(np) + " admits traffic from anywhere");
                        p.check(rule.getPorts() != null && !rule.getPorts().isEmpty(), where + " " + Kustomize.id(np) + " admits every port");
                        for (NetworkPolicyPort pp : rule.getPorts() == null ? List.<NetworkPolicyPort>of() : rule.getPorts()) {
                            Integer resolved = ContainerRulesTest.resolvePort(Rendered.container(d), pp.getPort());
                            p.check(resolved != null && resolved == port, where + " " + Kustomize.id(np) + " admits port " + pp.getPort()
                                    + ", the service listens on " + port);
                            ingressOnPort |= resolved != null && resolved == port;
                        }
                    }
                    for (var rule : np.getSpec().getEgress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of() : np.getSpec().getEgress()) {
                        p.check(rule.getTo() != null && !rule.getTo().isEmpty(), where + " " + Kustomize.id(np) + " allows egress to anywhere");
                        p.check(rule.getPorts() != null && !rule.getPorts().isEmpty(), where + " " + Kustomize.id(np) + " allows egress on every port");
                        for (NetworkPolicyPort pp : rule.getPorts() == null ? List.<NetworkPolicyPort>of() : rule.getPorts()) {
                            Integer n = pp.getPort() == null ? null : pp.getPort().getIntVal();
                            boolean smtp = n != null && SMTP_PORTS.contains(n)
                                    && Rendered.serviceName(d).equals("partnership-service");
                            p.check(n != null && (ALLOWED_EGRESS_PORTS.contains(n) || smtp), where + " " + Kustomize.id(np)
                                    + " allows egress to port " + pp.getPort() + " (allowed: " + ALLOWED_EGRESS_PORTS
                                    + ", SMTP for partnership-service only)");
                        }
                    }
                }
                p.check(ingressOnPort, where + " receives no traffic on its port " + port);
                for (int needed : List.of(53, 5432, 9093)) {
                    p.check(applying.stream().anyMatch(np -> np.getSpec().getEgress() != null && np.getSpec().getEgress().stream()
                                    .anyMatch(e -> e.getPorts() != null && e.getPorts().stream().anyMatch(pp -> pp.getPort() != null
                                            && Integer.valueOf(needed).equals(pp.getPort().getIntVal())))),
                            where + " may not reach port " + needed);
                }
                p.check(applying.stream().anyMatch(np -> np.getSpec().getEgress() != null && np.getSpec().getEgress().stream()
                                .anyMatch(e -> e.getPorts() != null && e.getPorts().stream().anyMatch(pp -> pp.getPort() != null
                                        && Set.of(8080, 8443).contains(pp.getPort().getIntVal())))),
                        where + " may not reach Keycloak");
            }
            p.assertNone("network policies");
        }));
    }

    /**
     * Prometheus gets in on the very port the ServiceMonitor scrapes (its Service port's target), from its namespace
     * and pods only; a pod of another namespace, or another pod of Prometheus' namespace, does not.
     */
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> prometheusMayScrapeEveryServiceOnItsMetricsPortAndNobodyElseFromItsNamespace() {
        var monitors = Kustomize.custom(MonitoringTest.objects(), "ServiceMonitor");
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            List<NetworkPolicy> all = r.ofKind(NetworkPolicy.class);
            for (Deployment d : r.deployments()) {
                String where = r.overlay() + " " + Kustomize.id(d);
                var service = r.ofKind(io.fabric8.kubernetes.api.model.Service.class).stream()
                        .filter(s -> s.getMetadata().getName().equals(Rendered.serviceName(d))).findFirst().orElseThrow();
                Integer scraped = null;
                for (var m : monitors) {
                    if (!Rendered.selects((Map<String, String>) m.get("spec", "selector", "matchLabels"), service.getMetadata().getLabels())) {
                        continue;
                    }
                    Object portName = ((List<Map<String, Object>>) m.get("spec", "endpoints")).get(0).get("port");
                    scraped = service.getSpec().getPorts().stream().filter(sp -> portName.equals(sp.getName()))
                            .map(sp -> ContainerRulesTest.resolvePort(Rendered.container(d), sp.getTargetPort())).findFirst().orElse(null);
                }
                p.check(scraped != null, where + ": no ServiceMonitor of deploy/monitoring scrapes a port of its Service");
                Integer metricsPort = scraped;
                boolean prometheus = false;
                boolean stranger = false;
                for (NetworkPolicy np : all) {
                    if (!Rendered.selects(np.getSpec().getPodSelector(), Rendered.podLabels(d)) || np.getSpec().getIngress() == null) {
                        continue;
                    }
                    for (var rule : np.getSpec().getIngress()) {
                        boolean onPort = rule.getPorts() != null && rule.getPorts().stream()
                                .anyMatch(pp -> java.util.Objects.equals(ContainerRulesTest.resolvePort(Rendered.container(d), pp.getPort()), metricsPort));
                        if (!onPort || rule.getFrom() == null) {
                            continue;
                        }
                        for (var peer : rule.getFrom()) {
                            prometheus |= admits(peer, PROMETHEUS_NAMESPACE, PROMETHEUS_POD);
                            stranger |= admits(peer, PROMETHEUS_NAMESPACE, Map.of("app.kubernetes.io/name", "grafana"));
                        }
                    }
                }
                p.check(prometheus, where + ": Prometheus (namespace monitoring, app.kubernetes.io/name=prometheus) may not reach "
                        + "the metrics port " + scraped);
                p.check(!stranger, where + ": any pod of namespace monitoring may reach port " + scraped + ", not only Prometheus");
            }
            p.assertNone("Prometheus ingress");
        }));
    }

    /** Does a peer admit a pod with these labels in a namespace with these labels (from another namespace)? */
    static boolean admits(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer peer, Map<String, String> namespace,
                          Map<String, String> pod) {
        if (peer.getIpBlock() != null || peer.getNamespaceSelector() == null) {
            return false; // without a namespaceSelector a peer is in the policy's own namespace
        }
        boolean namespaceOk = Rendered.selects(peer.getNamespaceSelector(), namespace)
                || (peer.getNamespaceSelector().getMatchLabels() == null && peer.getNamespaceSelector().getMatchExpressions() == null);
        boolean podOk = peer.getPodSelector() == null || Rendered.selects(peer.getPodSelector(), pod)
                || (peer.getPodSelector().getMatchLabels() == null && peer.getPodSelector().getMatchExpressions() == null);
        return namespaceOk && podOk;
    }
}
