package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploy guide's steps, followed literally on the rendered manifests. deploy/README.md, section "Installing, step
 * by step": every ```bash block of a step runs on both Kafka paths, unless the paragraph before it starts with
 * "**With Strimzi**" or "**Without Strimzi**"; a step may apply operator kinds only where its heading or that paragraph
 * says it "needs" the operator. Followed like a shell would: `kubectl create secret …` creates a Secret (name, keys,
 * namespace), `kubectl apply -k DIR` / `-f FILE` applies what Kustomize renders, and what an operator makes from an
 * applied resource counts too (Strimzi: a KafkaUser's Secret, a Kafka cluster's CA Secret). Every Secret and key a
 * Deployment or the Ingress reads must exist in its namespace when the step applying it runs. The guide once left out
 * {@code pulse-respondent-key} (assessment and reporting pods stuck in CreateContainerConfigError) and told a county
 * without Strimzi to apply KafkaTopics; both are caught here.
 */
class DeployGuideTest {

    static final Path GUIDE = Project.DEPLOY.resolve("README.md");
    private static final String STEPS_SECTION = "## Installing, step by step";

    /** The two ways through the guide. */
    enum Route {
        WITH_STRIMZI("**With Strimzi**"), WITHOUT_STRIMZI("**Without Strimzi**");

        final String marker;

        Route(String marker) {
            this.marker = marker;
        }
    }

    /** API groups of the kinds every cluster knows: core, apps, policy, networking, autoscaling. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "policy", "networking.k8s.io", "autoscaling");
    /** The operator whose CRDs define a group, as a step names it ("needs Strimzi"). */
    private static final Map<String, String> OPERATOR_OF_GROUP = Map.of(
            "kafka.strimzi.io", "Strimzi",
            "monitoring.coreos.com", "the Prometheus operator",
            "postgresql.cnpg.io", "the CloudNativePG operator",
            "k8s.keycloak.org", "the Keycloak Operator");

    /** One ```bash block of a step, with what the step says about it. */
    record Block(String step, String lead, String shell) {

        boolean on(Route route) {
            boolean any = false;
            for (Route r : Route.values()) {
                if (lead.contains(r.marker)) {
                    any = true;
                    if (r == route) {
                        return true;
                    }
                }
            }
            return !any;
        }

        boolean saysItNeeds(String operator) {
            return (step + "\n" + lead).contains("needs " + operator);
        }
    }

    // ------------------------------------------------------------------------------------------ the checks

    @TestFactory
    Stream<DynamicTest> followingTheStepsLeavesNoMissingSecretNorUnknownKind() {
        List<Block> blocks = blocks(Project.read(GUIDE));
        return Stream.of(Route.values()).map(route -> DynamicTest.dynamicTest(route.name(), () -> {
            Walk walk = follow(blocks, route);
            walk.problems.assertNone("deploy/README.md followed " + route);
        }));
    }

    /** The check must see what the guide does: both routes reach the services, Strimzi's route uses its kinds. */
    @Test
    void theWalkSeesTheServicesAndTheSecretsOnBothRoutes() {
        List<Block> blocks = blocks(Project.read(GUIDE));
        assertFalse(blocks.isEmpty(), "no ```bash blocks under \"" + STEPS_SECTION + "\" in deploy/README.md");
        for (Route route : Route.values()) {
            Walk walk = follow(blocks, route);
            Set<String> deployed = new TreeSet<>();
            walk.applied.stream().filter(Deployment.class::isInstance).forEach(d -> deployed.add(d.getMetadata().getName()));
            assertEquals(Project.names(Project.services()), deployed, route + " deploys these services");
            assertTrue(walk.secrets.containsKey("partnership-pulse/pulse-respondent-key"), route + " creates no pulse-respondent-key: " + walk.secrets.keySet());
        }
        assertTrue(follow(blocks, Route.WITH_STRIMZI).applied.stream().anyMatch(o -> "KafkaUser".equals(o.getKind())),
                "the Strimzi route applies no KafkaUser");
        assertTrue(follow(blocks, Route.WITHOUT_STRIMZI).applied.stream()
                        .noneMatch(o -> o.getApiVersion().startsWith("kafka.strimzi.io/")),
                "the route without Strimzi applies Strimzi kinds");
        assertTrue(follow(blocks, Route.WITH_STRIMZI).applied.stream().anyMatch(o -> "PrometheusRule".equals(o.getKind())),
                "no route applies deploy/monitoring's alert rules (step 8)");
    }

