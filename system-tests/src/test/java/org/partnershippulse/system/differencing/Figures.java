package org.partnershippulse.system.differencing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershippulse.system.differencing.Differencing.Feature;

/**
 * Turns what a read shows into linear figures over the one-hot unknowns of the answers it counted. Parsed by the
 * shapes reporting-service's records have (RoundReport's ItemResult, SectionResult, SectorDifference,
 * ReflectionGroup; Trend; Comparison; the report CSV), wherever they occur in a body, so a new read that embeds
 * them (the personal view, a list of releases) is parsed without change here.
 */
final class Figures {

    /** Σ over the counted respondents of Σ coefficient × unknown = value. */
    record Figure(Map<Feature, Long> functional, double value, String what) {
    }

    /** The figures a read shows of one scope: the whole round (scope null) or one sector. */
    static final class Scoped {
        final String scope;
        final List<Figure> figures = new ArrayList<>();
        /** Free-text item → the texts shown (whole round only); absent when the read shows no reflections. */
        final Map<String, List<String>> texts = new LinkedHashMap<>();

        Scoped(String scope) {
            this.scope = scope;
        }

        boolean isEmpty() {
            return figures.isEmpty() && texts.isEmpty();
        }
    }

    /** The instrument: options with their scores per rated item, rated items per section, free-text items. */
    record Form(Map<String, Map<String, Long>> scores, Map<String, List<String>> sectionItems, List<String> freeText) {

        static Form of(JsonNode version) {
            Map<String, Map<String, Long>> scales = new HashMap<>();
            Map<String, String> types = new HashMap<>();
            for (JsonNode scale : version.path("scales")) {
                Map<String, Long> options = new LinkedHashMap<>();
                scale.path("options").forEach(o -> options.put(o.path("value").asText(), o.path("score").asLong(0)));
                scales.put(scale.path("key").asText(), options);
                types.put(scale.path("key").asText(), scale.path("type").asText());
            }
            Map<String, Map<String, Long>> scores = new LinkedHashMap<>();
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> free = new ArrayList<>();
            for (JsonNode section : version.path("sections")) {
                List<String> rated = new ArrayList<>();
                for (JsonNode item : section.path("items")) {
                    String key = item.path("key").asText();
                    Map<String, Long> options = scales.getOrDefault(item.path("scale").asText(), Map.of());
                    if (options.isEmpty() || "FREE_TEXT".equals(types.get(item.path("scale").asText()))) {
                        free.add(key);
                    } else {
                        scores.put(key, options);
                        rated.add(key);
                    }
                }
                sections.put(section.path("key").asText(), rated);
            }
            return new Form(scores, sections, free);
        }

        Map<String, List<String>> optionsByItem() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            scores.forEach((item, s) -> out.put(item, List.copyOf(s.keySet())));
            return out;
        }

        Map<Feature, Long> scoreOf(String item) {
            Map<Feature, Long> f = new LinkedHashMap<>();
            scores.getOrDefault(item, Map.of()).forEach((o, s) -> f.put(new Feature(item, o), s));
            return f;
        }

        Map<Feature, Long> countOf(String item) {
            Map<Feature, Long> f = new LinkedHashMap<>();
            scores.getOrDefault(item, Map.of()).keySet().forEach(o -> f.put(new Feature(item, o), 1L));
            return f;
        }

