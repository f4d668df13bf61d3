package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** The checks on an executed notebook; each failure names the notebook, the cell and what was wrong. */
final class Checks {
    private Checks() {}

    record Report(List<String> failures, int cells, int tables, int images) {}

    static Report check(String name, JsonObject executed) {
        List<String> failures = new ArrayList<>();
        Expectations whole = Expectations.of(executed.getAsJsonObject("metadata"), name, failures);
        Outputs all = new Outputs();
        JsonArray cells = executed.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            String where = name + ", " + cellName(i, cell);
            Outputs mine = new Outputs();
            mine.add(cell.getAsJsonArray("outputs"));
            all.add(cell.getAsJsonArray("outputs"));
            boolean mayFail = tags(cell).contains("raises-exception");
            if (!mayFail) {
                for (JsonObject err : mine.errors) {
                    failures.add(where + " raised " + err.get("ename").getAsString() + ": " + err.get("evalue").getAsString()
                            + "\n" + indent(traceback(err)) + "\n" + indent("code:\n" + Outputs.joined(cell.get("source"))));
                }
                for (String s : mine.stderr) {
                    if (Outputs.JAVA_TRACE.matcher(s).find()) {
                        failures.add(where + " printed a Java exception trace on stderr:\n" + indent(Outputs.plain(s).strip()));
                    }
                }
            }
            for (String v : mine.values) {
                if (IDENTITY.matcher(v.strip()).matches()) {
                    failures.add(where + " shows " + v.strip() + " — the value of its last expression, an object without a"
                            + " toString (System.out.printf returns the PrintStream): end the cell with a statement such as"
                            + " System.out.println(String.format(...))\n" + indent("code:\n" + Outputs.joined(cell.get("source"))));
                }
            }
            JsonObject meta = cell.has("metadata") ? cell.getAsJsonObject("metadata") : null;
            expect(where, Expectations.of(meta, where, failures), mine, failures);
            if (isSolutions(name)) solved(where, Outputs.joined(cell.get("source")), mine, failures);
        }
        expect(name, whole, all, failures);
        return new Report(failures, cells.size(), all.tables(), all.images());
    }

    /** Object.toString's default, a class name and an identity hash: java.io.PrintStream@11a0f1d9. */
    static final java.util.regex.Pattern IDENTITY = java.util.regex.Pattern.compile("[\\w$]+(\\.[\\w$]+)+@[0-9a-f]{1,8}");

    private static final java.util.regex.Pattern CHECK_CALL = java.util.regex.Pattern.compile("\\bcheck\\(\\s*\"([0-9]+\\.[0-9]+)\"");

    /** A solutions notebook, whose every {@code check("NN.M", ...)} must come out right. */
    static boolean isSolutions(String name) {
        return name.replace('\\', '/').contains("solutions/") || name.endsWith("-solutions.ipynb");
    }

    /**
     * In a solutions notebook each exercise a cell checks must show its "✓ Right" verdict in that
     * cell's outputs: a worked answer that has gone wrong (or was never filled in) fails the suite.
     */
    static void solved(String where, String source, Outputs o, List<String> failures) {
        java.util.regex.Matcher m = CHECK_CALL.matcher(source);
        while (m.find()) {
            String id = m.group(1);
            String right = "✓ Right (exercise " + id + ")";
            String rightText = "Exercise " + id + " — ✓ Right";
            boolean ok = false;
            for (String h : o.html) ok |= Outputs.visibleText(h).contains(right);
            for (String t : o.text) ok |= t.contains(rightText) || t.contains(right);
            if (!ok) {
                String seen = "no verdict";
                for (String h : o.html) {
                    String v = Outputs.visibleText(h);
                    if (v.contains("(exercise " + id + ")")) seen = excerpt(v, "(exercise " + id + ")");
                }
                for (String t : o.text) if (t.contains("Exercise " + id + " ")) seen = excerpt(t, "Exercise " + id + " ");
                failures.add(where + ": the worked answer to exercise " + id + " is not right — expected \"✓ Right\", found:\n" + indent(seen));
            }
        }
    }

    private static void expect(String where, Expectations e, Outputs o, List<String> failures) {
        for (String s : e.htmlContains()) {
            if (!o.htmlContains(s)) failures.add(where + ": expected an HTML output containing \"" + s + "\" — none has it ("
                    + o.html.size() + " HTML outputs)");
        }
        for (String s : e.textContains()) {
            if (!o.textContains(s)) failures.add(where + ": expected a text output (text/plain or stream) containing \"" + s
                    + "\" — none has it (" + o.text.size() + " text outputs)");
        }
        for (String s : e.htmlAbsent()) {
            for (String h : o.html) {
                if (h.contains(s)) {
                    failures.add(where + ": expected no HTML output containing \"" + s + "\" — found in:\n" + indent(excerpt(h, s)));
                    break;
                }
            }
        }
        for (String s : e.textAbsent()) {
            for (String t : o.text) {
                if (t.contains(s)) {
                    failures.add(where + ": expected no text output containing \"" + s + "\" — found in:\n" + indent(excerpt(t, s)));
                    break;
                }
            }
        }
        if (o.images() < e.minImages()) failures.add(where + ": expected at least " + e.minImages() + " image(s), found " + o.images());
        if (o.tables() < e.minTables()) failures.add(where + ": expected at least " + e.minTables() + " table(s), found " + o.tables());
    }

    /** A few lines around the first occurrence of {@code s}. */
    static String excerpt(String text, String s) {
        String plain = Outputs.plain(text);
        int i = Math.max(0, plain.indexOf(s));
        int from = Math.max(0, plain.lastIndexOf('\n', Math.max(0, i - 200)) + 1);
        int to = plain.indexOf('\n', Math.min(plain.length(), i + s.length() + 200));
        return plain.substring(from, to < 0 ? plain.length() : to).strip();
    }

    static String cellName(int index, JsonObject cell) {
        JsonElement count = cell.get("execution_count");
        return "cell " + (index + 1) + (count == null || count.isJsonNull() ? " (not run)" : " (In [" + count.getAsInt() + "])");
    }

    static List<String> tags(JsonObject cell) {
        List<String> tags = new ArrayList<>();
        if (cell.has("metadata") && cell.getAsJsonObject("metadata").has("tags")) {
            for (JsonElement t : cell.getAsJsonObject("metadata").getAsJsonArray("tags")) tags.add(t.getAsString());
        }
        return tags;
    }

    private static String traceback(JsonObject err) {
        StringBuilder b = new StringBuilder();
        if (err.has("traceback")) {
            for (JsonElement l : err.getAsJsonArray("traceback")) b.append(Outputs.plain(l.getAsString()).stripTrailing()).append('\n');
        }
        return b.toString().strip();
    }

    static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }
}
