package org.partnershippulse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The facts of the system as the code states them, read from the source files (never copied into these tests):
 * the services (modules of the root pom with a Quarkus application.properties), the environment variables each
 * reads with their defaults, its HTTP port and database, and the Kafka topics it uses.
 */
final class Project {

    static final Path ROOT = Path.of(System.getProperty("pulse.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path KIT_CONFIG = ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties");
    static final Path TEST_BROKER = ROOT.resolve("test-kit/src/main/java/org/partnershippulse/testkit/EmbeddedKafkaBroker.java");

    /** ${NAME} or ${NAME:default}: an environment variable (upper case) read by a property. */
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    /** A topic name as the code spells it in a Java string literal. */
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"(pulse\\.[a-z0-9.-]+\\.v[0-9]+)\"");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /**
     * The outbox channel's configured topic is a placeholder: the relay sets the topic on every record
     * (service-kit OutboxRelay, withTopic(event.topic)), so nothing is ever written to it.
     */
    static final String OUTBOX_PLACEHOLDER_KEY = "mp.messaging.outgoing.outbox.topic";

    private static List<Service> services;

    private Project() {
    }

    /** One Quarkus service of the system, as its configuration files describe it. */
    record Service(String name, Path dir, Map<String, String> properties, Map<String, String> envDefaults,
                   int httpPort, String database, Set<String> consumedTopics, Set<String> topicsInProperties,
                   Set<String> topicsInCode, Map<String, String> consumerGroups) {

        Set<String> envVars() {
            return envDefaults.keySet();
        }

        Path dockerfile() {
            return dir.resolve("src/main/docker/Dockerfile.jvm");
        }
    }

    static synchronized List<Service> services() {
        if (services == null) {
            services = List.copyOf(loadServices());
        }
        return services;
    }

    static Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service module named " + name + " (services: "
                        + services().stream().map(Service::name).toList() + ")"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties loadProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The topics of test-kit's EmbeddedKafkaBroker.TOPICS map, read from its source text. */
    static Map<String, Integer> testBrokerTopics() {
        String src = read(TEST_BROKER);
        Matcher block = Pattern.compile("TOPICS\\s*=\\s*Map\\.of\\(([^;]*)\\);", Pattern.DOTALL).matcher(src);
        if (!block.find()) {
            throw new AssertionError("cannot find 'TOPICS = Map.of(...)' in " + TEST_BROKER);
        }
        Map<String, Integer> topics = new TreeMap<>();
        Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*,\\s*(\\d+)").matcher(block.group(1));
        while (entry.find()) {
            topics.put(entry.group(1), Integer.parseInt(entry.group(2)));
        }
        return topics;
    }

    /** The topics scripts/lib.sh creates for the no-Docker run (PULSE_TOPICS=(name:partitions ...)). */
    static Set<String> scriptTopics() {
        Set<String> topics = new TreeSet<>();
        Path lib = ROOT.resolve("scripts/lib.sh");
        if (!Files.isRegularFile(lib)) {
            return topics;
        }
        Matcher line = Pattern.compile("(?m)^PULSE_TOPICS=\\(([^)]*)\\)").matcher(read(lib));
        if (line.find()) {
            for (String spec : line.group(1).trim().split("\\s+")) {
                topics.add(spec.split(":")[0]);
            }
        }
        return topics;
    }

    /** Every topic the system names: the services' properties and Java sources, the test broker, the run script. */
    static Set<String> allTopicsInCode() {
        Set<String> all = new TreeSet<>(testBrokerTopics().keySet());
        all.addAll(scriptTopics());
        for (Service s : services()) {
            all.addAll(s.topicsInProperties());
            all.addAll(s.topicsInCode());
        }
        return all;
    }

    private static List<Service> loadServices() {
        Properties kit = loadProperties(KIT_CONFIG);
        List<Service> found = new ArrayList<>();
        Matcher m = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            Path dir = ROOT.resolve(m.group(1).trim());
            Path appProps = dir.resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(appProps)) {
                continue;
            }
            Properties own = loadProperties(appProps);
            String name = own.getProperty("quarkus.application.name");
            if (name == null) {
                continue; // not a Quarkus application
            }
            Map<String, String> merged = new TreeMap<>();
            kit.stringPropertyNames().forEach(k -> merged.put(k, kit.getProperty(k)));
            own.stringPropertyNames().forEach(k -> merged.put(k, own.getProperty(k)));
            found.add(describe(name, dir, merged));
        }
        if (found.isEmpty()) {
            throw new AssertionError("no service modules found under " + ROOT);
        }
        return found;
    }

    private static Service describe(String name, Path dir, Map<String, String> props) {
        Map<String, String> env = new TreeMap<>();
        Set<String> propTopics = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        Map<String, String> groups = new TreeMap<>();
        props.forEach((key, value) -> {
            if (key.startsWith("%")) {
                return; // a profile (test, dev) is not what runs in a container
            }
            Matcher ref = ENV_REF.matcher(value);
            while (ref.find()) {
                env.put(ref.group(1), ref.group(2));
            }
            if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))
                    && !key.equals(OUTBOX_PLACEHOLDER_KEY)) {
                propTopics.add(value.trim());
                if (key.startsWith("mp.messaging.incoming.") && !key.endsWith(".dead-letter-queue.topic")) {
                    consumed.add(value.trim());
                    String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                    groups.put(value.trim(), props.get("mp.messaging.incoming." + channel + ".group.id"));
                }
            }
        });
        int port = Integer.parseInt(requireDefault(name, env, "HTTP_PORT"));
        String url = requireDefault(name, env, "DB_URL");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        return new Service(name, dir, Map.copyOf(props), env, port, database, consumed, propTopics,
                topicLiterals(dir.resolve("src/main/java")), groups);
    }

    private static String requireDefault(String service, Map<String, String> env, String var) {
        String value = env.get(var);
        if (value == null || value.isBlank()) {
            throw new AssertionError(service + " has no default for ${" + var + ":...} in its properties");
        }
        return value;
    }

    private static Set<String> topicLiterals(Path sources) {
        Set<String> topics = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return topics;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher t = TOPIC_LITERAL.matcher(read(f));
                while (t.find()) {
                    topics.add(t.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** Key to value of the Dockerfile instructions, continuation lines joined; ENV and LABEL split into pairs. */
    static Map<String, List<String>> dockerfileInstructions(Path dockerfile) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        for (String raw : read(dockerfile).split("\n")) {
            String trimmed = raw.strip();
            if (line.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                line.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            line.append(trimmed);
            String full = line.toString();
            line.setLength(0);
            int space = full.indexOf(' ');
            String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase();
            String args = space < 0 ? "" : full.substring(space + 1).strip();
            out.computeIfAbsent(keyword, k -> new ArrayList<>()).add(args);
        }
        return out;
    }

    /** ENV NAME=value (or ENV NAME value) of a Dockerfile, quotes removed. */
    static Map<String, String> dockerfileEnv(Path dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : dockerfileInstructions(dockerfile).getOrDefault("ENV", List.of())) {
            Matcher kv = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)").matcher(args);
            boolean any = false;
            while (kv.find()) {
                any = true;
                String v = kv.group(2);
                if ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                env.put(kv.group(1), v);
            }
            if (!any) {
                String[] parts = args.split("\\s+", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return env;
    }

    static Set<String> names(List<Service> list) {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(s -> names.add(s.name()));
        return names;
    }
}
