package org.webrtcprimer.ice;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import org.webrtcprimer.events.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Candidates and candidate pairs as JSON and CSV, and back. Each candidate is stored as its SDP
 * line (the one form every tool reads) beside its parsed fields for spreadsheets; reading back
 * parses the line.
 */
final class IceCodec {
    private IceCodec() {}

    static final List<String> CANDIDATE_HEADER = List.of("peer", "ms", "mid", "type", "protocol", "address", "port",
            "priority", "type_preference", "local_preference", "component", "candidate");

    static final List<String> PAIR_HEADER = List.of("peer", "ice_role", "id", "selected", "state", "nominated", "priority",
            "local", "remote", "bytes_sent", "bytes_received", "packets_sent", "packets_received", "requests_sent",
            "requests_received", "responses_sent", "responses_received", "current_rtt_ms", "transport_id");

    // ---- candidates

    static String candidatesCsv(Candidates cs) {
        StringBuilder b = new StringBuilder(Csv.row(CANDIDATE_HEADER));
        for (Candidates.Entry e : cs.entries()) {
            Candidate c = e.candidate();
            b.append(Csv.row(List.of(e.peer(), num(e.millis()), e.mid(), c.type(), c.transport(), c.address(), String.valueOf(c.port()),
                    String.valueOf(c.priority()), String.valueOf(c.typePreference()), String.valueOf(c.localPreference()),
                    String.valueOf(c.component()), c.toSdp())));
        }
        return b.toString();
    }