    /** The guide of before (no respondent key, topics in the overlay for everyone) would fail, as would a late Secret. */
    @Test
    void theCheckCatchesAForgottenSecretAndAnOperatorKindOnTheWrongRoute() {
        String guide = Project.read(GUIDE);
        String withoutKey = guide.lines().filter(l -> !l.contains("create secret generic pulse-respondent-key"))
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(withoutKey.length() < guide.length(), "the guide creates no pulse-respondent-key by `kubectl create secret generic`");
        String missing = follow(blocks(withoutKey), Route.WITHOUT_STRIMZI).problems.toString();
        assertTrue(missing.contains("pulse-respondent-key") && missing.contains("assessment-service")
                && missing.contains("reporting-service"), missing);

        String tooLate = withoutKey.replace("kubectl apply -k deploy/overlays/prod\n",
                "kubectl apply -k deploy/overlays/prod\nkubectl -n partnership-pulse create secret generic pulse-respondent-key --from-literal=key=x\n");
        String late = follow(blocks(tooLate), Route.WITH_STRIMZI).problems.toString();
        assertTrue(late.contains("pulse-respondent-key"), "a Secret created after the Deployments that read it: " + late);

        String topicsForEveryone = guide.replace("kubectl apply -k deploy/overlays/prod\n",
                "kubectl apply -k deploy/overlays/prod\nkubectl apply -k deploy/overlays/prod/kafka\n");
        String unknown = follow(blocks(topicsForEveryone), Route.WITHOUT_STRIMZI).problems.toString();
        assertTrue(unknown.contains("KafkaTopic") && unknown.contains("Strimzi"), unknown);
    }

    /** The topics, users and ACLs the guide creates with Kafka's own tools are those of the scripts and the overlay. */
    @Test
    void theKafkaToolCommandsMatchTheAclsAndTopics() {
        String guide = Project.read(GUIDE);
        Set<String> acls = new TreeSet<>();
        Matcher acl = Pattern.compile("--allow-principal User:(\\S+) --operation (\\S+) --(topic|group) (\\S+)( --resource-pattern-type prefixed)?")
                .matcher(guide);
        while (acl.find()) {
            acls.add(String.join(" ", acl.group(1), acl.group(2), acl.group(3), acl.group(5) == null ? "literal" : "prefixed",
                    acl.group(4)).toLowerCase(Locale.ROOT));
        }
        assertEquals(KafkaUsersTest.scriptAcls(), acls, "the guide's kafka-acls.sh lines differ from scripts/kafka/acls.txt");

        Map<String, String> created = new LinkedHashMap<>();
        Matcher topic = Pattern.compile("kafka-topics\\.sh .*--create --topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)((?: --config \\S+)*)")
                .matcher(guide);
        while (topic.find()) {
            created.put(topic.group(1), topic.group(2) + " " + topic.group(3) + new TreeSet<>(List.of(topic.group(4).trim().split("\\s*--config\\s+"))));
        }
        Map<String, String> strimzi = new LinkedHashMap<>();
        for (GenericKubernetesResource t : Kustomize.custom(Kustomize.objects(Project.DEPLOY.resolve("overlays/prod/kafka")), "KafkaTopic")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) t.get("spec", "config");
            Set<String> settings = new TreeSet<>(List.of(""));
            config.forEach((k, v) -> settings.add(k + "=" + v));
            strimzi.put(t.getMetadata().getName(), t.get("spec", "partitions") + " " + t.get("spec", "replicas") + settings);
        }
        assertEquals(new TreeSet<>(strimzi.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(created.entrySet().stream().map(Object::toString).toList()),
                "the guide's kafka-topics.sh lines differ from overlays/prod/kafka (name=partitions replicas [config])");
    }

