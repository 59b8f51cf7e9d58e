package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendered overlay: its objects and the lookups the checks share. An overlay's Strimzi topics and users live in
 * its {@code kafka/} folder (applied on their own, only where Strimzi runs); they are part of what it deploys.
 */
record Rendered(String overlay, List<HasMetadata> objects) {

    static List<Rendered> all() {
        return Kustomize.overlays().stream().map(Rendered::of).toList();
    }

    static Rendered of(Path dir) {
        List<HasMetadata> objects = new java.util.ArrayList<>(Kustomize.objects(dir));
        if (java.nio.file.Files.isRegularFile(dir.resolve("kafka/kustomization.yaml"))) {
            objects.addAll(Kustomize.objects(dir.resolve("kafka")));
        }
        return new Rendered(dir.getFileName().toString(), List.copyOf(objects));
    }

    <T> List<T> ofKind(Class<T> type) {
        return Kustomize.ofKind(objects, type);
    }

    List<Deployment> deployments() {
        return ofKind(Deployment.class);
    }

    Optional<Deployment> deployment(String name) {
        return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst();
    }

    /** The Deployment whose pods carry app.kubernetes.io/name = the service, and its (only) container. */
    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(Kustomize.id(d) + " should have exactly one container, has " + containers.size());
        }
        return containers.get(0);
    }

    static String serviceName(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name");
    }

    /** Does a label selector (matchLabels and matchExpressions) select pods with these labels? */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String v = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> v != null && r.getValues().contains(v);
                    case "NotIn" -> v == null || !r.getValues().contains(v);
                    case "Exists" -> v != null;
                    case "DoesNotExist" -> v == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }
}