    static Candidates candidatesFromCsv(String csv) {
        String src = "candidates CSV";
        List<Candidates.Entry> out = new ArrayList<>();
        List<List<String>> rows = Csv.records(csv, src, CANDIDATE_HEADER);
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String where = src + ": record " + (i + 2);
            out.add(new Candidates.Entry(r.get(0), parseNum(r.get(1), where, "ms"), r.get(2), candidate(r.get(11), where)));
        }
        return Candidates.from(out, "read from CSV");
    }

    static String candidatesJson(Candidates cs) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "webrtc-primer candidates");
        root.addProperty("origin", cs.origin());
        JsonArray arr = new JsonArray();
        for (Candidates.Entry e : cs.entries()) {
            Candidate c = e.candidate();
            JsonObject o = new JsonObject();
            o.addProperty("peer", e.peer());
            if (e.timed()) o.addProperty("ms", e.millis());
            o.addProperty("mid", e.mid());
            o.addProperty("candidate", c.toSdp());
            o.addProperty("type", c.type());
            o.addProperty("protocol", c.transport());
            o.addProperty("address", c.address());
            o.addProperty("port", c.port());
            o.addProperty("priority", c.priority());
            o.addProperty("typePreference", c.typePreference());
            o.addProperty("localPreference", c.localPreference());
            o.addProperty("component", c.component());
            arr.add(o);
        }
        root.add("candidates", arr);
        return root.toString();
    }

    static Candidates candidatesFromJson(String json) {
        String src = "candidates JSON";
        JsonObject root = root(json, src, "candidates");
        List<Candidates.Entry> out = new ArrayList<>();
        JsonArray arr = root.getAsJsonArray("candidates");
        for (int i = 0; i < arr.size(); i++) {
            String where = src + ": candidates[" + i + "]";
            JsonObject o = object(arr.get(i), where);
            double ms = o.has("ms") && !o.get("ms").isJsonNull() ? o.get("ms").getAsDouble() : Double.NaN;
            out.add(new Candidates.Entry(str(o, "peer", where), ms, o.has("mid") ? o.get("mid").getAsString() : "",
                    candidate(str(o, "candidate", where), where)));
        }
        String origin = root.has("origin") ? root.get("origin").getAsString() : "read from JSON";
        return Candidates.from(out, origin);
    }

    // ---- pairs

    static String pairsCsv(CandidatePairs ps) {
        StringBuilder b = new StringBuilder(Csv.row(PAIR_HEADER));
        for (CandidatePair p : ps.pairs()) {
            b.append(Csv.row(List.of(ps.peer(), ps.iceRole(), p.id(), String.valueOf(p.selected()), p.state(), String.valueOf(p.nominated()),
                    Long.toString(p.priority()), p.local().toSdp(), p.remote().toSdp(), String.valueOf(p.bytesSent()),
                    String.valueOf(p.bytesReceived()), String.valueOf(p.packetsSent()), String.valueOf(p.packetsReceived()),
                    String.valueOf(p.requestsSent()), String.valueOf(p.requestsReceived()), String.valueOf(p.responsesSent()),
                    String.valueOf(p.responsesReceived()), num(p.currentRttMs()), p.transportId() == null ? "" : p.transportId())));
        }
        return b.toString();
    }

    static CandidatePairs pairsFromCsv(String csv) {
        String src = "candidate pairs CSV";
        List<List<String>> rows = Csv.records(csv, src, PAIR_HEADER);
        List<CandidatePair> pairs = new ArrayList<>();
        String peer = "", role = "";
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            String w = src + ": record " + (i + 2);
            peer = r.get(0);
            role = r.get(1);
            pairs.add(new CandidatePair(r.get(2), r.get(4), Boolean.parseBoolean(r.get(5)), Boolean.parseBoolean(r.get(3)),
                    whole(r.get(6), w, "priority"), candidate(r.get(7), w), candidate(r.get(8), w),
                    whole(r.get(9), w, "bytes_sent"), whole(r.get(10), w, "bytes_received"), whole(r.get(11), w, "packets_sent"),
                    whole(r.get(12), w, "packets_received"), whole(r.get(13), w, "requests_sent"), whole(r.get(14), w, "requests_received"),
                    whole(r.get(15), w, "responses_sent"), whole(r.get(16), w, "responses_received"),
                    parseNum(r.get(17), w, "current_rtt_ms"), r.get(18)));
        }
        return new CandidatePairs(peer, role, "", "", "", 0, pairs);
    }

    static String pairsJson(CandidatePairs ps) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "webrtc-primer candidate pairs");
        root.addProperty("peer", ps.peer());
        root.addProperty("iceRole", ps.iceRole());
        root.addProperty("iceState", ps.iceState());
        root.addProperty("dtlsState", ps.dtlsState());
        root.addProperty("localUfrag", ps.localUfrag());
        root.addProperty("selectedPairChanges", ps.selectedPairChanges());
        JsonArray arr = new JsonArray();
        for (CandidatePair p : ps.pairs()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", p.id());
            o.addProperty("state", p.state());
            o.addProperty("nominated", p.nominated());
            o.addProperty("selected", p.selected());
            o.addProperty("priority", p.priority());
            o.addProperty("local", p.local().toSdp());
            o.addProperty("remote", p.remote().toSdp());
            o.addProperty("bytesSent", p.bytesSent());
            o.addProperty("bytesReceived", p.bytesReceived());
            o.addProperty("packetsSent", p.packetsSent());
            o.addProperty("packetsReceived", p.packetsReceived());
            o.addProperty("requestsSent", p.requestsSent());
            o.addProperty("requestsReceived", p.requestsReceived());
            o.addProperty("responsesSent", p.responsesSent());
            o.addProperty("responsesReceived", p.responsesReceived());
            if (!Double.isNaN(p.currentRttMs())) o.addProperty("currentRttMs", p.currentRttMs());
            o.addProperty("transportId", p.transportId());
            arr.add(o);
        }
        root.add("pairs", arr);
        return root.toString();
    }

    static CandidatePairs pairsFromJson(String json) {
        String src = "candidate pairs JSON";
        JsonObject root = root(json, src, "pairs");
        List<CandidatePair> pairs = new ArrayList<>();
        JsonArray arr = root.getAsJsonArray("pairs");
        for (int i = 0; i < arr.size(); i++) {
            String w = src + ": pairs[" + i + "]";
            JsonObject o = object(arr.get(i), w);
            pairs.add(new CandidatePair(str(o, "id", w), str(o, "state", w), bool(o, "nominated"), bool(o, "selected"),
                    lng(o, "priority", w), candidate(str(o, "local", w), w), candidate(str(o, "remote", w), w),
                    lng(o, "bytesSent", w), lng(o, "bytesReceived", w), lng(o, "packetsSent", w), lng(o, "packetsReceived", w),
                    lng(o, "requestsSent", w), lng(o, "requestsReceived", w), lng(o, "responsesSent", w), lng(o, "responsesReceived", w),
                    o.has("currentRttMs") && !o.get("currentRttMs").isJsonNull() ? o.get("currentRttMs").getAsDouble() : Double.NaN,
                    o.has("transportId") && !o.get("transportId").isJsonNull() ? o.get("transportId").getAsString() : null));
        }
        return new CandidatePairs(opt(root, "peer"), opt(root, "iceRole"), opt(root, "iceState"), opt(root, "dtlsState"),
                opt(root, "localUfrag"), root.has("selectedPairChanges") ? root.get("selectedPairChanges").getAsLong() : 0, pairs);
    }

    // ---- plumbing

    private static Candidate candidate(String line, String where) {
        try {
            return Candidate.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v); // full precision: what is read back is what was measured
    }

    private static double parseNum(String s, String where, String what) {
        if (s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " '" + s + "' is not a number");
        }
    }

    private static long whole(String s, String where, String what) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " '" + s + "' is not a whole number");
        }
    }

    private static JsonObject root(String json, String src, String array) {
        JsonElement el;
        try {
            el = JsonParser.parseString(json == null ? "" : json);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException(src + ": not JSON — " + e.getMessage(), e);
        }
        if (!el.isJsonObject() || !el.getAsJsonObject().has(array) || !el.getAsJsonObject().get(array).isJsonArray()) {
            throw new IllegalArgumentException(src + ": expected an object with a \"" + array + "\" array, as toJson() writes");
        }
        return el.getAsJsonObject();
    }

    private static JsonObject object(JsonElement e, String where) {
        if (!e.isJsonObject()) throw new IllegalArgumentException(where + " is not an object");
        return e.getAsJsonObject();
    }

    private static String str(JsonObject o, String key, String where) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull() || !v.isJsonPrimitive()) throw new IllegalArgumentException(where + " has no \"" + key + "\"");
        return v.getAsString();
    }

    private static String opt(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v == null || v.isJsonNull() ? "" : v.getAsString();
    }

    private static long lng(JsonObject o, String key, String where) {
        JsonElement v = o.get(key);
        if (v == null || v.isJsonNull()) return 0;
        try {
            return v.getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" is not a whole number");
        }
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && !v.isJsonNull() && v.getAsBoolean();
    }
}