    // ------------------------------------------------------------------------------------ reading the guide

    static List<Block> blocks(String guide) {
        int start = guide.indexOf("\n" + STEPS_SECTION + "\n");
        if (start < 0) {
            throw new AssertionError("deploy/README.md has no section \"" + STEPS_SECTION + "\"");
        }
        int end = guide.indexOf("\n## ", start + 1);
        String section = guide.substring(start, end < 0 ? guide.length() : end);
        List<Block> blocks = new ArrayList<>();
        String step = "";
        StringBuilder lead = new StringBuilder();
        StringBuilder code = null;
        boolean bash = false;
        for (String line : section.split("\n", -1)) {
            if (code != null) {
                if (line.startsWith("```")) {
                    if (bash) {
                        blocks.add(new Block(step, lead.toString(), code.toString()));
                    }
                    code = null;
                    lead.setLength(0);
                } else {
                    code.append(line).append('\n');
                }
            } else if (line.startsWith("```")) {
                code = new StringBuilder();
                bash = line.substring(3).trim().matches("bash|sh|shell");
            } else if (line.startsWith("### ")) {
                step = line.substring(4).trim();
                lead.setLength(0);
            } else {
                lead.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The simple commands of a shell text: continuations joined, comments dropped, split at ; && || | and lines. */
    static List<List<String>> commands(String shell) {
        String text = shell.replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = closing(text, i, c);
                word = word == null ? new StringBuilder() : word;
                word.append(unquote(text.substring(i + 1, close), c));
                i = close + 1;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                int close = closingParen(text, i + 1);
                word = word == null ? new StringBuilder() : word;
                word.append(text, i, close + 1);
                i = close + 1;
            } else if (c == '#' && word == null) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (c != ' ' && c != '\t' && !words.isEmpty()) {
                    commands.add(words);
                    words = new ArrayList<>();
                }
                i++;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(words);
        }
        return commands;
    }

    private static int closing(String text, int open, char quote) {
        for (int i = open + 1; i < text.length(); i++) {
            if (quote == '"' && text.charAt(i) == '\\') {
                i++;
            } else if (quote == '"' && text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                i = closingParen(text, i + 1);
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        throw new AssertionError("unterminated " + quote + " in the guide's shell: " + text.substring(open));
    }

    private static int closingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            } else if (c == '\'' || c == '"') {
                i = closing(text, i, c);
            }
        }
        throw new AssertionError("unterminated $( in the guide's shell: " + text.substring(open));
    }

    private static String unquote(String inside, char quote) {
        return quote == '"' ? inside.replaceAll("\\\\([\"\\\\$`])", "$1") : inside;
    }

    // ------------------------------------------------------------------------------------ following it

    /** What a route leaves in the cluster, and what went wrong on the way. */
    static final class Walk {
        final Problems problems = new Problems();
        /** "namespace/name" to its keys ("*": any key, e.g. from an env file). */
        final Map<String, Set<String>> secrets = new LinkedHashMap<>();
        final List<HasMetadata> applied = new ArrayList<>();

        @Override
        public String toString() {
            return secrets.keySet().toString();
        }
    }

    /** kubectl flags that take the next word as their value (when not written --flag=value). */
    private static final Set<String> VALUE_FLAGS = Set.of("-n", "--namespace", "-k", "--kustomize", "-f", "--filename",
            "-l", "--selector", "-o", "--output", "--type", "--cert", "--key", "--from-literal", "--from-file",
            "--from-env-file", "--docker-server", "--docker-username", "--docker-password", "--docker-email");

