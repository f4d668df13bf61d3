package org.webrtcprimer.timing;

import org.webrtcprimer.call.Summary;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.events.Csv;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * N calls of one configuration, each timed phase by phase: how setup time is distributed, not
 * just what one call took. One call is noise; twenty show the shape.
 *
 * <pre>{@code
 * var trickle = SetupRuns.measure("trickle", localStream, CallOptions.defaults(), 20);   // with a progress bar
 * show(trickle.table());                 // min / median / p90 per phase
 * show(Distributions.of(trickle));       // a box per phase
 * }</pre>
 *
 * @param name    what was measured, e.g. {@code trickle} or {@code gather-first}
 * @param runs    each call's phases, in the order they ran
 */
public record SetupRuns(String name, List<Phases> runs) {

    /** How many calls a lesson makes by default. */
    public static final int DEFAULT_CALLS = 20;

    public SetupRuns {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("give the runs a name, e.g. \"trickle\"");
        runs = List.copyOf(runs);
    }

    /**
     * Like {@link #measure(String, MediaStream, CallOptions, int, IntConsumer)}, showing a
     * {@link Progress} ("trickle calls 12/20") while the calls run.
     */
    public static SetupRuns measure(String name, MediaStream stream, CallOptions options, int calls) {
        return SetupRunner.measure(name, stream, options, calls);
    }

    /**
     * Makes one untimed warm-up call, then {@code calls} timed calls, each hung up before the next
     * ({@link SetupRunner} drives them; this record only holds what they measured).
     *
     * @param progress told the number of each timed call as it ends (for a progress display), or null
     * @throws org.webrtcprimer.call.CallException if a call fails; the message says which one and why
     */
    public static SetupRuns measure(String name, MediaStream stream, CallOptions options, int calls, IntConsumer progress) {
        return SetupRunner.measure(name, stream, options, calls, progress);
    }

    /** The durations of one phase over the calls that recorded it, in ms. */
    public List<Double> durations(String phase) {
        return runs.stream().map(p -> p.get(phase)).filter(Phases.Phase::present).map(Phases.Phase::durationMs).toList();
    }

    /** When one phase ended, in ms after call(), over the calls that recorded it. */
    public List<Double> ends(String phase) {
        return runs.stream().map(p -> p.get(phase).endMs()).filter(v -> !Double.isNaN(v)).toList();
    }

    /** call() → both connected over the calls, in ms. */
    public List<Double> connected() {
        return runs.stream().map(Phases::connectedMs).filter(v -> !Double.isNaN(v)).toList();
    }

    /** call() → first remote frame over the calls, in ms. */
    public List<Double> firstFrame() {
        return runs.stream().map(Phases::firstFrameMs).filter(v -> !Double.isNaN(v)).toList();
    }

    /** min / median / p90 / max of each phase's duration, then of the two totals. */
    public Map<String, Summary> summaries() {
        Map<String, Summary> out = new LinkedHashMap<>();
        for (String n : Phases.NAMES) out.put(n, Summary.of(durations(n)));
        out.put(TOTAL_CONNECTED, Summary.of(connected()));
        out.put(TOTAL_FRAME, Summary.of(firstFrame()));
        return out;
    }

    static final String TOTAL_CONNECTED = "call() → both connected";
    static final String TOTAL_FRAME = "call() → first remote frame";

    /** The table of {@link #summaries()}: one row per phase, in ms with one decimal. */
    public RunsTable table() {
        return new RunsTable(this);
    }

    // ---- export

    static final List<String> CSV_HEADER = List.of("name", "run", "phase", "peer", "start_ms", "end_ms");

    /** Every call's phases as CSV, one record per call and phase, then the totals ({@code call() → …}, start 0). */
    public String toCsv() {
        StringBuilder b = new StringBuilder(Csv.row(CSV_HEADER));
        for (int i = 0; i < runs.size(); i++) {
            Phases p = runs.get(i);
            for (Phases.Phase ph : p.list()) {
                b.append(Csv.row(List.of(name, String.valueOf(i + 1), ph.name(), ph.peer(), num(ph.startMs()), num(ph.endMs()))));
            }
            b.append(Csv.row(List.of(name, String.valueOf(i + 1), TOTAL_CONNECTED, "call", "0", num(p.connectedMs()))));
            b.append(Csv.row(List.of(name, String.valueOf(i + 1), TOTAL_FRAME, "call", "0", num(p.firstFrameMs()))));
        }
        return b.toString();
    }

