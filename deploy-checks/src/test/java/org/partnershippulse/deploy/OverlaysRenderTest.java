package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders with kubectl kustomize, and every object it yields is a valid Kubernetes object. */
class OverlaysRenderTest {

    /**
     * The only custom resources an overlay's kafka/ folder may contain (their operators' CRDs are not known to
     * fabric8); the overlays themselves contain none, so they apply on a cluster without any operator.
     */
    private static final Set<String> CUSTOM_KINDS_IN_OVERLAYS = Set.of("kafka.strimzi.io/v1beta2 KafkaTopic",
            "kafka.strimzi.io/v1beta2 KafkaUser");
    private static final Set<String> CUSTOM_KINDS_IN_OPTIONAL = Set.of(
            "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool", "kafka.strimzi.io/v1beta2 KafkaUser",
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database",
            "k8s.keycloak.org/v2alpha1 Keycloak", "k8s.keycloak.org/v2alpha1 KeycloakRealmImport");

    @Test
    void thereAreDevAndProdOverlays() {
        List<String> names = Kustomize.overlays().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dev", "prod")), "overlays found: " + names);
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersAndParsesWithNoUnknownFields() {
        return Kustomize.overlays().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<HasMetadata> objects = Kustomize.objects(dir);
            assertFalse(objects.isEmpty(), dir + " renders nothing");
            Problems p = new Problems();
            for (HasMetadata o : Rendered.of(dir).objects()) {
                p.check(o.getMetadata() != null && o.getMetadata().getName() != null, "an object without a name: " + o);
                if (o instanceof GenericKubernetesResource) {
                    p.check(!objects.contains(o), Kustomize.id(o) + " is in overlay " + dir.getFileName()
                            + " itself: operator kinds go into its kafka/ folder, so the overlay applies without the operator");
                    p.check(CUSTOM_KINDS_IN_OVERLAYS.contains(o.getApiVersion() + " " + o.getKind()),
                            Kustomize.id(o) + " (" + o.getApiVersion() + ") is not a kind the Kubernetes model knows, nor an expected custom resource");
                } else {
                    Kustomize.unknownFields(o, Kustomize.id(o)).forEach(p::add);
                }
            }
            p.assertNone("overlay " + dir.getFileName());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyObjectIsNamespacedAndLabelledAsPartOfTheSystem() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            for (HasMetadata o : r.objects()) {
                var labels = o.getMetadata().getLabels();
                if (!"Namespace".equals(o.getKind())) {
                    p.check(o.getMetadata().getNamespace() != null, Kustomize.id(o) + " has no namespace");
                    p.check(labels != null && "partnership-pulse".equals(labels.get("app.kubernetes.io/part-of")),
                            Kustomize.id(o) + " lacks app.kubernetes.io/part-of=partnership-pulse");
                    p.check(labels != null && labels.get("app.kubernetes.io/component") != null,
                            Kustomize.id(o) + " lacks app.kubernetes.io/component");
                    p.check(labels != null && labels.get("app.kubernetes.io/version") != null,
                            Kustomize.id(o) + " lacks app.kubernetes.io/version");
                }
            }
            p.assertNone("labels in overlay " + r.overlay());
        }));
    }

    /** Secret values never live in the repository: the overlays only reference Secrets created out of band. */
    @TestFactory
    Stream<DynamicTest> noOverlayContainsASecret() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () ->
                assertTrue(r.ofKind(Secret.class).isEmpty(), r.overlay() + " renders Secrets: "
                        + r.ofKind(Secret.class).stream().map(Kustomize::id).toList())));
    }

    @TestFactory
    Stream<DynamicTest> everyOptionalOperatorFolderRendersAndParses() {
        return Kustomize.optionalDirs().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            List<HasMetadata> objects = Kustomize.objects(dir);
            assertFalse(objects.isEmpty(), dir + " renders nothing");
            Problems p = new Problems();
            for (HasMetadata o : objects) {
                if (o instanceof GenericKubernetesResource) {
                    p.check(CUSTOM_KINDS_IN_OPTIONAL.contains(o.getApiVersion() + " " + o.getKind()),
                            Kustomize.id(o) + " (" + o.getApiVersion() + ") is not an expected operator resource");
                } else {
                    Kustomize.unknownFields(o, Kustomize.id(o)).forEach(p::add);
                }
            }
            p.assertNone("optional/" + dir.getFileName());
        }));
    }

    /** The example files (Secrets with placeholders, a KafkaUser) are not in any kustomization but must parse too. */
    @Test
    void everyExampleFileParses() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.walk(Project.DEPLOY)) {
            examples = files.filter(f -> f.getFileName().toString().endsWith(".example.yaml")).sorted().toList();
        }
        assertFalse(examples.isEmpty(), "no *.example.yaml under deploy/");
        Problems p = new Problems();
        for (Path f : examples) {
            List<HasMetadata> objects = Kustomize.parse(Project.read(f), f.toString());
            p.check(!objects.isEmpty(), f + " holds no object");
            for (HasMetadata o : objects) {
                if (o instanceof Secret s) {
                    (s.getStringData() == null ? java.util.Map.<String, String>of() : s.getStringData()).forEach((k, v) -> {
                        if (k.equals("password")) {
                            p.check(v.equals("CHANGE-ME"), f.getFileName() + " " + Kustomize.id(o) + " holds a password that is not the CHANGE-ME placeholder");
                        }
                    });
                    p.check(s.getData() == null || s.getData().isEmpty(), Kustomize.id(o) + " in " + f.getFileName() + " has base64 data: use stringData placeholders");
                } else if (!(o instanceof GenericKubernetesResource)) {
                    Kustomize.unknownFields(o, Kustomize.id(o)).forEach(p::add);
                }
            }
        }
        p.assertNone("example files");
    }
}
