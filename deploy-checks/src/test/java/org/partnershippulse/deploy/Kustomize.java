package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders Kustomize directories with {@code kubectl kustomize} (offline: no cluster is contacted) and parses the
 * output with the fabric8 Kubernetes model. Renders are cached: each directory is rendered once per test run.
 */
final class Kustomize {

    static final String INSTALL_HINT = """
            kubectl is needed to render the Kustomize overlays (it only renders, offline; no cluster is contacted).
            Install it, e.g. on Debian/Ubuntu: apt-get install -y kubectl (from the Kubernetes or Google Cloud apt
            repository), or download it: https://kubernetes.io/docs/tasks/tools/ . Any kubectl >= 1.27 (Kustomize v5) works.""";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<Path, String> RENDERED = new TreeMap<>();

    private Kustomize() {
    }

    /** The overlays: every folder under deploy/overlays. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(Project.DEPLOY.resolve("overlays"))) {
            List<Path> overlays = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
            if (overlays.isEmpty()) {
                throw new AssertionError("no overlays under deploy/overlays");
            }
            return overlays;
        } catch (IOException e) {
            throw new AssertionError("cannot list deploy/overlays", e);
        }
    }

    /** The optional operator folders: every folder under deploy/optional with a kustomization. */
    static List<Path> optionalDirs() {
        try (Stream<Path> dirs = Files.list(Project.DEPLOY.resolve("optional"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list deploy/optional", e);
        }
    }

    static synchronized String render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    static List<HasMetadata> objects(Path dir) {
        return parse(render(dir), dir.toString());
    }

    static List<HasMetadata> parse(String yaml, String what) {
        Object parsed;
        try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
            parsed = SERIALIZATION.unmarshal(in);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + " does not parse as Kubernetes objects: " + e.getMessage(), e);
        }
        List<HasMetadata> list = new ArrayList<>();
        if (parsed instanceof Collection<?> many) {
            many.forEach(o -> list.add((HasMetadata) o));
        } else if (parsed instanceof HasMetadata one) {
            list.add(one);
        } else if (parsed != null) {
            throw new AssertionError(what + " parsed into " + parsed.getClass() + ", not Kubernetes objects");
        }
        return list;
    }

    static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    static String id(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    /**
     * Fields the fabric8 model does not know (a misspelt "readinesProbe", a field at the wrong level) end up in
     * the objects' additionalProperties instead of failing the parse; this finds them, with their path.
     */
    static List<String> unknownFields(Object model, String path) {
        List<String> found = new ArrayList<>();
        walk(model, path, found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null || node instanceof GenericKubernetesResource) {
            return; // custom resources have no schema here
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": unknown " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                walk(value, path + "." + field, found);
            }
        }
    }

    private static String run(Path dir) {
        ProcessBuilder pb = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl: " + e.getMessage() + "\n" + INSTALL_HINT, e);
        }
        try {
            p.getOutputStream().close();
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            Thread e = new Thread(() -> copy(p.getErrorStream(), err), "kubectl-stderr");
            e.start();
            copy(p.getInputStream(), out);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " took more than 60 s");
            }
            e.join();
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + Project.ROOT.relativize(dir) + " failed (exit "
                        + p.exitValue() + "):\n" + err.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + e, e);
        }
    }

    private static void copy(InputStream in, java.io.OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells
        }
    }
}