    /**
     * Reads runs written by {@link #toCsv()}.
     *
     * @throws IllegalArgumentException naming the record that is wrong
     */
    public static SetupRuns fromCsv(String csv) {
        String src = "setup runs CSV";
        List<List<String>> rows = Csv.records(csv, src, CSV_HEADER);
        if (rows.isEmpty()) throw new IllegalArgumentException(src + ": no runs after the header");
        Map<Integer, List<Phases.Phase>> phases = new LinkedHashMap<>();
        Map<Integer, double[]> totals = new LinkedHashMap<>();
        String name = rows.get(0).get(0);
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String w = src + ": record " + (i + 2);
            int run;
            try {
                run = Integer.parseInt(r.get(1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(w + ": run '" + r.get(1) + "' is not a number");
            }
            double start = parse(r.get(4), w), end = parse(r.get(5), w);
            double[] t = totals.computeIfAbsent(run, k -> new double[]{Double.NaN, Double.NaN});
            if (r.get(2).equals(TOTAL_CONNECTED)) t[0] = end;
            else if (r.get(2).equals(TOTAL_FRAME)) t[1] = end;
            else phases.computeIfAbsent(run, k -> new ArrayList<>()).add(new Phases.Phase(r.get(2), r.get(3), start, end));
        }
        List<Phases> runs = new ArrayList<>();
        for (var e : phases.entrySet()) {
            double[] t = totals.get(e.getKey());
            try {
                runs.add(Phases.from(e.getValue(), t[0], t[1]));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(src + ": run " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return new SetupRuns(name, runs);
    }

    /** The runs as JSON: {@code {"name", "runs": [{"connectedMs", "firstFrameMs", "phases": [{name, peer, startMs, endMs}]}]}}. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("format", "webrtc-primer setup runs");
        root.addProperty("name", name);
        JsonArray arr = new JsonArray();
        for (Phases p : runs) {
            JsonObject r = new JsonObject();
            put(r, "connectedMs", p.connectedMs());
            put(r, "firstFrameMs", p.firstFrameMs());
            JsonArray ph = new JsonArray();
            for (Phases.Phase x : p.list()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", x.name());
                o.addProperty("peer", x.peer());
                put(o, "startMs", x.startMs());
                put(o, "endMs", x.endMs());
                ph.add(o);
            }
            r.add("phases", ph);
            arr.add(r);
        }
        root.add("runs", arr);
        return root.toString();
    }

    /**
     * Reads runs written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the run or phase that is wrong
     */
    public static SetupRuns fromJson(String json) {
        String src = "setup runs JSON";
        JsonElement el;
        try {
            el = JsonParser.parseString(json == null ? "" : json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(src + ": not JSON — " + e.getMessage(), e);
        }
        if (!el.isJsonObject() || !el.getAsJsonObject().has("runs") || !el.getAsJsonObject().get("runs").isJsonArray()) {
            throw new IllegalArgumentException(src + ": expected an object with \"name\" and a \"runs\" array, as toJson() writes");
        }
        JsonObject root = el.getAsJsonObject();
        List<Phases> runs = new ArrayList<>();
        JsonArray arr = root.getAsJsonArray("runs");
        for (int i = 0; i < arr.size(); i++) {
            String w = src + ": runs[" + i + "]";
            if (!arr.get(i).isJsonObject() || !arr.get(i).getAsJsonObject().has("phases")) throw new IllegalArgumentException(w + " has no \"phases\"");
            JsonObject r = arr.get(i).getAsJsonObject();
            List<Phases.Phase> ph = new ArrayList<>();
            for (JsonElement x : r.getAsJsonArray("phases")) {
                JsonObject o = x.getAsJsonObject();
                if (!o.has("name")) throw new IllegalArgumentException(w + ": a phase has no \"name\"");
                ph.add(new Phases.Phase(o.get("name").getAsString(), o.has("peer") ? o.get("peer").getAsString() : "call",
                        get(o, "startMs"), get(o, "endMs")));
            }
            try {
                runs.add(Phases.from(ph, get(r, "connectedMs"), get(r, "firstFrameMs")));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(w + ": " + ex.getMessage(), ex);
            }
        }
        return new SetupRuns(root.has("name") ? root.get("name").getAsString() : "runs", runs);
    }

    private static void put(JsonObject o, String key, double v) {
        if (!Double.isNaN(v)) o.addProperty(key, v);
    }

    private static double get(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : Double.NaN;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v); // full precision: what is read back is what was measured
    }

    private static double parse(String s, String where) {
        if (s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + s + "' is not a number of ms");
        }
    }
}
