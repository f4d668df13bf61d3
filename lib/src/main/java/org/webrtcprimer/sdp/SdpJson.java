package org.webrtcprimer.sdp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import org.webrtcprimer.ice.Candidate;

import java.lang.reflect.Type;

/**
 * JSON form of a {@link ParsedSdp}: every component of the model (lines, attributes,
 * m-sections, warnings …) plus, in each m-section, derived fields for readers that do not want
 * to parse attributes again: {@code mid}, {@code direction}, {@code codecs} and
 * {@code candidates} (with the priority decomposed). {@link #fromJson(String)} reads the model
 * back (derived fields are ignored: they are recomputed from the attributes).
 */
public final class SdpJson {
    private SdpJson() {}

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(SdpLine.class, new LineJson()).registerTypeAdapter(Attribute.class, new AttributeJson()).create();

    /** A line as its five components (number, type, value, raw, media), the form a record of them has. */
    private static final class LineJson implements JsonSerializer<SdpLine>, JsonDeserializer<SdpLine> {
        @Override
        public JsonElement serialize(SdpLine l, Type type, JsonSerializationContext c) {
            JsonObject o = new JsonObject();
            o.addProperty("number", l.number());
            o.addProperty("type", l.type());
            o.addProperty("value", l.value());
            o.addProperty("raw", l.raw());
            o.addProperty("media", l.media());
            return o;
        }

        @Override
        public SdpLine deserialize(JsonElement e, Type type, JsonDeserializationContext c) {
            JsonObject o = e.getAsJsonObject();
            Integer number = c.deserialize(o.get("number"), Integer.class), media = c.deserialize(o.get("media"), Integer.class);
            Character t = c.deserialize(o.get("type"), Character.class);
            return new SdpLine(number == null ? 0 : number, t == null ? '\0' : t, c.deserialize(o.get("value"), String.class),
                    c.deserialize(o.get("raw"), String.class), media == null ? 0 : media);
        }
    }

    /** An attribute as its three components (line, name, value). */
    private static final class AttributeJson implements JsonSerializer<Attribute>, JsonDeserializer<Attribute> {
        @Override
        public JsonElement serialize(Attribute a, Type type, JsonSerializationContext c) {
            JsonObject o = new JsonObject();
            o.addProperty("line", a.line());
            o.addProperty("name", a.name());
            o.addProperty("value", a.value());
            return o;
        }

        @Override
        public Attribute deserialize(JsonElement e, Type type, JsonDeserializationContext c) {
            JsonObject o = e.getAsJsonObject();
            Integer line = c.deserialize(o.get("line"), Integer.class);
            return new Attribute(line == null ? 0 : line, c.deserialize(o.get("name"), String.class), c.deserialize(o.get("value"), String.class));
        }
    }

    /** The model as pretty-printed JSON. */
    public static String toJson(ParsedSdp sdp) {
        return GSON.toJson(toTree(sdp));
    }

    /** The model as a JSON tree (package use: the CLI joins several). */
    public static JsonObject toTree(ParsedSdp sdp) {
        JsonObject o = GSON.toJsonTree(sdp).getAsJsonObject();
        JsonArray media = o.getAsJsonArray("media");
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaSection m = sdp.media().get(i);
            JsonObject j = media.get(i).getAsJsonObject();
            j.addProperty("mid", m.mid());
            j.addProperty("direction", m.direction().sdp());
            j.addProperty("rejected", m.isRejected());
            j.add("codecs", GSON.toJsonTree(m.codecs()));
            JsonArray cands = new JsonArray();
            for (Candidate c : m.candidates()) {
                JsonObject cj = GSON.toJsonTree(c).getAsJsonObject();
                cj.addProperty("typePreference", c.typePreference());
                cj.addProperty("localPreference", c.localPreference());
                cj.addProperty("componentFromPriority", c.componentFromPriority());
                cands.add(cj);
            }
            j.add("candidates", cands);
        }
        return o;
    }

    /**
     * Reads JSON written by {@link #toJson}.
     *
     * @throws SdpParseException (line 0) if the text is not such JSON
     */
    public static ParsedSdp fromJson(String json) {
        try {
            JsonElement e = GSON.fromJson(json, JsonElement.class);
            if (e == null || !e.isJsonObject()) throw new SdpParseException(0, "JSON is not an object written by SdpJson.toJson", null);
            ParsedSdp sdp = GSON.fromJson(e, ParsedSdp.class);
            if (sdp == null) throw new SdpParseException(0, "JSON is empty", null);
            return sdp;
        } catch (SdpParseException ex) {
            throw ex;
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException ex) {
            throw new SdpParseException(0, "cannot read SDP JSON: " + ex.getMessage(), null);
        } catch (RuntimeException ex) {
            // A record's constructor refused what Gson built (a null inside a list, a missing
            // value): Gson wraps that in a bare RuntimeException naming the constructor.
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            throw new SdpParseException(0, "cannot read SDP JSON: a list holds null or a required value is missing ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + ") — use JSON written by SdpJson.toJson", null);
        }
    }
}
