package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Services select pods that exist and reach a port those pods declare; the Ingress reaches those Services. */
class ServiceWiringTest {

    @TestFactory
    Stream<DynamicTest> everyServiceSelectsTheDeclaredPortOfADeploymentsPods() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (Service svc : r.ofKind(Service.class)) {
                String where = r.overlay() + " " + Kustomize.id(svc);
                List<Deployment> selected = r.deployments().stream()
                        .filter(d -> Rendered.selects(svc.getSpec().getSelector(), Rendered.podLabels(d))).toList();
                p.check(selected.size() == 1, where + " selects the pods of " + selected.size() + " Deployments, expected 1");
                for (Deployment d : selected) {
                    int appPort = Project.service(Rendered.serviceName(d)).httpPort();
                    for (ServicePort sp : svc.getSpec().getPorts()) {
                        Integer target = ContainerRulesTest.resolvePort(Rendered.container(d), sp.getTargetPort());
                        p.check(target != null, where + " targetPort " + sp.getTargetPort() + " is not a port of " + Kustomize.id(d));
                        p.check(target == null || target == appPort, where + " targets " + target + ", the application listens on " + appPort);
                        p.check(sp.getPort() == appPort, where + " port " + sp.getPort() + " differs from the application's " + appPort
                                + " (keep them equal: one number per service everywhere)");
                    }
                }
            }
            for (Deployment d : r.deployments()) {
                p.check(r.ofKind(Service.class).stream().anyMatch(s -> Rendered.selects(s.getSpec().getSelector(), Rendered.podLabels(d))),
                        r.overlay() + " " + Kustomize.id(d) + " has no Service");
            }
            p.assertNone("services");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theIngressRoutesOneHostToEveryServiceOnAPortItExposes() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            List<Ingress> ingresses = r.ofKind(Ingress.class);
            p.check(!ingresses.isEmpty(), r.overlay() + " has no Ingress");
            java.util.Set<String> routed = new java.util.TreeSet<>();
            for (Ingress ing : ingresses) {
                var tlsHosts = ing.getSpec().getTls() == null ? List.<String>of()
                        : ing.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList();
                ing.getSpec().getRules().forEach(rule -> {
                    p.check(rule.getHost() != null, Kustomize.id(ing) + " has a rule without host (routing is by host)");
                    p.check(tlsHosts.contains(rule.getHost()), Kustomize.id(ing) + " host " + rule.getHost() + " is not covered by TLS");
                    rule.getHttp().getPaths().forEach(path -> {
                        IngressServiceBackend b = path.getBackend().getService();
                        Optional<Service> svc = r.ofKind(Service.class).stream()
                                .filter(s -> s.getMetadata().getName().equals(b.getName())).findFirst();
                        p.check(svc.isPresent(), Kustomize.id(ing) + " routes to missing Service " + b.getName());
                        svc.ifPresent(s -> {
                            routed.add(s.getMetadata().getName());
                            p.check(s.getSpec().getPorts().stream().anyMatch(sp -> b.getPort().getName() != null
                                            ? b.getPort().getName().equals(sp.getName()) : b.getPort().getNumber().equals(sp.getPort())),
                                    Kustomize.id(ing) + " routes to a port Service " + b.getName() + " does not expose");
                        });
                    });
                });
            }
            p.check(routed.containsAll(Project.names(Project.services())), r.overlay() + " Ingress routes to " + routed
                    + ", not to every service " + Project.names(Project.services()));
            p.assertNone("ingress");
        }));
    }
}
