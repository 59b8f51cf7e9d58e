package org.partnershippulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershippulse.testkit.SchemaCompatibility.Finding;
import org.partnershippulse.testkit.SchemaCompatibility.Report;

/** One test per rule of the compatibility check, on small schemas: what a subscriber would notice breaks it. */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "org.partnershippulse.thing.happened.v1.json";

    /** An event type whose data has the given properties and required list (single quotes for readability). */
    private static JsonNode event(String dataProperties, String required) {
        return json("""
                {'allOf':[{'$ref':'cloudevent.json'}],
                 'properties':{'source':{'const':'/thing-service'},'type':{'const':'org.partnershippulse.thing.happened.v1'},
                  'data':{'type':'object','required':[%s],'properties':{%s}}}}""".formatted(required, dataProperties));
    }

    private static final String BASE = "'id':{'type':'string','format':'uuid'},'name':{'type':'string','minLength':1},"
            + "'status':{'type':'string','enum':['OPEN','CLOSED']},'note':{'type':['string','null']}";

    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Report compare(JsonNode released, JsonNode current) {
        return SchemaCompatibility.compare("1.0.0", Map.of(TYPE, released), Map.of(TYPE, current));
    }

    private static List<String> breakingRules(Report report) {
        return report.breaking().stream().map(f -> f.rule() + " " + f.where()).toList();
    }

    @Test
    void anUnchangedSchemaHasNoFindings() {
        Report report = compare(event(BASE, "'id','name'"), event(BASE, "'id','name'"));
        assertEquals(List.of(), report.findings());
        assertTrue(report.lines().contains("  unchanged  " + TYPE), report.lines().toString());
    }

    @Test
    void anOptionalPropertyAndOpeningAnObjectAreCompatible() {
        JsonNode released = event(BASE, "'id','name'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) released.path("properties").path("data")).put("additionalProperties", false);
        Report report = compare(released, event(BASE + ",'sharesResultsPublicly':{'type':'boolean'}", "'id','name'"));
        assertEquals(List.of(), breakingRules(report));
        assertEquals(List.of("property-added data.sharesResultsPublicly", "object-opened data"),
                report.findings().stream().map(f -> f.rule() + " " + f.where()).toList());
        assertTrue(report.lines().contains("  compatible " + TYPE), report.lines().toString());
    }

    @Test
    void changedAnnotationsAreCompatible() {
        Report report = compare(event(BASE, "'id'"), event(BASE.replace("'minLength':1", "'minLength':1,'description':'shown to members'"), "'id'"));
        assertEquals(List.of(), breakingRules(report));
    }

    @Test
    void aRemovedPropertyBreaks() {
        Report report = compare(event(BASE, "'id'"), event(BASE.replace(",'note':{'type':['string','null']}", ""), "'id'"));
        assertEquals(List.of("property-removed data.note"), breakingRules(report));
        assertTrue(report.lines().contains("  BREAKING   " + TYPE), report.lines().toString());
    }

    @Test
    void aRenamedPropertyBreaksAndIsNamedAsSuch() {
        Report report = compare(event(BASE, "'id'"), event(BASE.replace("'note':", "'remark':"), "'id'"));
        assertEquals(List.of("property-renamed data.note"), breakingRules(report));
        assertTrue(report.breaking().get(0).message().contains("remark"));
    }

    @Test
    void aNewlyRequiredPropertyBreaks() {
        assertEquals(List.of("newly-required data.note"), breakingRules(compare(event(BASE, "'id'"), event(BASE, "'id','note'"))));
        assertEquals(List.of("newly-required data.region"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE + ",'region':{'type':'string'}", "'id','region'"))));
    }

    @Test
    void aChangedTypeBreaksEitherWay() {
        assertEquals(List.of("type-changed data.name"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("'name':{'type':'string'", "'name':{'type':['string','null']"), "'id'"))));
        assertEquals(List.of("type-changed data.note"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("'note':{'type':['string','null']}", "'note':{'type':'string'}"), "'id'"))));
    }

    @Test
    void aChangedFormatOrConstBreaks() {
        assertEquals(List.of("format-changed data.id"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("'format':'uuid'", "'format':'uri'"), "'id'"))));
        JsonNode released = event(BASE, "'id'");
        JsonNode current = event(BASE, "'id'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) current.path("properties").path("source")).put("const", "/other-service");
        assertEquals(List.of("const-changed source"), breakingRules(compare(released, current)));
    }

    @Test
    void aNarrowedOrWidenedEnumBreaks() {
        assertEquals(List.of("enum-narrowed data.status"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("['OPEN','CLOSED']", "['OPEN']"), "'id'"))));
        // a subscriber validating with the released enum rejects the new value: open lists are plain strings
        assertEquals(List.of("enum-widened data.status"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("['OPEN','CLOSED']", "['OPEN','CLOSED','PAUSED']"), "'id'"))));
        assertEquals(List.of(), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("['OPEN','CLOSED']", "['CLOSED','OPEN']"), "'id'"))));
    }

    @Test
    void anyOtherChangedConstraintBreaks() {
        assertEquals(List.of("constraint-changed data.name"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("'minLength':1", "'minLength':2"), "'id'"))));
        assertEquals(List.of("constraint-changed data.name"), breakingRules(compare(event(BASE, "'id'"),
                event(BASE.replace("'minLength':1", "'minLength':1,'pattern':'^[A-Z]'"), "'id'"))));
    }

    @Test
    void closingAnObjectBreaks() {
        JsonNode current = event(BASE, "'id'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) current.path("properties").path("data")).put("additionalProperties", false);
        assertEquals(List.of("object-closed data"), breakingRules(compare(event(BASE, "'id'"), current)));
    }

    @Test
    void aNewTypeIsCompatibleUnlessItClosesAnObject() {
        JsonNode closed = event(BASE, "'id'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) closed.path("properties").path("data")).put("additionalProperties", false);
        Report report = SchemaCompatibility.compare("1.0.0", Map.of(TYPE, event(BASE, "'id'")),
                Map.of(TYPE, event(BASE, "'id'"), "org.partnershippulse.public.thing.happened.v1.json", event(BASE, "'id'"),
                        "org.partnershippulse.thing.closed.v1.json", closed));
        assertEquals(List.of("org.partnershippulse.public.thing.happened.v1.json", "org.partnershippulse.thing.closed.v1.json"),
                report.added().stream().sorted().toList());
        assertEquals(List.of("object-closed data"), breakingRules(report));
        assertEquals("org.partnershippulse.thing.closed.v1.json", report.breaking().get(0).schema());
    }

    @Test
    void aTypeIsRetiredOnlyAfterItsSuccessorWasReleased() {
        String v2 = "org.partnershippulse.thing.happened.v2.json";
        Report gone = SchemaCompatibility.compare("1.0.0", Map.of(TYPE, event(BASE, "'id'")), Map.of());
        assertEquals(List.of("type-removed "), breakingRules(gone));
        // the successor appears in the same change: both must first be published in parallel
        Report replacedAtOnce = SchemaCompatibility.compare("1.0.0", Map.of(TYPE, event(BASE, "'id'")), Map.of(v2, event(BASE, "'id'")));
        assertEquals(List.of("type-removed "), breakingRules(replacedAtOnce));
        // released beside its successor, but never announced as deprecated
        Report unannounced = SchemaCompatibility.compare("1.1.0", new TreeMap<>(Map.of(TYPE, event(BASE, "'id'"), v2, event(BASE, "'id'"))),
                Map.of(v2, event(BASE, "'id'")));
        assertEquals(List.of("type-removed "), breakingRules(unannounced));
        JsonNode deprecated = event(BASE, "'id'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) deprecated).put("deprecated", true);
        Report retired = SchemaCompatibility.compare("1.1.0", new TreeMap<>(Map.of(TYPE, deprecated, v2, event(BASE, "'id'"))),
                Map.of(v2, event(BASE, "'id'")));
        assertEquals(List.of(), breakingRules(retired));
        assertEquals(List.of("type-removed"), retired.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void theEnvelopeMayListMoreValuesOfWhatEveryTypePinsButNothingElse() {
        JsonNode envelope = json("""
                {'type':'object','required':['source','type'],'properties':{'source':{'type':'string','enum':['/a-service']},
                 'type':{'type':'string','pattern':'^org\\\\.partnershippulse\\\\.[a-z]+\\\\.v[0-9]+$'},'subject':{'type':'string','enum':['x']}}}""");
        JsonNode widened = json("""
                {'type':'object','required':['source','type'],'properties':{'source':{'type':'string','enum':['/a-service','/b-service']},
                 'type':{'type':'string','pattern':'^org\\\\.partnershippulse\\\\.[a-z.-]+\\\\.v[0-9]+$'},'subject':{'type':'string','enum':['x','y']}}}""");
        Report report = SchemaCompatibility.compare("1.0.0", Map.of(SchemaCompatibility.ENVELOPE, envelope, TYPE, event(BASE, "'id'")),
                Map.of(SchemaCompatibility.ENVELOPE, widened, TYPE, event(BASE, "'id'")));
        assertEquals(List.of("enum-widened subject"), breakingRules(report));
        assertEquals(List.of("enum-changed source", "pattern-changed type", "enum-widened subject"),
                report.findings().stream().map(f -> f.rule() + " " + f.where()).toList());
    }

    @Test
    void theLastReleaseIsTheHighestVersion(@TempDir Path dir) throws IOException {
        for (String release : List.of("1.0.0", "1.9.0", "1.10.0")) {
            Files.createDirectories(dir.resolve(release).resolve("events"));
        }
        Files.createDirectories(dir.resolve("notes"));
        assertEquals(dir.resolve("1.10.0").resolve("events"), SchemaCompatibility.lastRelease(dir));
    }
}
