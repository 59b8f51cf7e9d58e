package org.partnershippulse.systemkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnershippulse.systemkit.OpenApiContract.Kind;
import org.partnershippulse.systemkit.OpenApiContract.Mismatch;

/** The matcher, the validator and the suite's collector on a small hand-made OpenAPI 3.1 document. */
class ContractConformanceTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "required": ["id", "name", "note"],
                    "properties": {
                      "id": {"type": "string", "format": "uuid"},
                      "name": {"type": "string"},
                      "size": {"type": "integer", "format": "int32"},
                      "note": {"type": ["string", "null"]}
                    }
                  },
                  "Problem": {
                    "type": "object",
                    "required": ["status"],
                    "properties": {"status": {"type": "integer"}, "field": {"type": "string"}}
                  }
                },
                "responses": {
                  "NotFound": {
                    "description": "unknown",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
                  }
                }
              },
              "paths": {
                "/things/{id}": {
                  "get": {
                    "responses": {
                      "200": {"description": "it", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "404": {"$ref": "#/components/responses/NotFound"},
                      "5XX": {"description": "broken", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  },
                  "delete": {
                    "responses": {"204": {"description": "gone"}}
                  }
                },
                "/things/mine": {
                  "get": {
                    "responses": {
                      "200": {"description": "mine", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}},
                      "default": {"description": "any other", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                },
                "/things/{id}/report.csv": {
                  "get": {"responses": {"200": {"description": "csv", "content": {"text/csv": {"schema": {"type": "string"}}}}}}
                },
                "/loose": {
                  "get": {"responses": {"200": {"description": "untyped", "content": {"application/json": {"schema": {}}}}}}
                }
              }
            }
            """;

    private static final String THING = "{\"id\": \"0b8c2c1e-6a43-4c1f-9a59-4b7ab0d5a3f1\", \"name\": \"a\", \"size\": 3, \"note\": null}";

    private final OpenApiContract contract = OpenApiContract.parse("things", DOCUMENT);

    @Test
    void findsTheOperationByMethodAndTemplatePreferringLiteralSegments() {
        assertEquals(Optional.of("GET /things/{id}"), contract.operation("GET", "/things/42?fields=all"));
        assertEquals(Optional.of("GET /things/mine"), contract.operation("GET", "/things/mine"));
        assertEquals(Optional.of("GET /things/{id}/report.csv"), contract.operation("get", "/things/42/report.csv"));
        assertEquals(Optional.empty(), contract.operation("POST", "/things/42"));
        assertEquals(Optional.empty(), contract.operation("GET", "/things/42/report"));
    }

    @Test
    void aConformingAnswerHasNoMismatch() {
        assertEquals(List.of(), contract.check("GET", "/things/42", 200, "application/json;charset=UTF-8", THING));
        assertEquals(List.of(), contract.check("GET", "/things/mine", 200, "application/json", "[" + THING + "]"));
        assertEquals(List.of(), contract.check("DELETE", "/things/42", 204, null, ""));
        assertEquals(List.of(), contract.check("GET", "/things/42/report.csv", 200, "text/csv", "a,b\n1,2\n"));
    }

    @Test
    void statusesDeclaredByReferenceRangeOrDefaultAreFollowed() {
        assertEquals(List.of(), contract.check("GET", "/things/42", 404, "application/problem+json", "{\"status\": 404}"));
        assertEquals(List.of(), contract.check("GET", "/things/42", 503, "application/problem+json", "{\"status\": 503}"));
        assertEquals(List.of(), contract.check("GET", "/things/mine", 409, "application/problem+json", "{\"status\": 409}"));
        assertEquals(Kind.SCHEMA, only(contract.check("GET", "/things/42", 404, "application/problem+json", "{\"status\": \"x\"}")).kind());
    }

    @Test
    void aWrongStatusIsCaught() {
        Mismatch m = only(contract.check("GET", "/things/42", 201, "application/json", THING));
        assertEquals(Kind.UNDECLARED_STATUS, m.kind());
        assertEquals("GET /things/{id}", m.operation());
        assertTrue(m.detail().contains("200, 404, 5XX"), m.detail());
        assertEquals(Kind.UNDECLARED_STATUS, only(contract.check("DELETE", "/things/42", 200, null, "")).kind());
    }

    @Test
    void aMissingRequiredPropertyIsCaught() {
        Mismatch m = only(contract.check("GET", "/things/42", 200, "application/json", "{\"id\": \"x\", \"note\": null}"));
        assertEquals(Kind.SCHEMA, m.kind());
        assertEquals("Thing", m.detail());
        assertTrue(m.errors().stream().anyMatch(e -> e.contains("name")), m.errors().toString());
    }

    @Test
    void aWrongTypeIsCaughtAlsoInsideAnArray() {
        Mismatch m = only(contract.check("GET", "/things/42", 200, "application/json", THING.replace("\"size\": 3", "\"size\": \"three\"")));
        assertEquals(Kind.SCHEMA, m.kind());
        assertTrue(m.errors().stream().anyMatch(e -> e.contains("size")), m.errors().toString());
        Mismatch inArray = only(contract.check("GET", "/things/mine", 200, "application/json", "[" + THING + ", {\"id\": 1}]"));
        assertEquals("Thing[]", inArray.detail());
        assertTrue(inArray.errors().stream().anyMatch(e -> e.contains("/1")), inArray.errors().toString());
    }

    @Test
    void anUndeclaredMediaTypeIsCaught() {
        Mismatch m = only(contract.check("GET", "/things/42", 200, "text/html", "<p>hi</p>"));
        assertEquals(Kind.UNDECLARED_MEDIA_TYPE, m.kind());
        assertTrue(m.detail().contains("text/html"), m.detail());
        assertEquals(Kind.UNDECLARED_MEDIA_TYPE, only(contract.check("GET", "/things/42", 404, "application/json", "{\"status\": 404}")).kind());
    }

    @Test
    void bodiesThatAreMissingUndeclaredNotJsonOrUntypedAreCaught() {
        assertEquals(Kind.MISSING_BODY, only(contract.check("GET", "/things/42", 200, null, "")).kind());
        assertEquals(Kind.UNDECLARED_BODY, only(contract.check("DELETE", "/things/42", 204, "application/json", "{}")).kind());
        assertEquals(Kind.NOT_JSON, only(contract.check("GET", "/things/42", 200, "application/json", "{not json")).kind());
        assertEquals(Kind.UNTYPED_SCHEMA, only(contract.check("GET", "/loose", 200, "application/json", "{}")).kind());
        assertEquals(Kind.UNKNOWN_OPERATION, only(contract.check("PUT", "/nowhere", 200, "application/json", "{}")).kind());
    }

    @Test
    void theSuiteCollectsEveryMismatchAndFailsOnceWithTheGroupedList() {
        ContractConformance suite = new ContractConformance(Map.of(PulseService.PARTNERSHIP, contract), Map.of(8100, PulseService.PARTNERSHIP));
        suite.check("GET", URI.create("http://127.0.0.1:8100/things/1"), 200, "application/json", THING);
        suite.check("GET", URI.create("http://127.0.0.1:8100/things/2"), 201, "application/json", THING);
        suite.check("GET", URI.create("http://127.0.0.1:8100/things/3"), 201, "application/json", THING);
        suite.check("GET", URI.create("http://127.0.0.1:8180/realms/pulse"), 200, "application/json", "{}"); // not a service
        assertEquals("conformance: 3 responses checked against contracts, 2 mismatches", suite.figure());
        assertEquals(List.of("partnership-service GET /things/{id} -> 201 UNDECLARED_STATUS x2: declared: 200, 404, 5XX; e.g. GET /things/2"),
                suite.report());
        AssertionError failure = assertThrows(AssertionError.class, suite::assertConforms);
        assertTrue(failure.getMessage().startsWith("2 of 3 responses differ"), failure.getMessage());
    }

    private static Mismatch only(List<Mismatch> mismatches) {
        assertEquals(1, mismatches.size(), mismatches.toString());
        return mismatches.get(0);
    }
}
