package org.partnershippulse.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs system-tests/browser/check.mjs: Debian's Chromium driven by playwright-core (installed with {@code npm ci}
 * from the committed lock file, no browser download). Chromium and npm are prerequisites of the system tests
 * (scripts/test.sh installs Chromium with pulse_chromium_up): when either cannot be had, {@link #prepare} fails
 * with what to do, it never skips.
 */
final class HeadlessChromium {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean prepared;

    private final Path repoRoot;
    private final Path dir;
    private final String chromium;

    private HeadlessChromium(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.dir = repoRoot.resolve("system-tests/browser");
        String configured = System.getenv("PULSE_CHROMIUM");
        this.chromium = configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
    }

    /** Chromium present (installed through scripts/lib.sh's pulse_chromium_up if not) and playwright-core installed. */
    static synchronized HeadlessChromium prepare(Path repoRoot) {
        HeadlessChromium browser = new HeadlessChromium(repoRoot);
        if (!prepared) {
            long t0 = System.nanoTime();
            browser.ensureChromium();
            browser.npmCi();
            prepared = true;
            System.out.printf("[BrowserIT] Chromium present, playwright-core installed (npm ci) in %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return browser;
    }

    /** Runs one check (one browser launch) and answers its result; fails with the driver's log if it could not run. */
    JsonNode run(String check, Map<String, Object> config) {
        try {
            Map<String, Object> all = new LinkedHashMap<>(config);
            all.put("chromium", chromium);
            Outcome out = exec(List.of("node", "check.mjs", check, JSON.writeValueAsString(all)), 180);
            String line = out.stdout.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
            if (line == null) {
                throw new AssertionError("the browser check \"" + check + "\" printed no result (exit " + out.exit + "):\n" + out.stderr);
            }
            JsonNode result = JSON.readTree(line.substring("RESULT ".length()));
            if (result.has("failure")) {
                throw new AssertionError("the browser check \"" + check + "\" failed: " + result.path("failure").asText()
                        + "\n----- driver log -----\n" + out.stderr);
            }
            System.out.print(out.stderr);
            return result;
        } catch (IOException e) {
            throw new AssertionError("could not run node check.mjs: " + e.getMessage(), e);
        }
    }

    private void ensureChromium() {
        if (Files.isExecutable(Path.of(chromium))) {
            return;
        }
        Outcome install = exec(List.of("bash", "-c", "source scripts/lib.sh && mkdir -p \"$PULSE_RUN_DIR\" && pulse_chromium_up"), 600,
                repoRoot);
        if (install.exit != 0 || !Files.isExecutable(Path.of(chromium))) {
            throw new AssertionError("BrowserIT needs Chromium at " + chromium + " (Debian's package \"chromium\"; set PULSE_CHROMIUM "
                    + "for another path). Installing it with scripts/lib.sh pulse_chromium_up (apt-get) failed:\n"
                    + install.stderr + install.stdout);
        }
    }

    private void npmCi() {
        Outcome ci;
        try {
            ci = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        } catch (AssertionError e) {
            throw new AssertionError("BrowserIT needs Node 20+ and npm on the PATH to install playwright-core (npm ci in "
                    + dir + "): " + e.getMessage(), e);
        }
        if (ci.exit != 0) {
            throw new AssertionError("npm ci in " + dir + " failed (exit " + ci.exit + "); BrowserIT needs the npm registry "
                    + "(or a cache) to install playwright-core:\n" + ci.stderr + ci.stdout);
        }
    }

    private record Outcome(int exit, String stdout, String stderr) {}

    private Outcome exec(List<String> command, int timeoutSeconds) {
        return exec(command, timeoutSeconds, dir);
    }

    private static Outcome exec(List<String> command, int timeoutSeconds, Path workDir) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("browser-check", ".out");
            err = Files.createTempFile("browser-check", ".err");
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            for (Path f : new Path[] {out, err}) {
                if (f != null) {
                    f.toFile().delete();
                }
            }
        }
    }
}
