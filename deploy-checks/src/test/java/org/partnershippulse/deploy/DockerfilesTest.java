package org.partnershippulse.deploy;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's src/main/docker/Dockerfile.jvm runs the Maven output (target/quarkus-app) as a numeric non-root
 * user, exposes the service's port, checks its health and sizes the JVM for containers. The Kubernetes side of the
 * same facts (runAsUser, ports) is checked against these values in ContainerRulesTest.
 */
class DockerfilesTest {

    /** The numeric USER of a service's Dockerfile.jvm (the last USER instruction is the one that runs). */
    static long user(Project.Service s) {
        List<String> users = Project.dockerfileInstructions(s.dockerfile()).getOrDefault("USER", List.of());
        if (users.isEmpty()) {
            throw new AssertionError(s.dockerfile() + " sets no USER");
        }
        String user = users.get(users.size() - 1).split(":")[0].strip();
        if (!user.matches("\\d+")) {
            throw new AssertionError(s.dockerfile() + " USER " + user + " is not numeric (Kubernetes' runAsNonRoot needs a number)");
        }
        return Long.parseLong(user);
    }

    @TestFactory
    Stream<DynamicTest> everyServiceImageRunsTheQuarkusAppAsANumericNonRootUserOnItsPort() {
        return Project.services().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            assertTrue(Files.isRegularFile(s.dockerfile()), "missing " + Project.ROOT.relativize(s.dockerfile()));
            Map<String, List<String>> ins = Project.dockerfileInstructions(s.dockerfile());
            Map<String, String> env = Project.dockerfileEnv(s.dockerfile());
            Problems p = new Problems();
            p.check(user(s) > 0, "USER is root");
            p.check(ins.getOrDefault("EXPOSE", List.of()).stream().flatMap(e -> Stream.of(e.split("\\s+")))
                    .anyMatch(e -> e.replace("/tcp", "").equals(String.valueOf(s.httpPort()))), "does not EXPOSE " + s.httpPort());
            p.check(!env.containsKey("HTTP_PORT") || env.get("HTTP_PORT").equals(String.valueOf(s.httpPort())),
                    "ENV HTTP_PORT=" + env.get("HTTP_PORT") + " differs from the application's " + s.httpPort());
            for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "target/quarkus-app/*.jar")) {
                p.check(ins.getOrDefault("COPY", List.of()).stream().anyMatch(c -> c.contains(layer)), "does not COPY " + layer);
            }
            String opts = env.getOrDefault("JAVA_OPTS", "");
            for (String flag : List.of("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")) {
                p.check(opts.contains(flag), "JAVA_OPTS lacks " + flag);
            }
            List<String> health = ins.getOrDefault("HEALTHCHECK", List.of());
            p.check(health.size() == 1 && health.get(0).contains("/q/health/") && health.get(0).contains("CMD"),
                    "no HEALTHCHECK on a /q/health endpoint");
            if (!health.isEmpty() && !health.get(0).contains(String.valueOf(s.httpPort()))) {
                // the check may follow ${HTTP_PORT} instead of the literal number, if the image sets it
                p.check(health.get(0).contains("${HTTP_PORT}") && env.containsKey("HTTP_PORT"), "HEALTHCHECK does not use port " + s.httpPort());
            }
            p.check(ins.getOrDefault("ENTRYPOINT", List.of()).stream().anyMatch(e -> e.contains("quarkus-run.jar")), "ENTRYPOINT does not run quarkus-run.jar");
            p.check(ins.getOrDefault("FROM", List.of()).size() == 1, "expected a single FROM (the image is built from the Maven output)");
            p.assertNone(Project.ROOT.relativize(s.dockerfile()).toString());
        }));
    }

    /**
     * Java 25 with the AOT cache trained in the image build (deploy/README.md, "Java version and start-up cache"):
     * the cache is written by a RUN on the image's own JDK and read by the ENTRYPOINT, both with the image's
     * JAVA_OPTS (the JVM ignores a cache made with another collector), and the image runs the JVM options the
     * scripts and system tests use (scripts/service-java-options), the heap sized by the container instead.
     */
    @TestFactory
    Stream<DynamicTest> everyServiceImageRunsJava25FromAnAotCacheTrainedInTheBuild() {
        List<String> scriptOptions = new ArrayList<>();
        for (String line : Project.read(Project.ROOT.resolve("scripts/service-java-options")).split("\n")) {
            String option = line.replaceFirst("#.*", "").replaceFirst("^\\s*\\d+:", "").strip();
            if (!option.isEmpty() && !option.startsWith("-Xms") && !option.startsWith("-Xmx")) {
                scriptOptions.add(option);
            }
        }
        return Project.services().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Map<String, List<String>> ins = Project.dockerfileInstructions(s.dockerfile());
            String opts = Project.dockerfileEnv(s.dockerfile()).getOrDefault("JAVA_OPTS", "");
            Problems p = new Problems();
            p.check(ins.getOrDefault("ARG", List.of()).stream().anyMatch(a -> a.matches("BASE_IMAGE=\\S*openjdk-25\\S*")),
                    "the base image is not a Java 25 one: " + ins.get("ARG"));
            p.check(ins.getOrDefault("RUN", List.of()).stream().anyMatch(r -> r.contains("-XX:AOTCacheOutput=/deployments/app.aot")
                    && r.contains("${JAVA_OPTS}") && r.contains("/deployments/quarkus-run.jar")), "no RUN trains /deployments/app.aot with ${JAVA_OPTS}");
            p.check(ins.getOrDefault("ENTRYPOINT", List.of()).stream().anyMatch(e -> e.contains("-XX:AOTCache=/deployments/app.aot")
                    && e.contains("${JAVA_OPTS}")), "the ENTRYPOINT does not start from /deployments/app.aot with ${JAVA_OPTS}");
            for (String option : scriptOptions) {
                p.check(List.of(opts.split("\\s+")).contains(option), "JAVA_OPTS lacks " + option + " (scripts/service-java-options)");
            }
            p.assertNone(Project.ROOT.relativize(s.dockerfile()).toString());
        }));
    }
}