    static Walk follow(List<Block> blocks, Route route) {
        Walk walk = new Walk();
        for (Block block : blocks) {
            if (!block.on(route)) {
                continue;
            }
            for (List<String> words : commands(block.shell())) {
                if (!words.get(0).equals("kubectl")) {
                    continue;
                }
                Map<String, List<String>> flags = new LinkedHashMap<>();
                List<String> args = new ArrayList<>();
                for (int i = 1; i < words.size(); i++) {
                    String w = words.get(i);
                    if (w.startsWith("-") && w.length() > 1) {
                        int eq = w.indexOf('=');
                        String name = eq > 0 ? w.substring(0, eq) : w;
                        String value = eq > 0 ? w.substring(eq + 1) : VALUE_FLAGS.contains(w) && i + 1 < words.size() ? words.get(++i) : "";
                        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    } else {
                        args.add(w);
                    }
                }
                String namespace = first(flags, "-n", "--namespace");
                String where = "step \"" + block.step() + "\": " + String.join(" ", words);
                if (args.size() >= 4 && args.get(0).equals("create") && args.get(1).equals("secret")) {
                    walk.secrets.put((namespace == null ? "default" : namespace) + "/" + args.get(3), secretKeys(args.get(2), flags));
                } else if (!args.isEmpty() && args.get(0).equals("apply")) {
                    String dir = first(flags, "-k", "--kustomize");
                    String file = first(flags, "-f", "--filename");
                    List<HasMetadata> objects;
                    if (dir != null) {
                        Path path = Project.ROOT.resolve(dir);
                        if (!Files.isRegularFile(path.resolve("kustomization.yaml"))) {
                            walk.problems.add(where + ": " + dir + " has no kustomization.yaml");
                            continue;
                        }
                        objects = Kustomize.objects(path);
                    } else if (file != null && !file.equals("-")) {
                        Path path = Project.ROOT.resolve(file);
                        if (!Files.isRegularFile(path)) {
                            walk.problems.add(where + ": there is no file " + file);
                            continue;
                        }
                        objects = Kustomize.parse(Project.read(path), file);
                    } else {
                        walk.problems.add(where + ": this check cannot follow what is applied (use -k DIR or -f FILE)");
                        continue;
                    }
                    int before = walk.applied.size();
                    for (HasMetadata o : objects) {
                        apply(walk, block, route, where, o, namespace);
                    }
                    walk.applied.subList(before, walk.applied.size()).forEach(o -> checkSecrets(walk, o));
                }
            }
        }
        return walk;
    }

