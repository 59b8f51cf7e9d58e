package org.partnershippulse.system.differencing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.partnershippulse.system.differencing.Differencing.Feature;
import org.partnershippulse.system.differencing.Differencing.Version;

/**
 * What the test knows and no reader does: every revision of every answer, and after each step whose revision of
 * each respondent a result could count. A read's figures are attributed to the respondents they counted by
 * finding the state they match (a release freezes an earlier state; a running tally shows the latest).
 */
final class Truth {

    private static final List<String> WORDS = List.of("meetings", "data sharing", "trust", "funding", "referrals",
            "shared goals", "leadership", "families", "outreach", "training", "schools", "housing", "follow-up");

    private final Figures.Form form;
    private final Map<String, String> sectors;
    private final Map<Version, Map<String, String>> answers = new LinkedHashMap<>();
    private final Map<Version, Map<String, String>> texts = new LinkedHashMap<>();
    private final Map<String, Integer> submitted = new TreeMap<>();
    private final List<Map<String, Integer>> states = new ArrayList<>();
    private final Random random;

    Truth(Figures.Form form, Map<String, String> sectors, long seed) {
        this.form = form;
        this.sectors = sectors;
        this.random = new Random(seed);
        states.add(Map.of());
    }

    /** A new complete answer for the respondent's next revision (as the API's request body). */
    Map<String, Object> nextAnswer(String respondent) {
        Version v = new Version(respondent, submitted.getOrDefault(respondent, 0) + 1);
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        form.scores().forEach((item, options) -> {
            List<String> values = List.copyOf(options.keySet());
            String value = values.get(random.nextInt(values.size()));
            chosen.put(item, value);
            body.put(item, Map.of("value", value));
        });
        Map<String, String> written = new LinkedHashMap<>();
        for (String item : form.freeText()) {
            // neutral words and a number: the text itself does not say who wrote it
            String text = "We do well at " + WORDS.get(random.nextInt(WORDS.size())) + "; we need more "
                    + WORDS.get(random.nextInt(WORDS.size())) + " (" + (1000 + random.nextInt(9000)) + ").";
            written.put(item, text);
            body.put(item, Map.of("value", text));
        }
        answers.put(v, chosen);
        texts.put(v, written);
        return Map.of("language", "en", "answers", body);
    }

    /** The answer given by {@link #nextAnswer} was submitted. */
    void submitted(String respondent) {
        submitted.merge(respondent, 1, Integer::sum);
    }

    int revision(String respondent) {
        return submitted.getOrDefault(respondent, 0);
    }

    /** After a step: the state a result could now count. */
    void step() {
        Map<String, Integer> now = Map.copyOf(submitted);
        if (!states.get(states.size() - 1).equals(now)) {
            states.add(now);
        }
    }

    Set<String> textsOf(String respondent) {
        Set<String> out = new LinkedHashSet<>();
        texts.forEach((v, t) -> {
            if (v.respondent().equals(respondent)) {
                out.addAll(t.values());
            }
        });
        return out;
    }

    /** The respondents' revisions the figures counted: the latest state they match, or null if none does. */
    Set<Version> counted(Figures.Scoped read) {
        for (int i = states.size() - 1; i >= 0; i--) {
            Set<Version> group = new LinkedHashSet<>();
            states.get(i).forEach((r, rev) -> {
                if (read.scope == null || read.scope.equals(sectors.get(r))) {
                    group.add(new Version(r, rev));
                }
            });
            if (matches(read, group)) {
                return group;
            }
        }
        return null;
    }

    private boolean matches(Figures.Scoped read, Set<Version> group) {
        for (Figures.Figure f : read.figures) {
            double expected = 0;
            for (Version v : group) {
                for (Map.Entry<Feature, Long> e : f.functional().entrySet()) {
                    if (e.getKey().option().equals(answers.get(v).get(e.getKey().item()))) {
                        expected += e.getValue();
                    }
                }
            }
            if (Math.abs(expected - f.value()) > 0.05) { // means and shares come rounded to 4 decimals
                return false;
            }
        }
        for (Map.Entry<String, List<String>> shown : read.texts.entrySet()) {
            List<String> expected = new ArrayList<>();
            group.forEach(v -> {
                String t = texts.get(v).get(shown.getKey());
                if (t != null && !t.isBlank()) {
                    expected.add(t);
                }
            });
            if (!new java.util.HashSet<>(expected).equals(new java.util.HashSet<>(shown.getValue()))
                    || expected.size() != shown.getValue().size()) {
                return false;
            }
        }
        return true;
    }
}
