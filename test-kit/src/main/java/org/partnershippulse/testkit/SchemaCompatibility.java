package org.partnershippulse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares the event schemas of the last release ({@code contracts/released/<version>/events/}) with the current ones
 * ({@code contracts/events/}) and finds what would break a subscriber that validates with, or was written against, the
 * released schema. The rules (README, "Event compatibility"; the policy is in {@code contracts/asyncapi.yaml}):
 * <ul>
 * <li>{@code property-removed}, {@code property-renamed}: a released property is gone (renamed when an added
 * property has the same schema);</li>
 * <li>{@code newly-required}: a property is required that was not;</li>
 * <li>{@code type-changed}, {@code format-changed}, {@code const-changed}, {@code ref-changed}: any change, either
 * direction;</li>
 * <li>{@code enum-narrowed} (a value removed), {@code enum-widened} (a value added: a validating subscriber rejects
 * it), {@code enum-introduced}, {@code enum-dropped}: an enum is a closed list within a type version; a list meant to
 * grow is a plain string;</li>
 * <li>{@code constraint-changed}: any other validation keyword (pattern, minimum, minLength, items count...) added,
 * removed or changed;</li>
 * <li>{@code composition-changed}: allOf/anyOf/oneOf gained or lost a branch;</li>
 * <li>{@code object-closed}: an object (or a map's values) no longer accepts what it accepted
 * ({@code additionalProperties: false}, or a schema where there was none); a current schema that closes an object at
 * all fails too, since subscribers' schemas must accept additions;</li>
 * <li>{@code type-removed}: a released event type has no schema any more, unless a successor ({@code ….v2}) was
 * already in that release, so both were published in parallel, and the release marked the old type
 * {@code "deprecated": true}.</li>
 * </ul>
 * Compatible, and listed: a new optional property, an object opened, a new event type, changed annotations (title,
 * description, examples, deprecated). The envelope ({@code cloudevent.json}) is compared by the same rules, except
 * that a property every event type pins with {@code const} ({@code source}, {@code type}) may change its enum or
 * pattern there: what a subscriber sees of it is the type's {@code const}.
 */
public final class SchemaCompatibility {

    public static final String ENVELOPE = "cloudevent.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keywords that say nothing about which events are valid. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "deprecated", "$comment",
            "default", "readOnly", "writeOnly");
    /** Keywords compared by their own rules below; every other keyword must stay identical. */
    private static final Set<String> STRUCTURAL = Set.of("properties", "required", "additionalProperties", "items",
            "prefixItems", "allOf", "anyOf", "oneOf", "enum", "type", "format", "const", "$ref");
    private static final Pattern VERSIONED = Pattern.compile("^(.+)\\.v([0-9]+)\\.json$");

    /** One difference: {@code breaking} ones fail the check. */
    public record Finding(String schema, String where, String rule, String message, boolean breaking) {

        @Override
        public String toString() {
            return (breaking ? "BREAKING " : "ok ") + rule + " " + schema + (where.isEmpty() ? "" : " at " + where)
                    + ": " + message;
        }
    }

    /** What was compared and what was found. */
    public record Report(String release, List<String> compared, List<String> added, int current, List<Finding> findings) {

        public List<Finding> breaking() {
            return findings.stream().filter(Finding::breaking).toList();
        }

        /** The lines the check prints. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("event schema compatibility: release " + release + " (" + compared.size()
                    + " schemas) against contracts/events (" + current + " schemas)");
            for (String schema : compared) {
                List<Finding> own = findings.stream().filter(f -> f.schema().equals(schema)).toList();
                boolean broken = own.stream().anyMatch(Finding::breaking);
                lines.add("  " + (broken ? "BREAKING  " : own.isEmpty() ? "unchanged " : "compatible") + " " + schema);
                own.forEach(f -> lines.add("      " + (f.breaking() ? "! " : "+ ") + f.rule()
                        + (f.where().isEmpty() ? "" : " " + f.where()) + ": " + f.message()));
            }
            added.forEach(schema -> {
                lines.add("  new        " + schema);
                findings.stream().filter(f -> f.schema().equals(schema))
                        .forEach(f -> lines.add("      ! " + f.rule() + " " + f.where() + ": " + f.message()));
            });
            lines.add("event schema compatibility: " + compared.size() + " compared, " + added.size() + " new, "
                    + breaking().size() + " breaking");
            return lines;
        }
    }

    private SchemaCompatibility() {
    }

    /** @return the newest release under {@code contracts/released/} (by version number) */
    public static Path lastRelease(Path releasedRoot) {
        try (Stream<Path> dirs = Files.list(releasedRoot)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("events")))
                    .max(Comparator.comparing(d -> version(d.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no release under " + releasedRoot))
                    .resolve("events");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(String name) {
        StringBuilder key = new StringBuilder();
        for (String part : name.split("\\.")) {
            key.append(String.format("%10s", part.replaceAll("\\D", ""))).append('.');
        }
        return key.toString();
    }

    /** Compares every schema file of a release with the current directory. */
    public static Report compare(Path releasedEvents, Path currentEvents) {
        Map<String, JsonNode> released = readAll(releasedEvents);
        Map<String, JsonNode> current = readAll(currentEvents);
        String release = releasedEvents.getParent().getFileName().toString();
        return compare(release, released, current);
    }

    /** Compares schemas by file name ({@code <type>.json} and the envelope). */
    public static Report compare(String release, Map<String, JsonNode> released, Map<String, JsonNode> current) {
        List<Finding> findings = new ArrayList<>();
        Set<String> pinned = pinnedByEveryType(current);
        for (Map.Entry<String, JsonNode> entry : released.entrySet()) {
            String name = entry.getKey();
            JsonNode now = current.get(name);
            if (now == null) {
                removed(name, released, current, findings);
            } else {
                new Comparison(name, name.equals(ENVELOPE) ? pinned : Set.of(), findings).schema("", entry.getValue(), now);
            }
        }
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : current.entrySet()) {
            if (!released.containsKey(entry.getKey())) {
                added.add(entry.getKey());
            }
            closedObjects(entry.getKey(), "", entry.getValue(), findings);
        }
        return new Report(release, List.copyOf(released.keySet()), added, current.size(), findings);
    }

    private static void removed(String name, Map<String, JsonNode> released, Map<String, JsonNode> current, List<Finding> findings) {
        Matcher m = VERSIONED.matcher(name);
        if (m.matches()) {
            int version = Integer.parseInt(m.group(2));
            for (String other : released.keySet()) {
                Matcher o = VERSIONED.matcher(other);
                if (o.matches() && o.group(1).equals(m.group(1)) && Integer.parseInt(o.group(2)) > version
                        && current.containsKey(other)) {
                    if (released.get(name).path("deprecated").asBoolean(false)) {
                        findings.add(new Finding(name, "", "type-removed", "retired; its successor " + other
                                + " was published in parallel and this type marked deprecated in the release", false));
                    } else {
                        findings.add(new Finding(name, "", "type-removed", "its successor " + other
                                + " was released, but this type was not announced (\"deprecated\": true) in that release", true));
                    }
                    return;
                }
            }
        }
        findings.add(new Finding(name, "", "type-removed", "the type's schema is gone; publish a successor (….v"
                + (m.matches() ? Integer.parseInt(m.group(2)) + 1 : 2)
                + ") beside it for at least one release and keep publishing both before retiring it", true));
    }

    /** Envelope properties every event type fixes with const: subscribers see the const, not the envelope's list. */
    private static Set<String> pinnedByEveryType(Map<String, JsonNode> current) {
        Set<String> pinned = null;
        for (Map.Entry<String, JsonNode> entry : current.entrySet()) {
            if (entry.getKey().equals(ENVELOPE)) {
                continue;
            }
            Set<String> own = new HashSet<>();
            entry.getValue().path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().has("const")) {
                    own.add(p.getKey());
                }
            });
            if (pinned == null) {
                pinned = own;
            } else {
                pinned.retainAll(own);
            }
        }
        return pinned == null ? Set.of() : pinned;
    }

    private static void closedObjects(String schema, String where, JsonNode node, List<Finding> findings) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean()) {
            findings.add(new Finding(schema, where.isEmpty() ? "(root)" : where, "object-closed",
                    "additionalProperties: false; subscribers' schemas must accept additions (our producers' tests are strict anyway)", true));
        }
        node.path("properties").fields().forEachRemaining(p -> closedObjects(schema, child(where, p.getKey()), p.getValue(), findings));
        closedObjects(schema, where + "[]", node.get("items"), findings);
        for (String keyword : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            int i = 0;
            for (JsonNode branch : node.path(keyword)) {
                closedObjects(schema, where + "/" + keyword + "[" + i++ + "]", branch, findings);
            }
        }
    }

    private static String child(String where, String property) {
        return where.isEmpty() ? property : where + "." + property;
    }

    private static Map<String, JsonNode> readAll(Path dir) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Iterator<Path> it = files.filter(f -> f.toString().endsWith(".json")).iterator(); it.hasNext();) {
                Path file = it.next();
                schemas.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** One schema file's comparison, walking the released and the current schema side by side. */
    private record Comparison(String name, Set<String> pinned, List<Finding> findings) {

        void schema(String where, JsonNode old, JsonNode now) {
            if (old.equals(now)) {
                return;
            }
            if (!old.isObject() || !now.isObject()) {
                breaking(where, "constraint-changed", "schema " + old + " became " + now);
                return;
            }
            boolean pinnedHere = pinned.contains(where);
            changed(where, "$ref", old.get("$ref"), now.get("$ref"), "ref-changed");
            changed(where, "type", types(old), types(now), "type-changed");
            changed(where, "format", old.get("format"), now.get("format"), "format-changed");
            if (!pinnedHere) {
                changed(where, "const", old.get("const"), now.get("const"), "const-changed");
                enumeration(where, old.get("enum"), now.get("enum"));
            } else {
                for (String keyword : List.of("enum", "pattern")) {
                    if (!java.util.Objects.equals(old.get(keyword), now.get(keyword))) {
                        compatible(where, keyword + "-changed", "every event type pins it with const, so subscribers see the const");
                    }
                }
            }
            Set<String> keywords = new LinkedHashSet<>();
            old.fieldNames().forEachRemaining(keywords::add);
            now.fieldNames().forEachRemaining(keywords::add);
            for (String keyword : keywords) {
                if (ANNOTATIONS.contains(keyword) || STRUCTURAL.contains(keyword)
                        || (pinnedHere && keyword.equals("pattern"))) {
                    continue;
                }
                if (!java.util.Objects.equals(old.get(keyword), now.get(keyword))) {
                    breaking(where, "constraint-changed", keyword + " " + text(old.get(keyword)) + " became " + text(now.get(keyword)));
                }
            }
            required(where, old.path("required"), now.path("required"));
            properties(where, old.path("properties"), now.path("properties"));
            additional(where, old.get("additionalProperties"), now.get("additionalProperties"));
            sub(where + "[]", old.get("items"), now.get("items"), "items");
            for (String keyword : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
                JsonNode o = old.path(keyword);
                JsonNode n = now.path(keyword);
                if (o.size() != n.size()) {
                    breaking(where, "composition-changed", keyword + " had " + o.size() + " branches, now " + n.size());
                } else {
                    for (int i = 0; i < o.size(); i++) {
                        schema(where + "/" + keyword + "[" + i + "]", o.get(i), n.get(i));
                    }
                }
            }
        }

        private void sub(String where, JsonNode old, JsonNode now, String keyword) {
            if (old == null && now == null) {
                return;
            }
            if (old == null || now == null) {
                breaking(where, "constraint-changed", keyword + " " + text(old) + " became " + text(now));
            } else {
                schema(where, old, now);
            }
        }

        private void changed(String where, String keyword, Object old, Object now, String rule) {
            if (!java.util.Objects.equals(old, now)) {
                breaking(where, rule, keyword + " " + text(old) + " became " + text(now));
            }
        }

        private void enumeration(String where, JsonNode old, JsonNode now) {
            if (old == null && now == null) {
                return;
            }
            if (old == null) {
                breaking(where, "enum-introduced", "an open value became the closed list " + now);
                return;
            }
            if (now == null) {
                breaking(where, "enum-dropped", "the closed list " + old + " became open: a subscriber may rely on it");
                return;
            }
            Set<JsonNode> before = new LinkedHashSet<>();
            old.forEach(before::add);
            Set<JsonNode> after = new LinkedHashSet<>();
            now.forEach(after::add);
            Set<JsonNode> removed = new LinkedHashSet<>(before);
            removed.removeAll(after);
            Set<JsonNode> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            if (!removed.isEmpty()) {
                breaking(where, "enum-narrowed", "values removed: " + removed);
            }
            if (!added.isEmpty()) {
                breaking(where, "enum-widened", "values added: " + added + " (a subscriber validating with the released schema rejects them)");
            }
        }

        private void required(String where, JsonNode old, JsonNode now) {
            Set<String> before = new HashSet<>();
            old.forEach(r -> before.add(r.asText()));
            for (JsonNode r : now) {
                if (!before.contains(r.asText())) {
                    breaking(child(where, r.asText()), "newly-required", "required now, optional (or absent) in the release");
                }
            }
        }

        private void properties(String where, JsonNode old, JsonNode now) {
            List<String> added = new ArrayList<>();
            now.fieldNames().forEachRemaining(p -> {
                if (!old.has(p)) {
                    added.add(p);
                }
            });
            old.fields().forEachRemaining(p -> {
                JsonNode next = now.get(p.getKey());
                if (next != null) {
                    schema(child(where, p.getKey()), p.getValue(), next);
                    return;
                }
                String renamed = added.stream().filter(a -> now.get(a).equals(p.getValue())).findFirst().orElse(null);
                if (renamed != null) {
                    breaking(child(where, p.getKey()), "property-renamed", "renamed to " + renamed + "; keep the old name (both may be sent) or make a ….v2");
                } else {
                    breaking(child(where, p.getKey()), "property-removed", "a subscriber may read it; keep it or make a ….v2");
                }
            });
            for (String p : added) {
                compatible(child(where, p), "property-added", "optional property added");
            }
        }

        private void additional(String where, JsonNode old, JsonNode now) {
            boolean oldClosed = old != null && old.isBoolean() && !old.asBoolean();
            boolean newClosed = now != null && now.isBoolean() && !now.asBoolean();
            boolean oldOpen = old == null || (old.isBoolean() && old.asBoolean());
            boolean newOpen = now == null || (now.isBoolean() && now.asBoolean());
            String at = where.isEmpty() ? "(root)" : where;
            if (newClosed) {
                return; // every closed object of a current schema is reported once, by closedObjects
            } else if (oldClosed && newOpen) {
                compatible(at, "object-opened", "accepts properties added later");
            } else if (oldOpen && !newOpen) {
                breaking(at, "object-closed", "additionalProperties " + text(old) + " became " + text(now));
            } else if (!oldOpen && !oldClosed && !newOpen) {
                schema(where + "{*}", old, now);
            } else if (oldClosed) {
                compatible(at, "object-opened", "additionalProperties became " + text(now));
            }
        }

        private void breaking(String where, String rule, String message) {
            findings.add(new Finding(name, where, rule, message, true));
        }

        private void compatible(String where, String rule, String message) {
            findings.add(new Finding(name, where, rule, message, false));
        }

        private static Set<String> types(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type == null) {
                return null;
            }
            Set<String> types = new java.util.TreeSet<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            return types;
        }

        private static String text(Object value) {
            return value == null ? "(none)" : value.toString();
        }
    }
}
