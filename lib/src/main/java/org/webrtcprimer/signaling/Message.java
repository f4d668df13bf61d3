package org.webrtcprimer.signaling;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.Optional;

/**
 * One signaling message: a JSON object with a {@code type}, as it travels between a peer and the
 * server — {@code {"type":"offer","sdp":"v=0…"}}. The server adds {@code from} when it relays.
 *
 * <p>Its {@code toString()} is the JSON text, so a message prints as it travelled.
 */
public final class Message {

    private final JsonObject json;

    private Message(JsonObject json) {
        this.json = json;
    }

    /**
     * A message of the given type with fields given as name, value pairs: strings, numbers,
     * booleans, or {@code null} to leave a field out — {@code Message.of("join", "room", "r1", "name", "pc1")}.
     */
    public static Message of(String type, Object... fieldsAndValues) {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("a message needs a type, e.g. \"offer\"");
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name, value pairs; got " + fieldsAndValues.length + " items");
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String name = String.valueOf(fieldsAndValues[i]);
            Object v = fieldsAndValues[i + 1];
            if (v == null) continue;
            if (v instanceof String s) o.addProperty(name, s);
            else if (v instanceof Number n) o.addProperty(name, n);
            else if (v instanceof Boolean b) o.addProperty(name, b);
            else if (v instanceof JsonElement e) o.add(name, e);
            else throw new IllegalArgumentException("field '" + name + "' must be a string, number or boolean, not "
                    + v.getClass().getSimpleName());
        }
        return new Message(o);
    }

    static Message wrap(JsonObject json) {
        return new Message(json);
    }

    /**
     * Reads a message from JSON text.
     *
     * @throws SignalingProtocolException with code {@code malformed-json}, {@code not-an-object} or
     *                           {@code missing-field}/{@code bad-field} for the type, saying where
     */
    public static Message parse(String text) {
        if (text == null) throw new SignalingProtocolException("malformed-json", "not valid JSON: no text");
        if (org.webrtcprimer.events.JsonNesting.firstDeeperThan(text, MAX_DEPTH) >= 0) {
            throw new SignalingProtocolException("too-deep", "the message nests arrays and objects more than " + MAX_DEPTH
                    + " levels deep; the limit is " + MAX_DEPTH + " (a kit message needs 3)");
        }
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException ex) {
            throw new SignalingProtocolException("malformed-json", "not valid JSON: " + firstLine(ex.getMessage())
                    + " — send one JSON object per message, e.g. {\"type\":\"join\",\"room\":\"lesson10\",\"name\":\"pc1\"}");
        }
        if (e == null || !e.isJsonObject()) {
            throw new SignalingProtocolException("not-an-object", "a message must be a JSON object with a \"type\" field, not "
                    + (e == null || e.isJsonNull() ? "null" : e.isJsonArray() ? "an array" : "a bare value"));
        }
        JsonObject o = e.getAsJsonObject();
        JsonElement type = o.get("type");
        if (type == null) throw new SignalingProtocolException("missing-field", "the message has no \"type\" field — e.g. {\"type\":\"offer\",\"sdp\":\"…\"}");
        if (!type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
            throw new SignalingProtocolException("bad-field", "\"type\" must be a string, e.g. \"offer\"");
        }
        return new Message(o);
    }

    /** Deepest nesting of arrays and objects a message may have; the kit's own need 3 (a log page). */
    public static final int MAX_DEPTH = 32;

    private static String firstLine(String s) {
        if (s == null) return "unreadable input";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Gson names its own exception class first; the learner needs only the position.
        return line.replaceFirst("^[a-zA-Z.]+Exception: ", "");
    }

    /** The message type: join, offer, answer, candidate, bye … */
    public String type() {
        return json.get("type").getAsString();
    }

    /** Who sent it, as the server stamped it on relay; empty for messages from the server itself. */
    public String from() {
        return string("from").orElse("");
    }

    /** A text field, if present and a string. */
    public Optional<String> string(String field) {
        JsonElement e = json.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    /**
     * A numeric field, if present and a whole number that fits a {@code long}; a fraction, an
     * exponent such as {@code 1e999999999} or a number beyond ±9.2·10¹⁸ counts as absent.
     */
    public Optional<Long> number(String field) {
        JsonElement e = json.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return Optional.empty();
        // Gson converts lazily: getAsLong on "1e999999999" would expand a billion-digit BigDecimal.
        String text = e.getAsJsonPrimitive().getAsString();
        if (text.length() > 20 || !text.matches("-?[0-9]+")) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException tooBig) {
            return Optional.empty();
        }
    }

    /** A boolean field, if present and a boolean. */
    public Optional<Boolean> bool(String field) {
        JsonElement e = json.get(field);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                ? Optional.of(e.getAsBoolean()) : Optional.empty();
    }

    /** A required text field, or a {@link SignalingProtocolException} naming the field and the type. */
    public String require(String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            throw new SignalingProtocolException("missing-field", "a '" + type() + "' message needs a \"" + field + "\" field");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new SignalingProtocolException("bad-field", "\"" + field + "\" of a '" + type() + "' message must be a string");
        }
        return e.getAsString();
    }

    /** Whether the field is present (any JSON value). */
    public boolean has(String field) {
        return json.has(field) && !json.get(field).isJsonNull();
    }

    JsonElement raw(String field) {
        return json.get(field);
    }

    /**
     * A copy with {@code from} set — what the server relays. Only the top level is copied (the
     * values are shared, never walked), so relaying costs the same whatever a client nests.
     */
    Message from(String sender) {
        JsonObject copy = new JsonObject();
        for (var entry : json.entrySet()) {
            if (!entry.getKey().equals("from")) copy.add(entry.getKey(), entry.getValue());
        }
        copy.add("from", new JsonPrimitive(sender));
        return new Message(copy);
    }

    /** The JSON text. */
    public String json() {
        return json.toString();
    }

    /** The size of the JSON text in UTF-8 bytes, as it travels. */
    public int bytes() {
        return json().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** A one-line summary for logs: type, sender, size — not the SDP itself. */
    public String brief() {
        String who = from().isEmpty() ? "" : " from " + from();
        return type() + who + " (" + bytes() + " bytes)";
    }

    @Override
    public String toString() {
        return json();
    }
}
