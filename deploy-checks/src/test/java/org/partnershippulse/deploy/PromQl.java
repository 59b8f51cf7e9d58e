package org.partnershippulse.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to find the metric names and the label names of their selectors in an expression
 * (alert rules, dashboard queries), without a PromQL library: strings, Grafana variables, durations and grouping
 * clauses are blanked out, then every identifier that is not a function, keyword or aggregation is a metric name.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan", "atan2");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A selector: an optional metric name and its {matchers}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQl() {
    }

    /** Strings become "" (keeping their place), Grafana variables a neutral word, so nothing in them is a name. */
    private static String blank(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        return VARIABLE.matcher(s).replaceAll("1");
    }

    /** The metric names an expression reads. */
    static Set<String> metricNames(String expr) {
        String s = blank(expr);
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = Pattern.compile("\\{[^}]*}").matcher(s).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String word = m.group(1);
            if (m.group(2) != null || KEYWORDS.contains(word.toLowerCase())) {
                continue; // a function or aggregation call, or an operator
            }
            names.add(word);
        }
        return names;
    }

    /** Metric name → the label names its selectors match on, in this expression. */
    static Map<String, Set<String>> selectorLabels(String expr) {
        String s = blank(expr);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher m = SELECTOR.matcher(s);
        while (m.find()) {
            if (m.group(1) == null || KEYWORDS.contains(m.group(1))) {
                continue;
            }
            Matcher l = MATCHER_LABEL.matcher(m.group(2));
            while (l.find()) {
                out.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(l.group(1));
            }
        }
        return out;
    }
}
