package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every Deployment has an HPA (on CPU) and a PodDisruptionBudget, and each of them targets a Deployment that exists. */
class AutoscalingAndDisruptionTest {

    @TestFactory
    Stream<DynamicTest> everyHpaScalesAnExistingDeploymentOnCpu() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (HorizontalPodAutoscaler h : r.ofKind(HorizontalPodAutoscaler.class)) {
                var ref = h.getSpec().getScaleTargetRef();
                String where = r.overlay() + " " + Kustomize.id(h);
                p.check("Deployment".equals(ref.getKind()) && r.deployment(ref.getName()).isPresent(),
                        where + " targets " + ref.getKind() + "/" + ref.getName() + ", which does not exist");
                Integer min = h.getSpec().getMinReplicas();
                p.check(min != null && min >= 1 && min <= h.getSpec().getMaxReplicas(), where + " min " + min + " max " + h.getSpec().getMaxReplicas());
                p.check(h.getSpec().getMetrics() != null && h.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                        && "cpu".equals(m.getResource().getName())), where + " does not scale on CPU");
                r.deployment(ref.getName()).ifPresent(d -> p.check(d.getSpec().getReplicas() == null,
                        where + ": " + Kustomize.id(d) + " also sets replicas, which every apply would reset under the HPA"));
                if (r.overlay().equals("prod")) {
                    p.check(min != null && min >= 2, where + " prod keeps fewer than two pods");
                }
            }
            for (Deployment d : r.deployments()) {
                p.check(r.ofKind(HorizontalPodAutoscaler.class).stream().anyMatch(h -> h.getSpec().getScaleTargetRef().getName()
                        .equals(d.getMetadata().getName())), r.overlay() + " " + Kustomize.id(d) + " has no HPA");
            }
            p.assertNone("autoscaling");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPodDisruptionBudgetSelectsTheDeploymentItProtects() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (PodDisruptionBudget pdb : r.ofKind(PodDisruptionBudget.class)) {
                long matches = r.deployments().stream().filter(d -> Rendered.selects(pdb.getSpec().getSelector(), Rendered.podLabels(d))).count();
                p.check(matches == 1, r.overlay() + " " + Kustomize.id(pdb) + " selects the pods of " + matches + " Deployments, expected 1");
                p.check(pdb.getSpec().getMinAvailable() != null || pdb.getSpec().getMaxUnavailable() != null,
                        r.overlay() + " " + Kustomize.id(pdb) + " sets neither minAvailable nor maxUnavailable");
            }
            for (Deployment d : r.deployments()) {
                p.check(r.ofKind(PodDisruptionBudget.class).stream().anyMatch(pdb -> Rendered.selects(pdb.getSpec().getSelector(),
                        Rendered.podLabels(d))), r.overlay() + " " + Kustomize.id(d) + " has no PodDisruptionBudget");
            }
            p.assertNone("disruption budgets");
        }));
    }
}
