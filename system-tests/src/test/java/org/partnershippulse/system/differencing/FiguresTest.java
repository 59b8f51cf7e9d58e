package org.partnershippulse.system.differencing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.partnershippulse.system.differencing.Differencing.Version;

/** Reads become figures, and figures are attributed to the state of the round they match. */
class FiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Figures.Form form = Figures.Form.of(json("""
            {"scales": [{"key": "status", "type": "ORDINAL", "options": [{"value": "LOW", "score": 1}, {"value": "HIGH", "score": 2}]},
                        {"key": "free", "type": "FREE_TEXT"}],
             "sections": [{"key": "trust", "items": [{"key": "t1", "scale": "status"}, {"key": "t2", "scale": "status"}]},
                          {"key": "reflection", "items": [{"key": "r1", "scale": "free"}]}]}"""));

    @Test
    void aReportGivesItemSectionSectorAndTextFiguresButNothingWithheld() {
        List<Figures.Scoped> shown = Figures.ofJson(form, "R", json("""
                {"resultsWithheld": false,
                 "items": [{"itemKey": "t1", "responses": 3, "withheld": false, "mean": 1.6667,
                            "distribution": [{"value": "LOW", "count": 1}, {"value": "HIGH", "count": 2}]},
                           {"itemKey": "t2", "responses": 3, "withheld": true, "distribution": []}],
                 "sections": [{"key": "trust", "answers": 3, "distribution": [{"value": "LOW", "count": 1}, {"value": "HIGH", "count": 2}], "meanScore": 1.6667}],
                 "sectorDifferences": [{"itemKey": "t1", "sectors": [{"group": "EDUCATION", "responses": 3, "mean": 2.0}]}],
                 "reflections": [{"itemKey": "r1", "texts": ["a", "b"]}]}"""));

        assertEquals(2, shown.size());
        Figures.Scoped whole = shown.get(0);
        assertNull(whole.scope);
        // t1: responses, two counts, the mean; the section: two counts, the mean; nothing of withheld t2 alone
        assertEquals(7, whole.figures.size(), whole.figures.toString());
        assertEquals(Map.of("r1", List.of("a", "b")), whole.texts);
        assertEquals("EDUCATION", shown.get(1).scope);
    }

    @Test
    void theCsvGivesTheSameItemFigures() {
        List<Figures.Scoped> shown = Figures.ofCsv(form, "section_key,item_key,item,scale,responses,withheld,option_value,option_label,"
                + "option_score,count,share,mean,median,consensus,divergent\r\n"
                + "trust,t1,\"Trust, really\",ORDINAL,3,false,LOW,Low,1,1,0.3333,1.6667,2.0,0.5,false\r\n"
                + "trust,t1,\"Trust, really\",ORDINAL,3,false,HIGH,High,2,2,0.6667,1.6667,2.0,0.5,false\r\n"
                + "trust,t2,Other,ORDINAL,2,true,,,,,,,,,false\r\n");

        assertEquals(1, shown.size());
        assertTrue(shown.get(0).figures.stream().allMatch(f -> f.what().startsWith("t1")));
    }

    @Test
    void figuresAreAttributedToTheStateTheyMatch() {
        Truth truth = new Truth(form, Map.of("a", "EDUCATION", "b", "EDUCATION"), 1L);
        Map<String, Object> first = truth.nextAnswer("a");
        truth.submitted("a");
        truth.step();
        truth.nextAnswer("b");
        truth.submitted("b");
        truth.step();
        @SuppressWarnings("unchecked")
        String chosen = ((Map<String, Map<String, String>>) first.get("answers")).get("t1").get("value");
        List<Figures.Scoped> onlyA = Figures.ofJson(form, "R", json("{\"items\": [{\"itemKey\": \"t1\", \"responses\": 1, "
                + "\"distribution\": [{\"value\": \"" + chosen + "\", \"count\": 1}]}]}"));

        assertEquals(Set.of(new Version("a", 1)), truth.counted(onlyA.get(0)));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
