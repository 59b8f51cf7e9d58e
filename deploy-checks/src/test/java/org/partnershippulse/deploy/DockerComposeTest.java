package org.partnershippulse.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The top-level docker-compose.yml (for laptops with Docker; it cannot run here) parses and agrees with the code and
 * the images: the services' ports, the variables they read, health-based start order, the realm file, the topics.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Project.ROOT.resolve("docker-compose.yml");
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        Assumptions.assumeTrue(Files.isRegularFile(COMPOSE), "no docker-compose.yml at the top level yet");
        // SnakeYAML, not Jackson: compose files use merge keys (<<: *anchor), which Jackson does not resolve.
        Map<String, Object> root = new Yaml().load(Project.read(COMPOSE));
        services = (Map<String, Object>) root.get("services");
        assertTrue(services != null && !services.isEmpty(), "docker-compose.yml has no services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** environment: as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> svc) {
        Map<String, String> env = new java.util.TreeMap<>();
        Object raw = svc.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> l) {
            l.forEach(e -> {
                String[] kv = String.valueOf(e).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return env;
    }

    private static String healthcheck(Map<String, Object> svc) {
        Object test = map(svc.get("healthcheck")).get("test");
        return test instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : String.valueOf(test);
    }

    @TestFactory
    Stream<DynamicTest> everyServiceRunsOnItsPortWithOnlyTheVariablesItReadsAndAReadinessCheck() {
        return Project.services().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Map<String, Object> svc = map(services.get(s.name()));
            assertTrue(!svc.isEmpty(), "docker-compose.yml has no service " + s.name());
            Problems p = new Problems();
            String port = String.valueOf(s.httpPort());
            List<String> ports = new ArrayList<>();
            ((List<?>) svc.getOrDefault("ports", List.of())).forEach(o -> ports.add(String.valueOf(o)));
            p.check(ports.stream().anyMatch(m -> m.endsWith(":" + port) || m.equals(port) || m.endsWith(":" + port + "/tcp")),
                    "ports " + ports + " do not publish container port " + port);
            Map<String, String> env = environment(svc);
            for (String var : env.keySet()) {
                p.check(s.envVars().contains(var), "sets " + var + ", which " + s.name() + " never reads (it reads " + s.envVars() + ")");
            }
            p.check(env.get("HTTP_PORT") == null || env.get("HTTP_PORT").equals(port), "HTTP_PORT=" + env.get("HTTP_PORT") + ", the application's is " + port);
            String url = env.getOrDefault("DB_URL", s.envDefaults().get("DB_URL"));
            p.check(url.replaceAll("\\?.*", "").endsWith("/" + s.database()), "DB_URL " + url + " is not the database " + s.database());
            String hc = healthcheck(svc);
            p.check(hc.contains("/q/health/ready") || hc.contains("/q/health/live"), "healthcheck " + hc + " does not ask /q/health");
            p.check(hc.contains(port), "healthcheck does not use port " + port);
            Map<String, Object> build = map(svc.get("build"));
            if (!build.isEmpty()) {
                Path context = Project.ROOT.resolve(String.valueOf(build.get("context"))).normalize();
                Path dockerfile = context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
                p.check(dockerfile.equals(s.dockerfile()), "builds from " + Project.ROOT.relativize(dockerfile) + ", expected "
                        + Project.ROOT.relativize(s.dockerfile()));
            }
            Map<String, Object> deps = map(svc.get("depends_on"));
            p.check(!deps.isEmpty(), "has no depends_on");
            deps.forEach((dep, cond) -> p.check(String.valueOf(map(cond).get("condition")).startsWith("service_"),
                    "depends on " + dep + " without a health/completion condition"));
            p.assertNone("docker-compose.yml " + s.name());
        }));
    }

    /** The realm the services validate tokens against is the committed one, imported by the Keycloak container. */
    @Test
    void keycloakImportsTheCommittedRealmTheServicesPointAt() {
        Problems p = new Problems();
        String realmFile = "keycloak/partnership-pulse-realm.json";
        boolean mounted = services.values().stream().map(DockerComposeTest::map)
                .flatMap(svc -> ((List<?>) svc.getOrDefault("volumes", List.of())).stream().map(String::valueOf))
                .anyMatch(v -> v.startsWith("./" + realmFile + ":") && v.contains("/opt/keycloak/data/import/"));
        p.check(mounted, "no service mounts ./" + realmFile + " into /opt/keycloak/data/import/");
        for (var s : Project.services()) {
            String url = environment(map(services.get(s.name()))).get("OIDC_AUTH_SERVER_URL");
            p.check(url == null || url.endsWith("/realms/partnership-pulse"), s.name() + " OIDC_AUTH_SERVER_URL " + url);
        }
        p.assertNone("docker-compose.yml realm");
    }

    /** Files bind-mounted from the repository exist (a missing one would become an empty directory). */
    /** The infrastructure's local-only passwords and the plaintext broker must not be reachable from the network. */
    @Test
    void keycloakKafkaAndPostgresArePublishedOnLocalhostOnly() {
        Problems p = new Problems();
        for (String name : List.of("keycloak", "kafka", "postgres")) {
            List<?> ports = (List<?>) map(services.get(name)).getOrDefault("ports", List.of());
            p.check(!ports.isEmpty(), name + " publishes no port (the check below would pass vacuously)");
            for (Object port : ports) {
                p.check(String.valueOf(port).startsWith("127.0.0.1:"), name + " publishes " + port + " on every interface, not on 127.0.0.1 only");
            }
        }
        p.assertNone("published ports");
    }

    @Test
    void everyBindMountedFileExists() {
        Problems p = new Problems();
        services.forEach((name, svc) -> ((List<?>) map(svc).getOrDefault("volumes", List.of())).forEach(v -> {
            String source = String.valueOf(v).split(":")[0];
            if (source.startsWith("./")) {
                p.check(Files.exists(Project.ROOT.resolve(source)), name + " mounts " + source + ", which does not exist");
            }
        }));
        p.assertNone("docker-compose.yml volumes");
    }

    /** Kafka's auto-creation is off in compose too, so every topic the code names must be created by it. */
    @Test
    void composeCreatesEveryTopicTheCodeNames() {
        Set<String> created = new TreeSet<>();
        Matcher m = Pattern.compile("(pulse\\.[a-z0-9.-]+\\.v[0-9]+)").matcher(Project.read(COMPOSE));
        while (m.find()) {
            created.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>(Project.allTopicsInCode());
        missing.removeAll(created);
        assertEquals(Set.of(), missing, "topics named by the code that docker-compose.yml does not create");
    }

    /** PostgreSQL in compose creates one database per service. */
    @Test
    void composePostgresCreatesEveryServicesDatabase() {
        List<String> sql = new ArrayList<>();
        services.values().forEach(svc -> ((List<?>) map(svc).getOrDefault("volumes", List.of())).forEach(v -> {
            String source = String.valueOf(v).split(":")[0];
            if (source.startsWith("./") && (source.endsWith(".sql") || source.endsWith(".sh"))
                    && Files.isRegularFile(Project.ROOT.resolve(source))) {
                sql.add(Project.read(Project.ROOT.resolve(source)));
            }
        }));
        String all = String.join("\n", sql);
        Problems p = new Problems();
        for (var s : Project.services()) {
            p.check(Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?" + s.database() + "\\b").matcher(all).find(),
                    "no init script mounted into compose creates database " + s.database());
        }
        p.assertNone("docker-compose.yml databases");
    }
}
