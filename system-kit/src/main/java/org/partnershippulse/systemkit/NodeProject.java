package org.partnershippulse.systemkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js project of the repository (clients/typescript, clients/event-subscriber) run by a system test the way its
 * users run it: node and npm from the PATH, each step's output and errors logged under the test's target folder. What
 * goes wrong is thrown as an {@link AssertionError}: the test fails saying why.
 */
public final class NodeProject {

    private static final Pattern MAJOR = Pattern.compile("^v(\\d+)\\.");

    private final Path dir;
    private final Path logs;

    public NodeProject(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
    }

    /** One finished command: its exit code, what it printed, what it printed as errors. */
    public record Run(int exit, String output, String stderr) {
        /** The last 60 lines of both, for a failure message. */
        public String tail() {
            List<String> lines = (output + "\n--- stderr\n" + stderr).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /** Node.js 20+ and npm are what our Node projects need; without them the test fails saying how to get them. */
    public void requireNode() throws IOException {
        Files.createDirectories(logs);
        String version;
        try {
            version = mustSucceed("node-version", Duration.ofSeconds(30), Map.of(), "node", "--version").output().trim();
            mustSucceed("npm-version", Duration.ofSeconds(60), Map.of(), "npm", "--version");
        } catch (IOException e) {
            throw new AssertionError("Node.js 20+ and npm are needed to run " + dir.getFileName() + " but are not on the PATH (" + e.getMessage()
                    + "). Install them, e.g. `sudo apt-get install -y nodejs npm` (Debian 13 / Ubuntu 24.04 ship Node 20) or "
                    + "from https://nodejs.org/, then run the tests again.", e);
        }
        Matcher major = MAJOR.matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < 20) {
            throw new AssertionError(dir.getFileName() + " needs Node.js 20 or newer, found " + version + " (https://nodejs.org/)");
        }
    }

    /** Runs a command in the project with the extra environment; fails only if it does not finish in time. */
    public Run run(String step, Duration timeout, Map<String, String> environment, String... command) throws IOException {
        Files.createDirectories(logs);
        Path out = logs.resolve(step + ".log");
        Path err = logs.resolve(step + ".stderr.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + " (logs in " + logs + ")\n"
                        + new Run(-1, Files.readString(out), Files.readString(err)).tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** As {@link #run}, and fails with the command's output unless it exits with 0. */
    public Run mustSucceed(String step, Duration timeout, Map<String, String> environment, String... command)
            throws IOException {
        Run run = run(step, timeout, environment, command);
        if (run.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + run.exit() + " (in " + dir + ", logs in " + logs + ")\n"
                    + run.tail());
        }
        return run;
    }
}
