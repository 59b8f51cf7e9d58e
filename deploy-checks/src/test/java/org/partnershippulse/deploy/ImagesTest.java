package org.partnershippulse.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlays run the released images by tag and digest (deploy/components/images, which the release workflow
 * rewrites with scripts/release-pin-images.sh), and every service's image ships its CycloneDX SBOM.
 */
class ImagesTest {

    static final String IMAGE_PREFIX = "ghcr.io/partnership-pulse/";
    static final Path IMAGES_COMPONENT = Project.DEPLOY.resolve("components/images/kustomization.yaml");
    static final Path PIN_SCRIPT = Project.ROOT.resolve("scripts/release-pin-images.sh");
    static final String PLACEHOLDER = "sha256:" + "0".repeat(64);
    /** registry/path/service:X.Y.Z@sha256:digest, the only form a Deployment may run. */
    private static final Pattern PINNED = Pattern.compile("^(.+)/([a-z0-9-]+):(\\d+\\.\\d+\\.\\d+)@(sha256:[0-9a-f]{64})$");

    /** Every Deployment's image of a rendered overlay, by service: registry/…/service, tag, digest. */
    record Image(String repository, String service, String tag, String digest) {
    }

    static Map<String, Image> images(Rendered r, Problems p) {
        Map<String, Image> images = new LinkedHashMap<>();
        for (Deployment d : r.deployments()) {
            String image = Rendered.container(d).getImage();
            Matcher m = PINNED.matcher(image == null ? "" : image);
            if (!m.matches()) {
                p.add(Kustomize.id(d) + " runs " + image + ", not <registry>/<service>:X.Y.Z@sha256:<digest>");
                continue;
            }
            images.put(Rendered.serviceName(d), new Image(m.group(1) + "/" + m.group(2), m.group(2), m.group(3), m.group(4)));
            String label = Rendered.podLabels(d).get("app.kubernetes.io/version");
            p.check(m.group(3).equals(label), Kustomize.id(d) + " runs tag " + m.group(3) + " but its pods say app.kubernetes.io/version=" + label);
            p.check(m.group(2).equals(Rendered.serviceName(d)), Kustomize.id(d) + " runs the image of " + m.group(2));
        }
        return images;
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRunsTheReleasedImagesByTagAndDigest() {
        return Rendered.all().stream().map(r -> DynamicTest.dynamicTest(r.overlay(), () -> {
            Problems p = new Problems();
            Map<String, Image> images = images(r, p);
            p.check(images.keySet().equals(Project.names(Project.services())),
                    "images for " + images.keySet() + ", services " + Project.names(Project.services()));
            images.forEach((service, image) -> p.check(image.repository().equals(IMAGE_PREFIX + service),
                    service + " image " + image.repository() + " is not the published " + IMAGE_PREFIX + service));
            Set<String> tags = new TreeSet<>();
            images.values().forEach(i -> tags.add(i.tag()));
            p.check(tags.size() <= 1, "one release per overlay, yet tags " + tags);
            p.assertNone("images of overlay " + r.overlay());
        }));
    }

    /**
     * Before the first release the committed digests are the all-zero placeholder (a pull fails, nothing unintended
     * runs); after one they are real. Never a mix (one image of another build), and the guide says which applies.
     */
    @Test
    void theCommittedDigestsAreAllThePlaceholderOrAllReal() {
        List<String> digests = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+digest:\\s*(\\S+)\\s*$").matcher(Project.read(IMAGES_COMPONENT));
        while (m.find()) {
            digests.add(m.group(1));
        }
        assertEquals(Project.services().size(), digests.size(), "one digest per service in " + Project.ROOT.relativize(IMAGES_COMPONENT));
        long placeholders = digests.stream().filter(PLACEHOLDER::equals).count();
        assertTrue(placeholders == 0 || placeholders == digests.size(), "placeholder and real digests mixed: " + digests);
        digests.forEach(d -> assertTrue(d.matches("sha256:[0-9a-f]{64}"), d + " is not a sha256 digest"));
        if (placeholders > 0) {
            String guide = section(Project.read(Project.DEPLOY.resolve("README.md")), "## Images and releases");
            assertTrue(guide.contains(PLACEHOLDER.substring(0, 12)) && guide.contains("placeholder"),
                    "the digests are the placeholder, yet deploy/README.md's \"Images and releases\" does not say so");
            assertTrue(guide.contains("release-pin-images.sh") && guide.contains("partnership-pulse-deploy-"),
                    "the guide does not say that the release's manifests (pinned by scripts/release-pin-images.sh) are what a county applies");
        }
    }

    @Test
    void thePinScriptPinsEveryOverlayToTheRelease(@TempDir Path tmp) throws IOException {
        Path deploy = copy(Project.DEPLOY, tmp.resolve("deploy"));
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(List.of("9.8.7"));
        int i = 1;
        for (String service : Project.names(Project.services())) {
            String digest = "sha256:" + String.valueOf(i++).repeat(64);
            digests.put(service, digest);
            args.add(service + "=" + digest);
        }
        Result run = pin(deploy, args);
        assertEquals(0, run.exit(), "release-pin-images.sh failed: " + run.output());
        for (Path overlay : overlaysOf(deploy)) {
            Rendered r = Rendered.of(overlay);
            Problems p = new Problems();
            Map<String, Image> images = images(r, p);
            digests.forEach((service, digest) -> {
                Image image = images.get(service);
                p.check(image != null && image.tag().equals("9.8.7") && image.digest().equals(digest)
                                && image.repository().equals(IMAGE_PREFIX + service),
                        service + " renders as " + image + ", expected " + IMAGE_PREFIX + service + ":9.8.7@" + digest);
            });
            p.assertNone("overlay " + overlay.getFileName() + " after pinning");
        }
    }

    @Test
    void thePinScriptRefusesAnIncompleteOrMalformedRelease(@TempDir Path tmp) throws IOException {
        Path deploy = copy(Project.DEPLOY, tmp.resolve("deploy"));
        Path component = deploy.resolve("components/images/kustomization.yaml");
        String before = Files.readString(component);
        List<String> all = new ArrayList<>();
        for (String service : Project.names(Project.services())) {
            all.add(service + "=sha256:" + "a".repeat(64));
        }
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("a service without a digest", Stream.concat(Stream.of("1.2.3"), all.stream().skip(1)).toList());
        bad.put("a version with a v", Stream.concat(Stream.of("v1.2.3"), all.stream()).toList());
        bad.put("a pre-release version", Stream.concat(Stream.of("1.2.3-rc1"), all.stream()).toList());
        bad.put("the placeholder digest", Stream.concat(Stream.of("1.2.3", all.get(0).replaceAll("sha256:.*", PLACEHOLDER)), all.stream().skip(1)).toList());
        bad.put("a short digest", Stream.concat(Stream.of("1.2.3", all.get(0).replaceAll("sha256:.*", "sha256:abc")), all.stream().skip(1)).toList());
        bad.put("an unknown service", Stream.concat(Stream.of("1.2.3", "billing-service=sha256:" + "b".repeat(64)), all.stream()).toList());
        Problems p = new Problems();
        bad.forEach((what, args) -> {
            Result run = pin(deploy, args);
            p.check(run.exit() != 0, "accepted " + what + ": " + args);
        });
        p.check(before.equals(Files.readString(component)), "a refused run changed " + component);
        p.assertNone("release-pin-images.sh");
    }

    /** The SBOM: the parent configures cyclonedx-maven-plugin once, every service runs it, its image carries it. */
    @TestFactory
    Stream<DynamicTest> everyServiceImageShipsItsCycloneDxSbom() {
        return Project.services().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Problems p = new Problems();
            Element managed = plugin(pom(Project.ROOT.resolve("pom.xml")), "pluginManagement", "cyclonedx-maven-plugin").orElse(null);
            p.check(managed != null, "the root pom's pluginManagement has no org.cyclonedx:cyclonedx-maven-plugin");
            if (managed != null) {
                p.check("org.cyclonedx".equals(text(managed, "groupId")), "cyclonedx-maven-plugin has groupId " + text(managed, "groupId"));
                p.check(!text(managed, "version").isBlank(), "cyclonedx-maven-plugin has no version");
                String phase = text(managed, "phase");
                if (phase.matches("\\$\\{[^}]+}")) { // a property (an offline build sets it to none), package by default
                    phase = text(child(pom(Project.ROOT.resolve("pom.xml")).getDocumentElement(), "properties"), phase.substring(2, phase.length() - 1));
                }
                p.check(text(managed, "goal").equals("makeBom") && phase.equals("package"),
                        "cyclonedx-maven-plugin does not run makeBom at package (goal " + text(managed, "goal") + ", phase " + phase + ")");
                p.check(text(managed, "outputFormat").equals("json") && text(managed, "outputName").equals("bom"),
                        "the SBOM is not target/bom.json (outputFormat " + text(managed, "outputFormat") + ", outputName " + text(managed, "outputName") + ")");
                p.check(text(managed, "includeTestScope").equals("false"), "the SBOM would list test dependencies the image does not ship");
            }
            Optional<Element> own = plugin(pom(s.dir().resolve("pom.xml")), "plugins", "cyclonedx-maven-plugin");
            p.check(own.isPresent(), s.name() + "/pom.xml does not run cyclonedx-maven-plugin in its build");
            own.ifPresent(e -> p.check(!text(e, "skip").equals("true"), s.name() + " skips the SBOM"));
            List<String> copies = Project.dockerfileInstructions(s.dockerfile()).getOrDefault("COPY", List.of());
            p.check(copies.stream().anyMatch(c -> c.matches(".*\\btarget/bom\\.json\\s+/deployments/sbom/\\S+\\.cdx\\.json$")),
                    "Dockerfile.jvm does not COPY target/bom.json to /deployments/sbom/<name>.cdx.json: " + copies);
            p.assertNone(s.name());
        }));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("deploy/README.md has no section \"" + heading + "\"");
        }
        int end = markdown.indexOf("\n## ", start + heading.length() + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static List<Path> overlaysOf(Path deploy) throws IOException {
        try (Stream<Path> dirs = Files.list(deploy.resolve("overlays"))) {
            List<Path> list = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
            assertNotEquals(0, list.size(), "no overlays in the copy");
            return list;
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    record Result(int exit, String output) {
    }

    private static Result pin(Path deploy, List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", PIN_SCRIPT.toString(), "--deploy", deploy.toString()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("release-pin-images.sh took more than 30 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run bash " + PIN_SCRIPT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Document pom(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plugin with this artifactId directly under project/build/&lt;section&gt;/plugins (section "plugins": build/plugins). */
    static Optional<Element> plugin(Document pom, String section, String artifactId) {
        Element build = child(pom.getDocumentElement(), "build");
        Element holder = build == null ? null : section.equals("plugins") ? build : child(build, section);
        Element plugins = holder == null ? null : child(holder, "plugins");
        if (plugins == null) {
            return Optional.empty();
        }
        for (Node n = plugins.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("plugin") && artifactId.equals(text(e, "artifactId"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The text of the first descendant element with this name, "" when there is none. */
    static String text(Element e, String name) {
        NodeList list = e.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }
}