    private static void apply(Walk walk, Block block, Route route, String where, HasMetadata o, String namespace) {
        String apiVersion = o.getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (o instanceof GenericKubernetesResource || !BUILT_IN_GROUPS.contains(group)) {
            String operator = OPERATOR_OF_GROUP.get(group);
            if (operator == null) {
                walk.problems.add(where + " applies " + Kustomize.id(o) + " (" + apiVersion + "), a kind no cluster knows by itself");
                return;
            }
            if (!block.saysItNeeds(operator)) {
                walk.problems.add(where + " applies " + Kustomize.id(o) + " (" + apiVersion + ") on the route " + route
                        + ", which needs " + operator + ", but the step does not say \"needs " + operator + "\"");
                return;
            }
        }
        if (o.getMetadata().getNamespace() == null && !"Namespace".equals(o.getKind())) {
            o.getMetadata().setNamespace(namespace == null ? "default" : namespace);
        }
        walk.applied.add(o);
        String ns = o.getMetadata().getNamespace();
        String name = o.getMetadata().getName();
        if (o instanceof Secret s) {
            Set<String> keys = new TreeSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            walk.secrets.put(ns + "/" + name, keys);
        } else if ("KafkaUser".equals(o.getKind())) {
            // Strimzi's User Operator: a Secret named as the user (SCRAM-SHA-512 users)
            walk.secrets.put(ns + "/" + name, Set.of("password", "sasl.jaas.config"));
        } else if ("Kafka".equals(o.getKind())) {
            // Strimzi's Cluster Operator: the cluster CA certificate clients trust
            walk.secrets.put(ns + "/" + name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
    }

    /** A Deployment or the Ingress reads only Secrets (and keys) that steps before it, or the same step, made. */
    private static void checkSecrets(Walk walk, HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        Set<String> reported = new java.util.HashSet<>();
        for (String[] ref : secretRefs(o)) {
            Set<String> keys = walk.secrets.get(ns + "/" + ref[0]);
            if (keys == null) {
                if (reported.add(ref[0])) { // once per Secret, not per key
                    walk.problems.add(Kustomize.id(o) + " (namespace " + ns + ") reads Secret " + ref[0]
                            + ", which no step before it creates in that namespace (created: " + walk.secrets.keySet() + ")");
                }
            } else if (ref[1] != null && !keys.contains(ref[1]) && !keys.contains("*")) {
                walk.problems.add(Kustomize.id(o) + " reads key " + ref[1] + " of Secret " + ref[0]
                        + ", which the step creating it does not set (keys: " + keys + ")");
            }
        }
    }

    private static Set<String> secretKeys(String type, Map<String, List<String>> flags) {
        Set<String> keys = new TreeSet<>();
        switch (type) {
            case "tls" -> keys.addAll(List.of("tls.crt", "tls.key"));
            case "docker-registry" -> keys.add(".dockerconfigjson");
            default -> {
                for (String literal : flags.getOrDefault("--from-literal", List.of())) {
                    keys.add(literal.substring(0, Math.max(0, literal.indexOf('='))));
                }
                for (String source : flags.getOrDefault("--from-file", List.of())) {
                    int eq = source.indexOf('=');
                    keys.add(eq > 0 ? source.substring(0, eq) : Path.of(source).getFileName().toString());
                }
                if (flags.containsKey("--from-env-file")) {
                    keys.add("*");
                }
            }
        }
        return keys;
    }

    /** {Secret name, key or null} for every Secret a Deployment's pods or an Ingress read (optional ones left out). */
    static List<String[]> secretRefs(HasMetadata o) {
        List<String[]> refs = new ArrayList<>();
        if (o instanceof Deployment d) {
            var pod = d.getSpec().getTemplate().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    SecretKeySelector ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional())) {
                        refs.add(new String[] {ref.getName(), ref.getKey()});
                    }
                }
                for (EnvFromSource e : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (e.getSecretRef() != null && !Boolean.TRUE.equals(e.getSecretRef().getOptional())) {
                        refs.add(new String[] {e.getSecretRef().getName(), null});
                    }
                }
            }
            for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                    addItems(refs, v.getSecret().getSecretName(), v.getSecret().getItems());
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getSecret() != null && !Boolean.TRUE.equals(p.getSecret().getOptional())) {
                            addItems(refs, p.getSecret().getName(), p.getSecret().getItems());
                        }
                    }
                }
            }
        } else if (o instanceof Ingress ingress && ingress.getSpec().getTls() != null) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                if (tls.getSecretName() != null) {
                    refs.add(new String[] {tls.getSecretName(), "tls.crt"});
                    refs.add(new String[] {tls.getSecretName(), "tls.key"});
                }
            }
        }
        return refs;
    }

    private static void addItems(List<String[]> refs, String secret, List<KeyToPath> items) {
        if (items == null || items.isEmpty()) {
            refs.add(new String[] {secret, null});
        } else {
            items.forEach(i -> refs.add(new String[] {secret, i.getKey()}));
        }
    }

    private static String first(Map<String, List<String>> flags, String... names) {
        for (String n : names) {
            if (flags.containsKey(n)) {
                return flags.get(n).get(0);
            }
        }
        return null;
    }
}
