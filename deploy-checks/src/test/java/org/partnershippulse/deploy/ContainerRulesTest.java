package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every service runs in every overlay as a Deployment whose container has the three SmallRye Health probes on the
 * service's own port, requests and limits, and a locked-down security context matching its image's user.
 */
class ContainerRulesTest {

    @TestFactory
    Stream<DynamicTest> everyServiceHasExactlyOneDeploymentInEveryOverlay() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Set<String> services = new TreeSet<>(Project.names(Project.services()));
            Set<String> deployed = r.deployments().stream().map(Rendered::serviceName).collect(Collectors.toCollection(TreeSet::new));
            Problems p = new Problems();
            p.check(deployed.equals(services), "services " + services + " but Deployments for " + deployed);
            for (Deployment d : r.deployments()) {
                p.check(d.getMetadata().getName().equals(Rendered.serviceName(d)),
                        Kustomize.id(d) + " should be named after its pods' app.kubernetes.io/name " + Rendered.serviceName(d));
            }
            p.assertNone(r.overlay());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyContainerHasTheThreeHealthProbesOnTheServicePort() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (Deployment d : r.deployments()) {
                Container c = Rendered.container(d);
                int port = Project.service(Rendered.serviceName(d)).httpPort();
                String where = r.overlay() + " " + Kustomize.id(d);
                checkProbe(p, where + " startupProbe", c.getStartupProbe(), "/q/health/started", c, port);
                checkProbe(p, where + " livenessProbe", c.getLivenessProbe(), "/q/health/live", c, port);
                checkProbe(p, where + " readinessProbe", c.getReadinessProbe(), "/q/health/ready", c, port);
            }
            p.assertNone("probes");
        }));
    }

    private static void checkProbe(Problems p, String where, Probe probe, String path, Container c, int port) {
        if (probe == null || probe.getHttpGet() == null) {
            p.add(where + " is missing or not an httpGet probe");
            return;
        }
        p.check(path.equals(probe.getHttpGet().getPath()), where + " path " + probe.getHttpGet().getPath() + ", expected " + path);
        Integer resolved = resolvePort(c, probe.getHttpGet().getPort());
        p.check(resolved != null && resolved == port, where + " port " + probe.getHttpGet().getPort() + " resolves to "
                + resolved + ", the service listens on " + port);
    }

    /** A numeric port, or the containerPort of the named port. */
    static Integer resolvePort(Container c, IntOrString port) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(cp -> port.getStrVal().equals(cp.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElse(null);
    }

    @TestFactory
    Stream<DynamicTest> everyContainerDeclaresItsPortAndRequestsAndLimitsCpuAndMemory() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (Deployment d : r.deployments()) {
                Container c = Rendered.container(d);
                String where = r.overlay() + " " + Kustomize.id(d);
                int port = Project.service(Rendered.serviceName(d)).httpPort();
                p.check(c.getPorts().stream().anyMatch(cp -> cp.getContainerPort() == port),
                        where + " declares no containerPort " + port);
                var res = c.getResources();
                if (res == null || res.getRequests() == null || res.getLimits() == null) {
                    p.add(where + " has no resource requests and limits");
                    continue;
                }
                for (String r2 : List.of("cpu", "memory")) {
                    Quantity req = res.getRequests().get(r2);
                    Quantity lim = res.getLimits().get(r2);
                    p.check(req != null, where + " requests no " + r2);
                    p.check(lim != null, where + " limits no " + r2);
                    if (req != null && lim != null) {
                        p.check(req.getNumericalAmount().compareTo(lim.getNumericalAmount()) <= 0,
                                where + " requests more " + r2 + " (" + req + ") than its limit (" + lim + ")");
                    }
                }
            }
            p.assertNone("resources");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPodRunsAsTheImagesNonRootUserWithAReadOnlyRootAndNoPrivileges() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (Deployment d : r.deployments()) {
                String where = r.overlay() + " " + Kustomize.id(d);
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                Container c = Rendered.container(d);
                var psc = pod.getSecurityContext();
                var csc = c.getSecurityContext();
                long imageUser = DockerfilesTest.user(Project.service(Rendered.serviceName(d)));
                p.check(csc != null, where + " container has no securityContext");
                if (csc == null) {
                    continue;
                }
                Boolean nonRoot = csc.getRunAsNonRoot() != null ? csc.getRunAsNonRoot() : psc == null ? null : psc.getRunAsNonRoot();
                Long user = csc.getRunAsUser() != null ? csc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
                var seccomp = csc.getSeccompProfile() != null ? csc.getSeccompProfile() : psc == null ? null : psc.getSeccompProfile();
                p.check(Boolean.TRUE.equals(nonRoot), where + " does not set runAsNonRoot: true");
                p.check(user != null && user == imageUser, where + " runAsUser " + user + " differs from the Dockerfile's USER " + imageUser);
                p.check(Boolean.TRUE.equals(csc.getReadOnlyRootFilesystem()), where + " root filesystem is not read-only");
                p.check(Boolean.FALSE.equals(csc.getAllowPrivilegeEscalation()), where + " does not set allowPrivilegeEscalation: false");
                p.check(csc.getCapabilities() != null && csc.getCapabilities().getDrop() != null
                        && csc.getCapabilities().getDrop().contains("ALL"), where + " does not drop ALL capabilities");
                p.check(csc.getCapabilities() == null || csc.getCapabilities().getAdd() == null
                        || csc.getCapabilities().getAdd().isEmpty(), where + " adds capabilities");
                p.check(seccomp != null && "RuntimeDefault".equals(seccomp.getType()), where + " has no RuntimeDefault seccomp profile");
                p.check(!Boolean.TRUE.equals(csc.getPrivileged()), where + " is privileged");
                // Quarkus and Vert.x need a writable /tmp on a read-only root filesystem.
                boolean tmp = c.getVolumeMounts() != null && c.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())
                        && pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())).map(Volume::getEmptyDir)
                        .anyMatch(e -> e != null) && !Boolean.TRUE.equals(m.getReadOnly()));
                p.check(tmp, where + " mounts no writable emptyDir at /tmp");
            }
            p.assertNone("security");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDeploymentRollsWithoutLosingCapacityAndUsesItsOwnTokenlessServiceAccount() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, ServiceAccount> accounts = r.ofKind(ServiceAccount.class).stream()
                    .collect(Collectors.toMap(a -> a.getMetadata().getName(), a -> a));
            for (Deployment d : r.deployments()) {
                String where = r.overlay() + " " + Kustomize.id(d);
                var strategy = d.getSpec().getStrategy();
                p.check(strategy != null && "RollingUpdate".equals(strategy.getType()), where + " is not a RollingUpdate");
                if (strategy != null && strategy.getRollingUpdate() != null) {
                    IntOrString mu = strategy.getRollingUpdate().getMaxUnavailable();
                    p.check(mu != null && ((mu.getIntVal() != null && mu.getIntVal() == 0) || "0%".equals(mu.getStrVal())),
                            where + " maxUnavailable is " + mu + ", expected 0");
                }
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                ServiceAccount sa = accounts.get(pod.getServiceAccountName());
                p.check(sa != null, where + " uses ServiceAccount " + pod.getServiceAccountName() + ", which the overlay does not define");
                p.check(sa == null || Boolean.FALSE.equals(sa.getAutomountServiceAccountToken()),
                        where + " ServiceAccount mounts an API token");
                p.check(Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()), where + " pod mounts an API token");
                String image = Rendered.container(d).getImage();
                p.check(image != null && image.contains("/" + Rendered.serviceName(d) + ":"),
                        where + " image " + image + " is not named after the service with a tag");
                p.check(image == null || !image.endsWith(":latest"), where + " uses the tag latest");
            }
            p.assertNone("rollout");
        }));
    }
}
