package org.webrtcprimer.sdp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import org.webrtcprimer.ice.Candidate;

/**
 * JSON form of a {@link ParsedSdp}: every component of the model (lines, attributes,
 * m-sections, warnings …) plus, in each m-section, derived fields for readers that do not want
 * to parse attributes again: {@code mid}, {@code direction}, {@code codecs} and
 * {@code candidates} (with the priority decomposed). {@link #fromJson(String)} reads the model
 * back (derived fields are ignored: they are recomputed from the attributes).
 */
public final class SdpJson {
    private SdpJson() {}

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

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
