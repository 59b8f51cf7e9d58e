package org.partnershippulse.systemkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the running system is, from the same environment variables scripts/lib.sh reads, so a second copy of
 * the system (other ports, databases and run directory) is addressed by exporting different values.
 *
 * <ul>
 *   <li>{@code PULSE_PORT_BASE} (8081): partnership-service; assessment +1, reporting +2; a second instance of each
 *   (the scale-out drill) +3, +4, +5</li>
 *   <li>{@code PULSE_DB_SUFFIX} (empty): databases {@code pulse_<service><suffix>}</li>
 *   <li>{@code PULSE_PG_PORT} (5432), {@code PULSE_KAFKA_PORT} (9092), {@code PULSE_KEYCLOAK_PORT} (8180)</li>
 *   <li>{@code PULSE_RUN_DIR} (/tmp/partnership-pulse): pid files and logs of what lib.sh started</li>
 * </ul>
 */
public record PulseEnvironment(Path repoRoot, Path runDir, Path logDir, int portBase, String dbSuffix, int pgPort,
                               int kafkaPort, int keycloakPort) {

    public static final String REALM = "partnership-pulse";

    public static PulseEnvironment fromEnvironment() {
        Path root = findRepoRoot();
        String logDir = System.getProperty("pulse.log.dir");
        Path runDir = Path.of(env("PULSE_RUN_DIR", "/tmp/partnership-pulse"));
        return new PulseEnvironment(root, runDir, logDir == null ? runDir : Path.of(logDir).toAbsolutePath(),
                Integer.parseInt(env("PULSE_PORT_BASE", "8081")), env("PULSE_DB_SUFFIX", ""),
                Integer.parseInt(env("PULSE_PG_PORT", "5432")), Integer.parseInt(env("PULSE_KAFKA_PORT", "9092")),
                Integer.parseInt(env("PULSE_KEYCLOAK_PORT", "8180")));
    }

    public int port(PulseService service) {
        return portBase + service.offset();
    }

    public String baseUri(PulseService service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** Port of instance {@code instance} (0 = the usual one) of a service: three ports further per instance. */
    public int port(PulseService service, int instance) {
        return port(service) + 3 * instance;
    }

    public String baseUri(PulseService service, int instance) {
        return "http://127.0.0.1:" + port(service, instance);
    }

    public String database(PulseService service) {
        return service.role() + dbSuffix;
    }

    public String jdbcUrl(PulseService service) {
        return jdbcUrl(database(service));
    }

    /** A database of this cluster by name (e.g. one a backup was restored into). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /**
     * Port of the browser app the system tests serve (BrowserIT): PULSE_PORT_BASE + 9, inside the block of ten ports
     * a copy of the system uses. Its origin {@code http://localhost:<port>} is in the services' CORS_ORIGINS;
     * {@code http://127.0.0.1:<port>}, the same page under another name, is not.
     */
    public int appPort() {
        return portBase + 9;
    }

    public String appOrigin() {
        return "http://localhost:" + appPort();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    private static Path findRepoRoot() {
        String configured = System.getProperty("pulse.repo.root", System.getenv("PULSE_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/lib.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (scripts/lib.sh): set -Dpulse.repo.root");
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
