package org.partnershippulse.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .github/workflows/release.yml cannot run here (no runner, registry or Docker engine): these checks hold its
 * shape to what deploy/README.md "Images and releases" promises. A tag vX.Y.Z is tested with .ci/run before
 * anything is pushed; the images are the services' Dockerfiles, pushed under the names the overlays pull, with
 * SBOM and SLSA provenance, signed by digest; the release pins the overlays to the pushed digests; the token has
 * only the permissions each job needs; every action is pinned.
 */
class ReleaseWorkflowTest {

    static final Path WORKFLOW = Project.ROOT.resolve(".github/workflows/release.yml");
    /** owner/repo[/path]@ a full commit SHA or a major version tag; never a branch or a moving minor tag. */
    private static final Pattern PINNED_ACTION = Pattern.compile("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@([0-9a-f]{40}|v\\d+)$");
    /** The write permissions a job may hold, by job: everything else is read or none. */
    private static final Map<String, Set<String>> WRITES = Map.of(
            "images", Set.of("packages", "id-token", "attestations"),
            "release", Set.of("contents"));

    private static Map<String, Object> workflow;
    private static Map<String, Map<String, Object>> jobs;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        assertTrue(Files.isRegularFile(WORKFLOW), "missing " + Project.ROOT.relativize(WORKFLOW));
        workflow = new Yaml().load(Project.read(WORKFLOW));
        jobs = (Map<String, Map<String, Object>>) (Map<?, ?>) map(workflow.get("jobs"), "jobs");
    }

    @Test
    void itRunsOnVersionTagsOnly() {
        // YAML 1.1 (SnakeYAML) reads the key "on" as the boolean true
        Map<String, Object> on = map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE), "on");
        assertTrue(on.keySet().equals(Set.of("push")), "triggers " + on.keySet() + ": a release runs on a pushed tag only");
        Map<String, Object> push = map(on.get("push"), "on.push");
        assertTrue(push.keySet().equals(Set.of("tags")), "on.push " + push.keySet() + ": tags only, no branches");
        List<?> tags = (List<?>) push.get("tags");
        assertFalse(tags.isEmpty(), "no tag pattern");
        tags.forEach(t -> assertTrue(String.valueOf(t).startsWith("v"), "tag pattern " + t + " is not v*"));

        // the version job turns vX.Y.Z into X.Y.Z and stops on anything else
        String run = steps("version").stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).reduce("", String::concat);
        Matcher m = Pattern.compile("=~ (\\S+) ]]").matcher(run);
        assertTrue(m.find(), "the version job does not match the tag against a pattern");
        // bash's =~ matches anywhere in the string (find, not matches): only ^…$ make it exact
        Pattern version = Pattern.compile(m.group(1));
        Matcher ok = version.matcher("v1.12.3");
        assertTrue(ok.find() && ok.group(1).equals("1.12.3"), m.group(1) + " does not turn v1.12.3 into 1.12.3");
        for (String bad : List.of("v1.2", "1.2.3", "v1.2.3-rc1", "vnext", "v1.2.3.4", "xv1.2.3")) {
            assertFalse(version.matcher(bad).find(), m.group(1) + " accepts the tag " + bad);
        }
    }

    @Test
    void theTokenHasOnlyThePermissionsEachJobNeeds() {
        Problems p = new Problems();
        p.check(workflow.get("permissions") instanceof Map<?, ?> top && top.isEmpty(),
                "the workflow's default permissions should be {} (each job names its own), not " + workflow.get("permissions"));
        jobs.forEach((name, job) -> {
            Object perms = job.get("permissions");
            if (!(perms instanceof Map<?, ?> granted)) {
                p.add("job " + name + " does not name its permissions (" + perms + ")");
                return;
            }
            granted.forEach((scope, level) -> {
                if ("write".equals(level)) {
                    p.check(WRITES.getOrDefault(name, Set.of()).contains(String.valueOf(scope)), "job " + name + " may write " + scope);
                } else {
                    p.check("read".equals(level) || "none".equals(level), "job " + name + ": " + scope + ": " + level);
                }
            });
        });
        // what signing and publishing cannot do without
        Map<String, Object> images = map(jobs.get("images").get("permissions"), "images.permissions");
        for (String scope : List.of("packages", "id-token", "attestations")) {
            p.check("write".equals(images.get(scope)), "job images lacks " + scope + ": write");
        }
        p.check("write".equals(map(jobs.get("release").get("permissions"), "release.permissions").get("contents")),
                "job release lacks contents: write");
        p.assertNone(Project.ROOT.relativize(WORKFLOW).toString());
    }

    @Test
    void everyActionIsPinnedToACommitOrAMajorVersion() {
        Problems p = new Problems();
        jobs.keySet().forEach(job -> steps(job).forEach(s -> {
            Object uses = s.get("uses");
            if (uses != null) {
                p.check(PINNED_ACTION.matcher(uses.toString()).matches(), job + ": " + uses + " is not pinned to a full commit SHA or a major version");
            }
        }));
        p.assertNone("actions in " + Project.ROOT.relativize(WORKFLOW));
    }

    @Test
    void nothingIsPublishedBeforeTheProjectsTestsPass() {
        Problems p = new Problems();
        p.check(steps("test").stream().anyMatch(s -> String.valueOf(s.get("run")).strip().equals(".ci/run")),
                "job test does not run .ci/run (the project's test command)");
        p.check(needs("images").contains("test"), "job images does not need job test");
        p.check(needs("release").contains("images"), "job release does not need job images");
        p.assertNone("job order");
    }

    @Test
    void theImagesAreTheServicesDockerfilesPushedUnderTheNamesTheOverlaysPull() {
        Problems p = new Problems();
        Map<String, Object> job = jobs.get("images");
        Map<String, Object> matrix = map(map(job.get("strategy"), "images.strategy").get("matrix"), "images.strategy.matrix");
        Set<String> matrixServices = new TreeSet<>();
        ((List<?>) matrix.get("service")).forEach(s -> matrixServices.add(String.valueOf(s)));
        p.check(matrixServices.equals(new TreeSet<>(Project.names(Project.services()))),
                "the images job builds " + matrixServices + ", the services are " + Project.names(Project.services()));
        Map<String, Object> env = map(job.get("env"), "images.env");
        p.check((ImagesTest.IMAGE_PREFIX + "${{ matrix.service }}").equals(env.get("IMAGE")),
                "images are pushed as " + env.get("IMAGE") + ", the overlays pull " + ImagesTest.IMAGE_PREFIX + "<service>");
        p.check((ImagesTest.IMAGE_PREFIX.replaceAll("/$", "")).equals(map(workflow.get("env"), "env").get("IMAGE_PREFIX")),
                "IMAGE_PREFIX (used to pin the overlays) is not " + ImagesTest.IMAGE_PREFIX);
        // the committed component names the same registry path for every service (the overlays' check: ImagesTest)
        String component = Project.read(ImagesTest.IMAGES_COMPONENT);
        for (String service : matrixServices) {
            p.check(component.contains("newName: " + ImagesTest.IMAGE_PREFIX + service + "\n"),
                    "deploy/components/images does not name " + ImagesTest.IMAGE_PREFIX + service);
        }

        Map<String, Object> build = step("images", "docker/build-push-action");
        Map<String, Object> with = map(build.get("with"), "build-push-action.with");
        for (Project.Service s : Project.services()) {
            String file = String.valueOf(with.get("file")).replace("${{ matrix.service }}", s.name());
            p.check(Project.ROOT.resolve(file).normalize().equals(s.dockerfile()), "the build uses " + file + ", not " + Project.ROOT.relativize(s.dockerfile()));
            String context = String.valueOf(with.get("context")).replace("${{ matrix.service }}", s.name());
            p.check(Project.ROOT.resolve(context).normalize().equals(s.dir()), "the build context " + context + " is not the module " + s.name()
                    + " (the Dockerfile copies target/ from it)");
        }
        p.check(Boolean.TRUE.equals(with.get("push")), "build-push-action does not push");
        p.check("mode=max".equals(String.valueOf(with.get("provenance"))), "provenance is " + with.get("provenance") + ", not mode=max");
        p.check(Boolean.TRUE.equals(with.get("sbom")), "no buildx SBOM attestation (sbom: true)");
        p.check("build".equals(build.get("id")), "the build step's id is not build (the signing steps read steps.build.outputs.digest)");

        Map<String, Object> meta = map(step("images", "docker/metadata-action").get("with"), "metadata-action.with");
        String tags = String.valueOf(meta.get("tags"));
        p.check(tags.contains("type=semver,pattern={{version}}") && tags.contains("type=semver,pattern={{major}}.{{minor}}"),
                "the image tags are not X.Y.Z and X.Y from the git tag: " + tags);
        p.check(String.valueOf(meta.get("flavor")).contains("latest=false"), "the images would also be tagged latest");
        p.check(String.valueOf(with.get("tags")).contains("steps.meta.outputs.tags"), "the build does not use the metadata's tags");

        p.check(runs("images").anyMatch(r -> r.contains("versions-maven-plugin") && r.contains(":set") && r.contains("-DnewVersion=\"$VERSION\"")),
                "the Maven version is not set from the tag (versions:set -DnewVersion=\"$VERSION\")");
        p.check(runs("images").anyMatch(r -> r.contains("package") && r.contains("-DskipTests")), "the service is not packaged before the image build");
        // the images run Java 25 from an AOT cache their build trains (DockerfilesTest): a plain class path, each
        // platform's JDK running the training (QEMU for the one the runner is not)
        p.check(runs("images").anyMatch(r -> r.contains("package") && r.contains("-Dquarkus.package.jar.type=aot-jar")),
                "the service is not packaged as aot-jar (the layout the image's AOT cache needs)");
        p.check("25".equals(String.valueOf(map(step("images", "actions/setup-java").get("with"), "setup-java.with").get("java-version"))),
                "the images job does not build on Java 25, the images' Java");
        p.check(step("images", "docker/setup-qemu-action") != null, "no docker/setup-qemu-action: the arm64 image's training RUN cannot run");
        p.assertNone("images job");
    }

    @Test
    void theImagesAreSignedAndAttestedByDigest() {
        Problems p = new Problems();
        List<Map<String, Object>> steps = steps("images");
        Map<String, Object> sign = steps.stream().filter(s -> String.valueOf(s.get("run")).contains("cosign sign")).findFirst().orElse(null);
        p.check(sign != null, "no cosign sign step");
        if (sign != null) {
            p.check(String.valueOf(sign.get("run")).contains("--yes") && String.valueOf(sign.get("run")).contains("\"$IMAGE@$DIGEST\""),
                    "cosign sign does not sign \"$IMAGE@$DIGEST\" keyless (--yes): " + sign.get("run"));
            p.check(String.valueOf(map(sign.get("env"), "sign.env").get("DIGEST")).contains("steps.build.outputs.digest"),
                    "the signed DIGEST is not the pushed one (steps.build.outputs.digest)");
        }
        p.check(steps.stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("sigstore/cosign-installer@")), "cosign is not installed");
        p.check(runs("images").anyMatch(r -> r.contains("cosign attest") && r.contains("--type cyclonedx") && r.contains("target/bom.json")
                && r.contains("\"$IMAGE@$DIGEST\"")), "the CycloneDX SBOM (target/bom.json) is not attested to the digest");
        Map<String, Object> provenance = map(step("images", "actions/attest-build-provenance").get("with"), "attest-build-provenance.with");
        p.check(String.valueOf(provenance.get("subject-digest")).contains("steps.build.outputs.digest"), "the GitHub provenance is not for the pushed digest");
        p.assertNone("signing");
    }

    @Test
    void theReleasePinsTheOverlaysToThePushedDigestsAndAttachesThem() {
        Problems p = new Problems();
        List<String> runs = runs("release").toList();
        int pin = indexOf(runs, "scripts/release-pin-images.sh \"$VERSION\"");
        int render = indexOf(runs, "kubectl kustomize deploy/overlays/prod");
        int publish = indexOf(runs, "gh release create");
        p.check(pin >= 0, "the release does not run scripts/release-pin-images.sh \"$VERSION\"");
        p.check(render > pin, "the release does not render deploy/overlays/prod after pinning");
        p.check(publish > render, "the release is not published (gh release create) after rendering");
        p.check(runs.stream().anyMatch(r -> r.contains("sha256:" + "0".repeat(64))), "the release does not refuse a placeholder digest");
        if (publish >= 0) {
            String gh = runs.get(publish);
            for (String asset : List.of("dist/*.yaml", "dist/*.tar.gz", "dist/*.cdx.json", "dist/SHA256SUMS")) {
                p.check(gh.contains(asset), "the release does not attach " + asset);
            }
        }
        p.check(Files.isExecutable(ImagesTest.PIN_SCRIPT), "scripts/release-pin-images.sh is not executable");
        p.assertNone("release job");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static int indexOf(List<String> runs, String text) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new AssertionError(what + " is not a mapping in " + Project.ROOT.relativize(WORKFLOW) + ": " + o);
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        Map<String, Object> j = jobs.get(job);
        if (j == null) {
            throw new AssertionError("no job " + job + " in " + Project.ROOT.relativize(WORKFLOW) + " (jobs: " + jobs.keySet() + ")");
        }
        return (List<Map<String, Object>>) j.get("steps");
    }

    private static Map<String, Object> step(String job, String action) {
        return steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("job " + job + " has no step using " + action));
    }

    private static java.util.stream.Stream<String> runs(String job) {
        return steps(job).stream().filter(s -> s.get("run") != null).map(s -> String.valueOf(s.get("run")));
    }

    private static List<String> needs(String job) {
        Object needs = jobs.get(job).get("needs");
        List<String> list = new ArrayList<>();
        if (needs instanceof List<?> l) {
            l.forEach(n -> list.add(String.valueOf(n)));
        } else if (needs != null) {
            list.add(String.valueOf(needs));
        }
        return list;
    }
}
