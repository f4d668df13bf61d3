package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a notebook (or one cell) promises to show, declared in its metadata:
 *
 * <pre>
 * "metadata": {"primer": {"expect": {
 *     "html_contains": ["primer-table"],   // each string in some text/html output
 *     "text_contains": ["Setup time"],     // each string in some text/plain or stream output, or an HTML-only output's visible text
 *     "text_absent": ["Not yet"],          // no text/plain or stream output has any of these
 *     "html_absent": ["primer-fail"],      // no text/html output has any of these
 *     "min_images": 2,                     // image/png outputs + PNG data-URI &lt;img&gt; in HTML
 *     "min_tables": 1,                     // &lt;table&gt; elements in text/html outputs
 *     "max_seconds": 60                    // notebook level only: time budget (default 120)
 * }}}
 * </pre>
 *
 * The same object in a code cell's metadata applies to that cell's outputs only.
 */
record Expectations(List<String> htmlContains, List<String> textContains, List<String> htmlAbsent, List<String> textAbsent,
                    int minImages, int minTables, Double maxSeconds) {

    static final Set<String> KEYS = Set.of("html_contains", "text_contains", "html_absent", "text_absent",
            "min_images", "min_tables", "max_seconds");
    static final double DEFAULT_MAX_SECONDS = 120;

    static final Expectations NONE = new Expectations(List.of(), List.of(), List.of(), List.of(), 0, 0, null);

    /** The expectations under {@code metadata.primer.expect}, or NONE; mistakes listed in {@code problems}. */
    static Expectations of(JsonObject metadata, String where, List<String> problems) {
        if (metadata == null || !metadata.has("primer")) return NONE;
        JsonElement primer = metadata.get("primer");
        if (!primer.isJsonObject()) {
            problems.add(where + ": metadata.primer must be an object");
            return NONE;
        }
        JsonElement expect = primer.getAsJsonObject().get("expect");
        if (expect == null) return NONE;
        if (!expect.isJsonObject()) {
            problems.add(where + ": metadata.primer.expect must be an object");
            return NONE;
        }
        JsonObject e = expect.getAsJsonObject();
        for (String key : e.keySet()) {
            if (!KEYS.contains(key)) problems.add(where + ": unknown expectation '" + key + "' — known: " + KEYS);
        }
        return new Expectations(strings(e, "html_contains", where, problems), strings(e, "text_contains", where, problems),
                strings(e, "html_absent", where, problems), strings(e, "text_absent", where, problems),
                count(e, "min_images", where, problems), count(e, "min_tables", where, problems),
                e.has("max_seconds") && e.get("max_seconds").isJsonPrimitive() && e.get("max_seconds").getAsJsonPrimitive().isNumber()
                        ? e.get("max_seconds").getAsDouble() : null);
    }

    double budgetSeconds() {
        return maxSeconds == null ? DEFAULT_MAX_SECONDS : maxSeconds;
    }

    private static List<String> strings(JsonObject e, String key, String where, List<String> problems) {
        List<String> list = new ArrayList<>();
        if (!e.has(key)) return list;
        if (!e.get(key).isJsonArray()) {
            problems.add(where + ": " + key + " must be a list of strings");
            return list;
        }
        JsonArray a = e.getAsJsonArray(key);
        for (JsonElement s : a) {
            if (s.isJsonPrimitive() && s.getAsJsonPrimitive().isString()) list.add(s.getAsString());
            else problems.add(where + ": " + key + " must hold strings only, found " + s);
        }
        return list;
    }

    private static int count(JsonObject e, String key, String where, List<String> problems) {
        if (!e.has(key)) return 0;
        JsonElement v = e.get(key);
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && v.getAsDouble() >= 0 && v.getAsDouble() == Math.floor(v.getAsDouble())) {
            return v.getAsInt();
        }
        problems.add(where + ": " + key + " must be a whole number ≥ 0, found " + v);
        return 0;
    }
}