        String topOption(String item) {
            return scores.getOrDefault(item, Map.of()).entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
        }
    }

    private final Form form;
    private final String roundId;
    private final Map<String, Scoped> scopes = new LinkedHashMap<>();

    private Figures(Form form, String roundId) {
        this.form = form;
        this.roundId = roundId;
    }

    /** The figures of the round that a JSON body shows. */
    static List<Scoped> ofJson(Form form, String roundId, JsonNode body) {
        Figures f = new Figures(form, roundId);
        f.walk(body, false);
        return f.result();
    }

    /** The figures of the report CSV (ReportCsv.HEADER). */
    static List<Scoped> ofCsv(Form form, String csv) {
        Figures f = new Figures(form, null);
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        int item = header.indexOf("item_key");
        int responses = header.indexOf("responses");
        int withheld = header.indexOf("withheld");
        int option = header.indexOf("option_value");
        int count = header.indexOf("count");
        int mean = header.indexOf("mean");
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < header.size() || "true".equals(row.get(withheld)) || row.get(option).isEmpty()) {
                continue;
            }
            String key = row.get(item);
            long n = Long.parseLong(row.get(responses));
            f.add(null, Map.of(new Feature(key, row.get(option)), 1L), Double.parseDouble(row.get(count)), key + " " + row.get(option) + " count");
            f.add(null, form.countOf(key), n, key + " responses");
            if (!row.get(mean).isEmpty()) {
                f.add(null, form.scoreOf(key), Double.parseDouble(row.get(mean)) * n, key + " mean");
            }
        }
        return f.result();
    }

    private List<Scoped> result() {
        return scopes.values().stream().filter(s -> !s.isEmpty()).toList();
    }

    private Scoped scope(String name) {
        return scopes.computeIfAbsent(name == null ? "" : name, n -> new Scoped(name));
    }

    private void add(String scope, Map<Feature, Long> functional, double value, String what) {
        if (!functional.isEmpty()) {
            scope(scope).figures.add(new Figure(functional, value, what));
        }
    }

    private void walk(JsonNode node, boolean withheld) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, withheld));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean hidden = withheld || node.path("resultsWithheld").asBoolean(false);
        if (node.has("rounds") && node.has("items") && node.has("sections") && node.path("rounds").isArray()) {
            trend(node);
            return;
        }
        if (node.has("from") && node.has("to") && node.path("to").has("roundId")) {
            comparison(node);
            return;
        }
        if (node.has("itemKey") && node.path("distribution").isArray() && node.has("responses")) {
            item(node);
            return;
        }
        if (node.has("itemKey") && node.path("sectors").isArray()) {
            for (JsonNode g : node.path("sectors")) {
                String key = node.path("itemKey").asText();
                long n = g.path("responses").asLong();
                add(g.path("group").asText(), form.countOf(key), n, key + " responses in " + g.path("group").asText());
                add(g.path("group").asText(), form.scoreOf(key), g.path("mean").asDouble() * n, key + " mean in " + g.path("group").asText());
            }
            return;
        }
        if (node.has("key") && node.path("distribution").isArray() && node.has("answers")) {
            section(node);
            return;
        }
        if (node.path("reflections").isArray() && !hidden) {
            Scoped whole = scope(null);
            form.freeText().forEach(i -> whole.texts.putIfAbsent(i, new ArrayList<>()));
            for (JsonNode group : node.path("reflections")) {
                List<String> texts = whole.texts.computeIfAbsent(group.path("itemKey").asText(), i -> new ArrayList<>());
                group.path("texts").forEach(t -> texts.add(t.asText()));
            }
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("reflections")) {
                walk(e.getValue(), hidden);
            }
        });
    }

    private void item(JsonNode node) {
        if (node.path("withheld").asBoolean(false) || node.path("distribution").isEmpty()) {
            return;
        }
        String key = node.path("itemKey").asText();
        long n = node.path("responses").asLong();
        add(null, form.countOf(key), n, key + " responses");
        for (JsonNode o : node.path("distribution")) {
            add(null, Map.of(new Feature(key, o.path("value").asText()), 1L), o.path("count").asDouble(), key + " " + o.path("value").asText() + " count");
        }
        if (node.path("mean").isNumber()) {
            add(null, form.scoreOf(key), node.path("mean").asDouble() * n, key + " mean");
        }
    }

    private void section(JsonNode node) {
        List<String> items = form.sectionItems().getOrDefault(node.path("key").asText(), List.of());
        long answers = node.path("answers").asLong();
        if (items.isEmpty() || answers == 0) {
            return;
        }
        for (JsonNode o : node.path("distribution")) {
            Map<Feature, Long> f = new LinkedHashMap<>();
            items.forEach(i -> f.put(new Feature(i, o.path("value").asText()), 1L));
            add(null, f, o.path("count").asDouble(), "section " + node.path("key").asText() + " " + o.path("value").asText());
        }
        if (node.path("meanScore").isNumber()) {
            add(null, sectionScore(items), node.path("meanScore").asDouble() * answers, "section " + node.path("key").asText() + " mean");
        }
    }

    private Map<Feature, Long> sectionScore(List<String> items) {
        Map<Feature, Long> f = new LinkedHashMap<>();
        items.forEach(i -> f.putAll(form.scoreOf(i)));
        return f;
    }

    /** Trend: per item and section, the round's mean; responses from the round's entry. */
    private void trend(JsonNode node) {
        long responded = -1;
        for (JsonNode r : node.path("rounds")) {
            if (r.path("roundId").asText().equals(roundId) && !r.path("resultsWithheld").asBoolean(false)) {
                responded = r.path("responded").asLong();
            }
        }
        if (responded <= 0) {
            return;
        }
        for (JsonNode series : node.path("items")) {
            Double v = point(series);
            if (v != null) {
                String key = series.path("key").asText();
                add(null, form.countOf(key), responded, "trend " + key + " responses");
                add(null, form.scoreOf(key), v * responded, "trend " + key + " mean");
            }
        }
        for (JsonNode series : node.path("sections")) {
            Double v = point(series);
            List<String> items = form.sectionItems().getOrDefault(series.path("key").asText(), List.of());
            if (v != null && !items.isEmpty()) {
                add(null, sectionScore(items), v * responded * items.size(), "trend section " + series.path("key").asText());
            }
        }
    }

    private Double point(JsonNode series) {
        for (JsonNode p : series.path("points")) {
            if (p.path("roundId").asText().equals(roundId) && p.path("value").isNumber()) {
                return p.path("value").asDouble();
            }
        }
        return null;
    }

    /** Comparison: the side that is the round, per item mean and top share, per section mean. */
    private void comparison(JsonNode node) {
        for (String side : List.of("from", "to")) {
            if (!node.path(side).path("roundId").asText().equals(roundId) || node.path(side).path("resultsWithheld").asBoolean(false)) {
                continue;
            }
            for (JsonNode change : node.path("items")) {
                JsonNode v = change.path(side);
                String key = change.path("key").asText();
                if (v.isObject() && !v.path("withheld").asBoolean(false) && v.path("responses").asLong() > 0) {
                    long n = v.path("responses").asLong();
                    add(null, form.countOf(key), n, "comparison " + key + " responses");
                    if (v.path("mean").isNumber()) {
                        add(null, form.scoreOf(key), v.path("mean").asDouble() * n, "comparison " + key + " mean");
                    }
                    if (v.path("topShare").isNumber() && form.topOption(key) != null) {
                        add(null, Map.of(new Feature(key, form.topOption(key)), 1L), v.path("topShare").asDouble() * n,
                                "comparison " + key + " top share");
                    }
                }
            }
            for (JsonNode change : node.path("sections")) {
                JsonNode v = change.path(side);
                List<String> items = form.sectionItems().getOrDefault(change.path("key").asText(), List.of());
                if (v.isObject() && !v.path("withheld").asBoolean(false) && v.path("mean").isNumber() && !items.isEmpty()) {
                    add(null, sectionScore(items), v.path("mean").asDouble() * v.path("responses").asLong(),
                            "comparison section " + change.path("key").asText());
                }
            }
        }
    }

    /** RFC 4180, as ReportCsv writes it. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
