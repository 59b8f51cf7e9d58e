package org.partnershippulse.systemkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The three packaged services ({@code <service>/target/quarkus-app/quarkus-run.jar}) as child processes of this
 * JVM, started with the environment a deployment gives them. A test can stop one gracefully, kill it with
 * SIGKILL and start it again; the log of every start is appended to {@code <logDir>/<service>.log}. The scale-out
 * drill runs a second instance of a service (index 1, on {@link PulseEnvironment#port(PulseService, int)}, log
 * {@code <service>.2.log}) against the same database and broker: the methods taking an index address it.
 */
public final class ServiceProcesses implements AutoCloseable {

    /** How long a service may take to become ready: PULSE_READY_TIMEOUT seconds, as scripts/lib.sh (120). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.parseLong(PulseEnvironment.env("PULSE_READY_TIMEOUT", "120")));

    private final PulseEnvironment env;
    /** Instance 0 of each service; further instances in {@link #replicas}. */
    private final Map<PulseService, Process> processes = new EnumMap<>(PulseService.class);
    private final Map<PulseService, Map<Integer, Process>> replicas = new EnumMap<>(PulseService.class);
    private final Map<PulseService, Map<String, String>> extraEnvironment = new EnumMap<>(PulseService.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServiceProcesses(PulseEnvironment env) {
        this.env = env;
    }

    /** Starts all three and waits until each is ready; fails with the log tails if one is not. */
    public void startAll() {
        for (PulseService s : PulseService.values()) {
            requireFree(s);
        }
        try {
            for (PulseService s : PulseService.values()) {
                start(s);
            }
            for (PulseService s : PulseService.values()) {
                awaitReady(s);
            }
        } catch (RuntimeException e) {
            printLogTails();
            close();
            throw e;
        }
    }

    /**
     * Variables a service gets on top of the deployment's at its next starts (e.g. a limit raised for one test);
     * an empty map goes back to the deployment's alone.
     */
    public synchronized void environment(PulseService s, Map<String, String> variables) {
        extraEnvironment.put(s, Map.copyOf(variables));
    }

    public synchronized Process start(PulseService s) {
        return start(s, 0);
    }

    /** Starts instance {@code instance} of a service (0 = the usual one) on its own port and log. */
    public synchronized Process start(PulseService s, int instance) {
        Path jar = env.repoRoot().resolve(s.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B -DskipTests package)");
        }
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(javaBin));
        command.addAll(startupCacheOptions(s, jar));
        command.addAll(javaOptions(Runtime.version().feature(), System.getenv("PULSE_SERVICE_JAVA_OPTS"),
                env.repoRoot().resolve("scripts/service-java-options")));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(env.logDir());
            Path log = log(s, instance);
            Files.writeString(log, "----- started by system-kit at " + Instant.now() + " -----\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(env.repoRoot().resolve(s.serviceName()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> e = pb.environment();
            e.put("HTTP_PORT", Integer.toString(env.port(s, instance)));
            e.put("DB_URL", env.jdbcUrl(s));
            e.put("DB_USERNAME", s.role());
            e.put("DB_PASSWORD", s.role());
            // its own Kafka principal (SCRAM user named as the service) on the secured broker
            e.putAll(KafkaAccess.serviceEnvironment(s.serviceName()));
            e.put("OIDC_AUTH_SERVER_URL", env.issuer());
            e.put("OIDC_AUDIENCE", "pulse-api");
            e.put("LOG_JSON", "false");
            e.putIfAbsent("MALLOC_ARENA_MAX", "2"); // as scripts/lib.sh: less resident memory for the same work
            // the defaults (a developer's Vite and React ports) and the browser app BrowserIT serves
            e.put("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173," + env.appOrigin());
            e.putAll(extraEnvironment.getOrDefault(s, Map.of()));
            Process p = pb.start();
            if (instance == 0) {
                processes.put(s, p);
            } else {
                replicas.computeIfAbsent(s, k -> new TreeMap<>()).put(instance, p);
            }
            System.out.printf("[system-kit] started %s on :%d (pid %d, log %s)%n", s.serviceName(), env.port(s, instance), p.pid(), log);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + s.serviceName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The start-up cache scripts/lib.sh trains once per build (pulse_services_train) next to the jar: the JDK's AOT
     * cache on 25 ({@code app.aot}), an AppCDS archive on 17 ({@code app-cds.jsa}). Missing or older than the jar:
     * a plain start, said on stdout (and a cache the JVM cannot use is skipped by the JVM itself, with a warning).
     */
    static List<String> startupCacheOptions(PulseService s, Path jar) {
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = jar.resolveSibling(aot ? "app.aot" : "app-cds.jsa");
        try {
            if (Files.size(cache) > 0 && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                System.out.printf("[system-kit] %s: starting from the %s %s%n", s.serviceName(), aot ? "AOT cache" : "AppCDS archive", cache);
                return List.of((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
            }
            System.out.printf("[system-kit] %s: start-up cache %s is older than the jar: plain start%n", s.serviceName(), cache);
        } catch (IOException missing) {
            System.out.printf("[system-kit] %s: no start-up cache (%s): plain start%n", s.serviceName(), cache);
        }
        return List.of();
    }

    /**
     * The services' JVM options, as scripts/lib.sh gives them: {@code PULSE_SERVICE_JAVA_OPTS} when set (even to
     * ""), else the file scripts/service-java-options (one option a line, {@code #} comments, "25: option" only on
     * Java 25 and newer). One file for both launchers, so the system tests run the JVM the scripts run.
     */
    static List<String> javaOptions(int javaFeature, String override, Path file) {
        if (override != null) {
            return override.isBlank() ? List.of() : Arrays.asList(override.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String option = line.replaceFirst("#.*", "").strip();
                java.util.regex.Matcher since = java.util.regex.Pattern.compile("^(\\d+):(.*)$").matcher(option);
                if (since.matches()) {
                    if (javaFeature < Integer.parseInt(since.group(1))) {
                        continue;
                    }
                    option = since.group(2).strip();
                }
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the services' JVM options " + file + ": " + e.getMessage(), e);
        }
        return options;
    }

    /** Waits for 200 on /q/health/ready; returns the milliseconds since the process started. */
    public long awaitReady(PulseService s) {
        return awaitReady(s, 0);
    }

    public long awaitReady(PulseService s, int instance) {
        Process p = process(s, instance);
        if (p == null) {
            throw new IllegalStateException(s.serviceName() + " was not started here");
        }
        long started = p.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        long deadline = started + READY_TIMEOUT.toMillis();
        URI ready = URI.create(env.baseUri(s, instance) + "/q/health/ready");
        int status = -1;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.serviceName() + " exited with code " + p.exitValue()
                        + " before it became ready; see " + log(s, instance));
            }
            try {
                status = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    long ms = System.currentTimeMillis() - started;
                    System.out.printf("[system-kit] %s ready after %.1f s%n", s.serviceName(), ms / 1000.0);
                    return ms;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(100);
        }
        throw new IllegalStateException(s.serviceName() + " not ready within " + READY_TIMEOUT.toSeconds()
                + " s (last /q/health/ready status " + status + "); see " + log(s, instance));
    }

    /** SIGTERM, and waits for the exit (graceful shutdown: in-flight requests finish). */
    public synchronized void stop(PulseService s) {
        stop(s, 0);
    }

    public synchronized void stop(PulseService s, int instance) {
        Process p = remove(s, instance);
        if (p != null) {
            p.destroy();
            waitExit(s, p, 30);
        }
    }

    /** SIGKILL: the process gets no chance to flush, commit or say goodbye. */
    public synchronized void kill(PulseService s) {
        kill(s, 0);
    }

    public synchronized void kill(PulseService s, int instance) {
        Process p = remove(s, instance);
        if (p != null) {
            p.destroyForcibly();
            waitExit(s, p, 10);
        }
    }

    public Process process(PulseService s) {
        return processes.get(s);
    }

    public synchronized Process process(PulseService s, int instance) {
        return instance == 0 ? processes.get(s) : replicas.getOrDefault(s, Map.of()).get(instance);
    }

    public Path log(PulseService s) {
        return env.logDir().resolve(s.serviceName() + ".log");
    }

    public Path log(PulseService s, int instance) {
        return instance == 0 ? log(s) : env.logDir().resolve(s.serviceName() + "." + (instance + 1) + ".log");
    }

    private Process remove(PulseService s, int instance) {
        return instance == 0 ? processes.remove(s) : replicas.getOrDefault(s, new TreeMap<>()).remove(instance);
    }

    public void printLogTails() {
        for (PulseService s : PulseService.values()) {
            Path log = log(s);
            System.out.println("----- last 80 lines of " + log + " -----");
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of("(no log)");
                lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
            } catch (IOException | RuntimeException e) {
                System.out.println("(could not read: " + e + ")");
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Map<Integer, Process> more : replicas.values()) {
            more.values().forEach(Process::destroy);
        }
        for (Map.Entry<PulseService, Map<Integer, Process>> more : replicas.entrySet()) {
            for (Integer i : List.copyOf(more.getValue().keySet())) {
                waitExit(more.getKey(), more.getValue().remove(i), 20);
            }
        }
        for (PulseService s : PulseService.values()) {
            Process p = processes.get(s);
            if (p != null) {
                p.destroy();
            }
        }
        for (PulseService s : List.copyOf(processes.keySet())) {
            waitExit(s, processes.remove(s), 20);
        }
    }

    private void requireFree(PulseService s) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", env.port(s)), 500);
            throw new IllegalStateException("Port " + env.port(s) + " (" + s.serviceName()
                    + ") is already in use. Is scripts/run.sh running? Stop it, or set PULSE_PORT_BASE.");
        } catch (IOException free) {
            // nothing listens: good
        }
    }

    private static void waitExit(PulseService s, Process p, int seconds) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                System.out.println("[system-kit] " + s.serviceName() + " did not stop in " + seconds + " s: killing it");
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
