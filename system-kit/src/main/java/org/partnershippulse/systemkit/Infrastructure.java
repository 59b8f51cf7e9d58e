package org.partnershippulse.systemkit;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts Kafka and PostgreSQL through the same shell functions scripts/test.sh and scripts/run.sh
 * use (scripts/lib.sh), with this JVM's environment (so PULSE_RUN_DIR, ports and cluster name agree).
 */
public final class Infrastructure {

    private final PulseEnvironment env;

    public Infrastructure(PulseEnvironment env) {
        this.env = env;
    }

    /** SIGTERM to the broker, waiting until it exited. */
    public void stopKafka() {
        lib("pulse_stop kafka 30");
    }

    /** Starts the broker on its existing data (topics and offsets survive) and waits for it. */
    public void startKafka() {
        lib("PULSE_KAFKA_FRESH=0; pulse_kafka_start && pulse_kafka_await");
    }

    /** Restarts the PostgreSQL cluster (fast shutdown: open connections are cut, as in a failover). */
    public void restartPostgres() {
        lib("pg_ctlcluster \"$PULSE_PG_VERSION\" \"$PULSE_PG_CLUSTER\" restart -m fast"
                + " && for i in $(seq 60); do pg_isready -q -h 127.0.0.1 -p \"$PULSE_PG_PORT\" && break; sleep 0.5; done");
    }

    /**
     * Backs up a service's database to {@code file} (pg_dump custom format, the cluster's own pg_dump) while the
     * service runs: scripts/lib.sh {@code pulse_db_dump}.
     */
    public void dumpDatabase(PulseService s, java.nio.file.Path file) {
        lib("pulse_db_dump " + env.database(s) + " " + s.role() + " '" + file + "'");
    }

    /** Restores such a backup into a new database {@code database} owned by the service's role (pulse_db_restore). */
    public void restoreDatabase(java.nio.file.Path file, PulseService s, String database) {
        lib("pulse_db_restore '" + file + "' " + database + " " + s.role());
    }

    /** Runs {@code commands} in bash after sourcing scripts/lib.sh; fails when they fail. */
    public void lib(String commands) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -eo pipefail; source scripts/lib.sh; " + commands)
                .directory(env.repoRoot().toFile())
                .inheritIO();
        try {
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + commands);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit code " + p.exitValue() + ": " + commands);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run bash: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + commands, e);
        }
    }
}
