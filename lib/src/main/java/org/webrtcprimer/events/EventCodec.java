package org.webrtcprimer.events;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The event log as JSON and CSV, and back: a call recorded once can be tabled and charted later
 * without the engine.
 */
final class EventCodec {
    private EventCodec() {}

    static final String FORMAT = "webrtc-primer event log";
    static final List<String> HEADER = List.of("nanos", "stamp", "source", "kind", "name", "detail");

    static String toJson(List<Event> events) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", 1);
        JsonArray arr = new JsonArray();
        for (Event e : events) {
            JsonObject o = new JsonObject();
            o.addProperty("nanos", e.nanos());
            o.addProperty("stamp", KitClock.stamp(e.nanos()));
            o.addProperty("source", e.source());
            o.addProperty("kind", e.kind().name());
            o.addProperty("name", e.name());
            o.addProperty("detail", e.detail());
            arr.add(o);
        }
        root.add("events", arr);
        return root.toString();
    }

    static List<Event> fromJson(String json, String source) {
        JsonObject root;
        try {
            JsonElement el = JsonParser.parseString(json == null ? "" : json);
            if (!el.isJsonObject()) throw new IllegalArgumentException(source + ": expected a JSON object with \"events\", got " + kind(el));
            root = el.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(source + ": not JSON — " + e.getMessage(), e);
        }
        if (!root.has("events") || !root.get("events").isJsonArray()) {
            throw new IllegalArgumentException(source + ": no \"events\" array — is this an event log written by EventLog.toJson()?");
        }
        List<Event> out = new ArrayList<>();
        JsonArray arr = root.getAsJsonArray("events");
        for (int i = 0; i < arr.size(); i++) {
            String where = source + ": events[" + i + "]";
            if (!arr.get(i).isJsonObject()) throw new IllegalArgumentException(where + " is not an object");
            JsonObject o = arr.get(i).getAsJsonObject();
            out.add(event(where, text(o, "nanos", where), text(o, "source", where), text(o, "kind", where),
                    text(o, "name", where), o.has("detail") && !o.get("detail").isJsonNull() ? o.get("detail").getAsString() : ""));
        }
        return out;
    }

    static String toCsv(List<Event> events) {
        StringBuilder b = new StringBuilder(Csv.row(HEADER));
        for (Event e : events) {
            b.append(Csv.row(List.of(String.valueOf(e.nanos()), KitClock.stamp(e.nanos()), e.source(), e.kind().name(), e.name(), e.detail())));
        }
        return b.toString();
    }

    static List<Event> fromCsv(String csv, String source) {
        List<Event> out = new ArrayList<>();
        List<List<String>> rows = Csv.records(csv, source, HEADER);
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            out.add(event(source + ": record " + (i + 2), r.get(0), r.get(2), r.get(3), r.get(4), r.get(5)));
        }
        return out;
    }

    private static Event event(String where, String nanos, String source, String kind, String name, String detail) {
        long t;
        try {
            t = Long.parseLong(nanos.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": nanos '" + nanos + "' is not a whole number of nanoseconds");
        }
        Event.Kind k;
        try {
            k = Event.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": kind '" + kind + "' is not one of " + java.util.Arrays.toString(Event.Kind.values()));
        }
        if (source.isBlank()) throw new IllegalArgumentException(where + ": no source (pc1, pc2 or call)");
        return new Event(t, source, k, name, detail);
    }

    private static String text(JsonObject o, String key, String where) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) throw new IllegalArgumentException(where + " has no \"" + key + "\"");
        if (!v.isJsonPrimitive()) throw new IllegalArgumentException(where + ": \"" + key + "\" must be a string or number");
        return v.getAsString();
    }

    private static String kind(JsonElement el) {
        return el.isJsonArray() ? "an array" : el.isJsonPrimitive() ? "a single value" : el.isJsonNull() ? "null" : "something else";
    }
}
