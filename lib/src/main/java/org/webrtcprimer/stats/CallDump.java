package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.webrtcprimer.engine.Kit;
import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call's event log and stats samples in one JSON file — like webrtc-internals' "Create Dump" —
 * that loads again anywhere, without the engine, and redraws every chart.
 *
 * <pre>{@code
 * CallDump.of(call, sampler.stop()).write(Path.of("call-dump.json"));
 * CallDump dump = CallDump.read(Path.of("call-dump.json"));   // in another kernel, days later
 * dump.charts()                                               // the same charts, from the file
 * }</pre>
 *
 * The format ({@value #FORMAT}, version {@value #VERSION}) is described in docs/stats.md.
 *
 * @param created  when the dump was made (UTC)
 * @param kit      the kit version that made it
 * @param engine   the webrtc-java version that made it
 * @param events   the call's event log, in time order
 * @param stats    the stats samples and descriptions
 */
public record CallDump(Instant created, String kit, String engine, List<Event> events, StatsRecording stats) {

    /** The value of the file's {@code format} member. */
    public static final String FORMAT = "webrtc-primer-call-dump";
    /** The format version this kit writes and reads. */
    public static final int VERSION = 1;

    public CallDump {
        if (stats == null) throw new IllegalArgumentException("a dump needs a stats recording — StatsSampler.stop() returns one");
        events = List.copyOf(events == null ? List.of() : events);
    }

    /** A dump of a call's log and a recording of its stats. */
    public static CallDump of(Call call, StatsRecording stats) {
        if (call == null) throw new IllegalArgumentException("a dump needs the call whose log it keeps");
        return of(call.log(), stats);
    }

    /** A dump of an event log and a stats recording. */
    public static CallDump of(EventLog log, StatsRecording stats) {
        return new CallDump(Instant.now().truncatedTo(ChronoUnit.MILLIS), Kit.version(), Kit.webrtcJavaVersion(),
                log == null ? List.of() : log.events(), stats);
    }

    /** The event log again, for the kit's log views and analyses. */
    public EventLog log() {
        return EventLog.of(events);
    }

    /** Every stats chart, redrawn from the file's samples. */
    public List<Chart> charts() {
        return StatsCharts.all(stats);
    }

    // ---- writing ----

    /** The dump as JSON text (UTF-8 when written). */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("created", created.toString());
        JsonObject k = new JsonObject();
        k.addProperty("version", kit);
        k.addProperty("webrtcJava", engine);
        root.add("kit", k);
        root.addProperty("clock", "nanos: nanoseconds on the kit's clock (since the kit was first used in the recording JVM); "
                + "timestamp: the engine's ms since 1970");
        // The log in the event log's own format (EventLog.toJson), so either reader understands it.
        root.add("log", JsonParser.parseString(EventLog.of(events).toJson()));
        JsonObject st = new JsonObject();
        st.addProperty("intervalMs", stats.interval().toMillis());
        st.addProperty("originNanos", stats.originNanos());
        st.addProperty("dropped", stats.dropped());
        JsonObject ds = new JsonObject();
        stats.descriptions().forEach((peer, d) -> {
            JsonObject p = new JsonObject();
            p.add("local", description(d.local()));
            p.add("remote", description(d.remote()));
            ds.add(peer, p);
        });
        st.add("descriptions", ds);
        JsonArray samples = new JsonArray();
        for (StatsReport r : stats.reports()) {
            JsonObject s = new JsonObject();
            s.addProperty("peer", r.peer());
            s.addProperty("nanos", r.nanos());
            s.addProperty("timestamp", r.timestamp());
            JsonArray objects = new JsonArray();
            for (StatsObject o : r.objects().values()) {
                JsonObject j = new JsonObject();
                j.addProperty("id", o.id());
                j.addProperty("type", o.type());
                j.addProperty("timestamp", o.timestamp());
                j.add("values", value(o.values()));
                objects.add(j);
            }
            s.add("objects", objects);
            samples.add(s);
        }
        st.add("samples", samples);
        root.add("stats", st);
        return gson().toJson(root);
    }

    /** Writes the dump to a file (creating its folder); returns the file. */
    public Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the dump to " + file + ": " + e.getMessage(), e);
        }
    }

    private static Gson gson() {
        return new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().setPrettyPrinting().create();
    }

    private static JsonElement description(SessionDescription d) {
        if (d == null) return com.google.gson.JsonNull.INSTANCE;
        JsonObject o = new JsonObject();
        o.addProperty("type", d.type());
        o.addProperty("sdp", d.sdp());
        return o;
    }

    private static JsonElement value(Object v) {
        if (v == null) return com.google.gson.JsonNull.INSTANCE;
        if (v instanceof Number n) return new JsonPrimitive(n);
        if (v instanceof Boolean b) return new JsonPrimitive(b);
        if (v instanceof List<?> l) {
            JsonArray a = new JsonArray();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.add(String.valueOf(k), value(x)));
            return o;
        }
        return new JsonPrimitive(String.valueOf(v));
    }

    // ---- reading ----

    /** Reads a dump file written by {@link #write}. */
    public static CallDump read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no dump at " + file.toAbsolutePath() + " — write one with CallDump.of(call, recording).write(path)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a dump from JSON text.
     *
     * @throws IllegalArgumentException naming the member that is missing or wrong, e.g.
     *         {@code stats.samples[3].objects[0]: 'type' is missing}
     */
    public static CallDump parse(String json) {
        JsonElement rootEl;
        checkDepth(json == null ? "" : json);
        try {
            rootEl = JsonParser.parseString(json == null ? "" : json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + rootCause(e));
        }
        if (rootEl.isJsonNull()) throw new IllegalArgumentException("the dump is empty");
        if (!rootEl.isJsonObject()) throw new IllegalArgumentException("not a call dump: the file is JSON but not an object");
        JsonObject root = rootEl.getAsJsonObject();
        if (!root.has("format")) {
            throw new IllegalArgumentException("not a call dump: member 'format' is missing"
                    + (root.has("PeerConnections") ? " (this looks like a Chrome webrtc-internals dump, which the kit does not read)" : ""));
        }
        String format = string(root, "format", "");
        if (!format.equals(FORMAT)) throw new IllegalArgumentException("not a call dump: format is '" + format + "', expected '" + FORMAT + "'");
        long version = number(root, "version", "").longValue();
        if (version != VERSION) {
            throw new IllegalArgumentException("dump format version " + version + " — this kit reads version " + VERSION
                    + (version > VERSION ? "; update the kit" : ""));
        }
        Instant created;
        try {
            created = Instant.parse(string(root, "created", ""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'created' is not an ISO-8601 instant: " + root.get("created"));
        }
        JsonObject kit = object(root, "kit", "");
        List<Event> events;
        try {
            events = EventLog.fromJson(object(root, "log", "").toString()).events();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log: " + e.getMessage(), e);
        }
        JsonObject st = object(root, "stats", "");
        long interval = number(st, "intervalMs", "stats").longValue();
        if (interval <= 0) throw new IllegalArgumentException("stats: intervalMs must be positive, got " + interval);
        Map<String, StatsRecording.Descriptions> descriptions = new LinkedHashMap<>();
        if (st.has("descriptions")) {
            for (var d : object(st, "descriptions", "stats").entrySet()) {
                String at = "stats.descriptions." + d.getKey();
                JsonObject p = element(d.getValue(), at);
                descriptions.put(d.getKey(), new StatsRecording.Descriptions(readDescription(p, "local", at), readDescription(p, "remote", at)));
            }
        }
        List<StatsReport> reports = new ArrayList<>();
        JsonArray samples = array(st, "samples", "stats");
        for (int i = 0; i < samples.size(); i++) {
            String at = "stats.samples[" + i + "]";
            JsonObject s = element(samples.get(i), at);
            Map<String, StatsObject> objects = new LinkedHashMap<>();
            JsonArray os = array(s, "objects", at);
            for (int j = 0; j < os.size(); j++) {
                String oat = at + ".objects[" + j + "]";
                JsonObject o = element(os.get(j), oat);
                Map<String, Object> values = new LinkedHashMap<>();
                for (var v : object(o, "values", oat).entrySet()) values.put(v.getKey(), plain(v.getValue()));
                String id = string(o, "id", oat);
                objects.put(id, new StatsObject(id, string(o, "type", oat), number(o, "timestamp", oat).doubleValue(), values));
            }
            reports.add(new StatsReport(string(s, "peer", at), number(s, "nanos", at).longValue(),
                    number(s, "timestamp", at).doubleValue(), objects));
        }
        StatsRecording rec = new StatsRecording(Duration.ofMillis(interval), number(st, "originNanos", "stats").longValue(),
                reports, descriptions, st.has("dropped") ? number(st, "dropped", "stats").longValue() : 0);
        return new CallDump(created, string(kit, "version", "kit"), string(kit, "webrtcJava", "kit"), events, rec);
    }

    /** A dump nests a few levels; reading it walks the tree recursively, so deeper input is refused first. */
    static final int MAX_DEPTH = 64;

    /** One pass over the text, outside strings: refuses nesting deeper than {@link #MAX_DEPTH} before any recursive step. */
    private static void checkDepth(String json) {
        int at = org.webrtcprimer.events.JsonNesting.firstDeeperThan(json, MAX_DEPTH);
        if (at >= 0) {
            throw new IllegalArgumentException("the JSON nests more than " + MAX_DEPTH + " levels deep (at character " + (at + 1)
                    + "); a call dump nests a few levels, so this is not one");
        }
    }

    private static SessionDescription readDescription(JsonObject p, String which, String at) {
        if (!p.has(which) || p.get(which).isJsonNull()) return null;
        JsonObject d = element(p.get(which), at + "." + which);
        try {
            return new SessionDescription(string(d, "type", at + "." + which), string(d, "sdp", at + "." + which));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "." + which + ": " + e.getMessage());
        }
    }

    /** A JSON value as the kit's plain stats value: integers → Long (BigInteger if larger), decimals → Double. */
    private static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) return p.getAsBoolean();
            if (p.isString()) return p.getAsString();
            String t = p.getAsString();
            if (t.contains(".") || t.contains("e") || t.contains("E") || t.equals("NaN") || t.contains("Infinity")) return p.getAsDouble();
            BigInteger b = p.getAsBigInteger();
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(plain(x)));
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        e.getAsJsonObject().entrySet().forEach(x -> m.put(x.getKey(), plain(x.getValue())));
        return m;
    }

    private static JsonObject element(JsonElement e, String at) {
        if (e == null || !e.isJsonObject()) throw new IllegalArgumentException(at + ": expected an object, found " + e);
        return e.getAsJsonObject();
    }

    private static String where(String at, String name) {
        return (at.isEmpty() ? "" : at + ": ") + "'" + name + "'";
    }

    private static String string(JsonObject o, String name, String at) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException(where(at, name) + " is missing");
        if (!e.isJsonPrimitive()) throw new IllegalArgumentException(where(at, name) + " should be a string, found " + e);
        return e.getAsString();
    }

    private static Number number(JsonObject o, String name, String at) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException(where(at, name) + " is missing");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(where(at, name) + " should be a number, found " + e);
        }
        String t = e.getAsString();
        return t.contains(".") || t.contains("e") || t.contains("E") ? (Number) e.getAsDouble() : (Number) e.getAsBigInteger();
    }

    private static JsonObject object(JsonObject o, String name, String at) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException(where(at, name) + " is missing");
        if (!e.isJsonObject()) throw new IllegalArgumentException(where(at, name) + " should be an object, found " + e);
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String name, String at) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException(where(at, name) + " is missing");
        if (!e.isJsonArray()) throw new IllegalArgumentException(where(at, name) + " should be an array, found " + e);
        return e.getAsJsonArray();
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    @Override
    public String toString() {
        return "CallDump (format " + VERSION + ", made " + created + " by kit " + kit + ", webrtc-java " + engine + "): "
                + events.size() + " events; " + stats;
    }
}
