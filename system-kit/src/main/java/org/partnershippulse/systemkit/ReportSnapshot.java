package org.partnershippulse.systemkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What reporting-service shows a partnership at one moment: the round report of each of its rounds and its trends,
 * as its coordinator reads them. Two snapshots are compared field by field, ignoring fields that change with every
 * read rather than with the data (none today; list any in {@link #VOLATILE}).
 */
public final class ReportSnapshot {

    /** Field names whose value depends on when the report is read, not on the events. */
    static final Set<String> VOLATILE = Set.of("generatedAt");

    private final Map<String, JsonNode> documents;

    private ReportSnapshot(Map<String, JsonNode> documents) {
        this.documents = documents;
    }

    public static ReportSnapshot of(Coalition coalition) {
        PulseApi api = coalition.api();
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (UUID round : coalition.roundIds()) {
            String path = "/rounds/" + round + "/report";
            docs.put(path, read(api, coalition.coordinator(), path));
        }
        String trends = "/partnerships/" + coalition.partnershipId() + "/trends?instrumentKey=" + Coalition.PAI;
        docs.put(trends, read(api, coalition.coordinator(), trends));
        return new ReportSnapshot(docs);
    }

    public int documents() {
        return documents.size();
    }

    /** Where this snapshot differs from the other: "path: field this → that", at most one line per document. */
    public List<String> differences(ReportSnapshot other) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
            JsonNode theirs = other.documents.get(e.getKey());
            String diff = firstDifference("", e.getValue(), theirs);
            if (diff != null) {
                out.add(e.getKey() + ": " + diff);
            }
        }
        return out;
    }

    private static JsonNode read(PulseApi api, String user, String path) {
        PulseApi.Reply r = api.call("GET", PulseService.REPORTING, user, path, null, null);
        // a round without any event applied yet has no report: keep the status so that it compares too
        return r.ok() ? r.body() : JsonNodeFactory.instance.objectNode().put("status", r.status());
    }

    private static String firstDifference(String at, JsonNode a, JsonNode b) {
        if (b == null || a.getNodeType() != b.getNodeType()) {
            return at + ": " + abbreviate(a) + " → " + abbreviate(b);
        }
        if (a.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!VOLATILE.contains(name)) {
                    String d = firstDifference(at + "." + name, a.get(name), b.get(name));
                    if (d != null) {
                        return d;
                    }
                }
            }
            return a.size() == b.size() ? null : at + ": fields " + a.size() + " → " + b.size();
        }
        if (a.isArray()) {
            if (a.size() != b.size()) {
                return at + ": " + a.size() + " elements → " + b.size();
            }
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(at + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : at + ": " + abbreviate(a) + " → " + abbreviate(b);
    }

    private static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
