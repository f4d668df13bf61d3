package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses and fills the explanation of one SDP line. The words live in {@code explanations.txt}
 * (see {@link Explanations}); this class reads the line's values, picks the entry that fits
 * ({@code a=group/BUNDLE}, {@code codec/opus} …) and fills its placeholders, so a learner reads
 * about this SDP ("payload type 111 is Opus …"), not SDP in general.
 */
final class Explainer {
    private Explainer() {}

    /** The explanation of one line. */
    record Entry(SdpGroup group, String key, Map<String, String> fields, String english, String chinese, String reference) {}

    static Explanations.Text t(String key) {
        return Explanations.kit().get(key);
    }

    static Explanations.Text choose(String prefix, String name) {
        return Explanations.kit().choose(prefix, name);
    }

    static Entry explain(SdpLine line, ParsedSdp sdp) {
        MediaSection m = line.media() >= 0 && line.media() < sdp.media().size() ? sdp.media().get(line.media()) : null;
        try {
            return switch (line.type()) {
                case 'v' -> e(t("v="), "v=", f("version", line.value()));
                case 'o' -> origin(line, usesIce(sdp));
                case 's' -> e(t("-".equals(line.value().strip()) ? "s=/dash" : "s="), "s=", f("name", line.value()), "name", line.value());
                case 'i' -> e(t(m == null ? "i=/session" : "i=/media"), "i=", f("information", line.value()));
                case 'u' -> e(t("u="), "u=", f("uri", line.value()));
                case 'e' -> e(t("e="), "e=", f("email", line.value()));
                case 'p' -> e(t("p="), "p=", f("phone", line.value()));
                case 'c' -> connection(line, m, usesIce(sdp));
                case 'b' -> bandwidth(line, m);
                case 't' -> timing(line);
                case 'r' -> e(t("r="), "r=", f("repeat", line.value()));
                case 'z' -> e(t("z="), "z=", f("adjustments", line.value()));
                case 'k' -> e(t("k="), "k=", f("key", line.value()));
                case 'm' -> media(line, m);
                case 'a' -> attribute(line, sdp, m);
                case '?' -> e(t("?="), "?", Map.of());
                default -> e(t("?=/unknown-type"), line.type() + "=", f("value", line.value()), "type", String.valueOf(line.type()));
            };
        } catch (Explanations.Malformed ex) {
            throw ex;
        } catch (RuntimeException ex) {
            // A malformed line (the parser has already warned about it): explain that, never fail the view.
            String why = ex instanceof IllegalArgumentException && ex.getMessage() != null ? ex.getMessage() : "a field is missing";
            return e(t("?=/unreadable"), key(line), f("value", line.value()), "why", why);
        }
    }

    private static String key(SdpLine l) {
        if (l.type() != 'a') return l.type() + "=";
        int c = l.value().indexOf(':');
        return "a=" + (c < 0 ? l.value() : l.value().substring(0, c));
    }

    // ------------------------------------------------------------------ session lines

    /** Whether the description uses ICE (has an a=ice-ufrag anywhere): then o= and c= addresses reach no one. */
    private static boolean usesIce(ParsedSdp sdp) {
        for (SdpLine l : sdp.lines()) if (l.type() == 'a' && l.value().startsWith("ice-ufrag")) return true;
        return false;
    }

    private static Entry origin(SdpLine l, boolean ice) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        String[] names = {"username", "sess-id", "sess-version", "nettype", "addrtype", "unicast-address"};
        for (int i = 0; i < names.length && i < p.length; i++) f.put(names[i], p[i]);
        String user = p.length > 0 ? p[0] : "", id = p.length > 1 ? p[1] : "?", ver = p.length > 2 ? p[2] : "?";
        String addr = p.length > 5 ? p[5] : "?";
        Explanations.Text who = t(user.equals("-") ? "o-user/none" : user.startsWith("mozilla") ? "o-user/mozilla" : "o-user/name");
        // libwebrtc always writes "- <random> <version from 2> IN IP4 127.0.0.1" (pc/webrtc_session_description_factory.cc, pc/webrtc_sdp.cc).
        boolean libwebrtc = ice && user.equals("-") && addr.equals("127.0.0.1");
        Explanations.Text o = t(libwebrtc ? "o=/libwebrtc" : ice ? "o=/ice" : "o=");
        return new Entry(o.group(), "o=", f,
                o.en("who", who.en("user", user), "id", id, "version", ver, "address", addr),
                o.zh("who", who.zh("user", user), "id", id, "version", ver, "address", addr), o.cite());
    }

    private static Entry connection(SdpLine l, MediaSection m, boolean ice) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        if (p.length > 0) f.put("nettype", p[0]);
        if (p.length > 1) f.put("addrtype", p[1]);
        if (p.length > 2) f.put("connection-address", p[2]);
        String addr = p.length > 2 ? p[2] : "?";
        if (addr.startsWith("0.0.0.0") || addr.equals("::")) return e(t(ice ? "c=/unspecified" : "c=/unspecified-no-ice"), "c=", f, "address", addr);
        Explanations.Text where = t(m == null ? "c-where/session" : "c-where/media");
        Explanations.Text c = t(addr.contains("/") ? "c=/multicast" : ice ? "c=/ice" : "c=");
        return new Entry(c.group(), "c=", f, c.en("where", where.en(), "address", addr), c.zh("where", where.zh(), "address", addr), c.cite());
    }

    private static Entry bandwidth(SdpLine l, MediaSection m) {
        String v = l.value();
        int c = v.indexOf(':');
        String type = c < 0 ? v : v.substring(0, c), val = c < 0 ? "?" : v.substring(c + 1);
        Explanations.Text b = choose("b=/", type), scope = t(m == null ? "b-scope/session" : "b-scope/media");
        return new Entry(b.group(), "b=", f("bwtype", type, "bandwidth", val),
                b.en("type", type, "value", val, "scope", scope.en()), b.zh("type", type, "value", val, "scope", scope.zh()), b.cite());
    }

    private static Entry timing(SdpLine l) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = f("start-time", p.length > 0 ? p[0] : "?", "stop-time", p.length > 1 ? p[1] : "?");
        return e(t(l.value().strip().equals("0 0") ? "t=/unbounded" : "t="), "t=", f);
    }

    private static Entry media(SdpLine l, MediaSection m) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        if (p.length > 0) f.put("media", p[0]);
        if (p.length > 1) f.put("port", p[1]);
        if (p.length > 2) f.put("proto", p[2]);
        if (p.length > 3) f.put("fmt", String.join(" ", Arrays.copyOfRange(p, 3, p.length)));
        String type = p.length > 0 ? p[0] : "?", proto = p.length > 2 ? p[2] : "?";
        int index = m == null ? 0 : m.index();
        String port = p.length > 1 ? p[1] : "?";
        Explanations.Text portText = port.equals("0") ? t(m != null && m.bundleOnly() ? "m-port/bundle-only" : "m-port/rejected")
                : port.equals("9") ? t("m-port/discard") : t("m-port/*");
        Explanations.Text pr = choose("protocol/", proto), kind = choose("media-kind/", type);
        String fmts = p.length > 3 ? String.join(" ", Arrays.copyOfRange(p, 3, p.length)) : "";
        boolean placeholder = port.equals("0") && !(m != null && m.bundleOnly()) && fmts.equals("0") && !type.equals("audio");
        Explanations.Text mt = t(placeholder ? "m=/placeholder-format" : proto.contains("RTP") ? "m=/rtp" : "m=");
        String[] common = {"index", String.valueOf(index), "type", type, "proto", proto, "formats", fmts};
        return new Entry(mt.group(), "m=", f,
                mt.en(with(common, "kind", kind.en("type", type), "port", portText.en("port", port), "protocol", pr.en())),
                mt.zh(with(common, "kind", kind.zh("type", type), "port", portText.zh("port", port), "protocol", pr.zh())),
                cite(mt.cite(), portText.cite(), pr == t("protocol/*") ? "" : pr.cite()));
    }

    // ------------------------------------------------------------------ attributes

    private static Entry attribute(SdpLine l, ParsedSdp sdp, MediaSection m) {
        String v = l.value();
        int c = v.indexOf(':');
        String name = c < 0 ? v : v.substring(0, c);
        String val = c < 0 ? null : v.substring(c + 1);
        String key = "a=" + name;
        Explanations.Text where = t(m == null ? "where/session" : "where/media");
        switch (name) {
            case "group": {
                Attributes.Group g = Attributes.Group.parse(val);
                Map<String, String> f = f("semantics", g.semantics(), "mids", String.join(" ", g.mids()));
                return e(choose("a=group/", g.semantics()), key, f, "mids", String.valueOf(g.mids()), "semantics", g.semantics());
            }
            case "mid":
                return e(t("a=mid"), key, f("mid", val), "mid", val.strip());
            case "msid-semantic": {
                String s = val == null ? "" : val.strip();
                String[] p = s.split(" +");
                return e(t(key), key, f("semantic", p[0], "stream ids", p.length > 1 ? String.join(" ", Arrays.copyOfRange(p, 1, p.length)) : ""));
            }
            case "extmap":
                return extmap(key, val);
            case "ice-ufrag": {
                Explanations.Text u = t(key);
                return new Entry(u.group(), key, f("ufrag", val), u.en("ufrag", val.strip(), "where", where.en()),
                        u.zh("ufrag", val.strip(), "where", where.zh()), u.cite());
            }
            case "ice-pwd":
                return e(t(key), key, f("password", val), "length", String.valueOf(val.strip().length()));
            case "ice-options":
                return iceOptions(key, val);
            case "ice-pacing":
                return e(t(key), key, f("pacing", val));
            case "remote-candidates":
                return e(t(key), key, f("candidates", val));
            case "candidate":
                return candidate(key, val);
            case "end-of-candidates": {
                Explanations.Text x = t(key);
                return new Entry(x.group(), key, Map.of(), x.en("where", where.en()), x.zh("where", where.zh()), x.cite());
            }
            case "fingerprint": {
                Attributes.Fingerprint fp = Attributes.Fingerprint.parse(val);
                return e(t(key), key, f("hash", fp.hashFunction(), "fingerprint", fp.fingerprint()),
                        "hash", fp.hashFunction(), "bytes", String.valueOf(fp.bytes()));
            }
            case "setup": {
                String role = val == null ? "" : val.strip();
                return e(choose("a=setup/", role), key, f("role", role), "role", role);
            }
            case "crypto": {
                Attributes.Crypto cr = Attributes.Crypto.parse(val);
                return e(t(key), key, f("tag", String.valueOf(cr.tag()), "suite", cr.suite(), "key-params", cr.keyParams()), "suite", cr.suite());
            }
            case "sendrecv", "sendonly", "recvonly", "inactive": {
                Explanations.Text d = t(key), w = t(m == null ? "direction-where/session" : "direction-where/media");
                return new Entry(d.group(), key, Map.of(), d.en("where", w.en()), d.zh("where", w.zh()), d.cite());
            }
            case "rtpmap":
                return CodecExplainer.rtpmap(key, val, m);
            case "fmtp":
                return CodecExplainer.fmtp(key, val);
            case "rtcp-fb":
                return CodecExplainer.rtcpFb(key, val);
            case "ptime":
                return e(t(key), key, f("ptime", val), "value", val.strip());
            case "maxptime":
                return e(t(key), key, f("maxptime", val), "value", val.strip());
            case "framerate":
                return e(t(key), key, f("framerate", val), "value", val.strip());
            case "rtcp": {
                Attributes.Rtcp r = Attributes.Rtcp.parse(val);
                return e(t(r.address() == null ? "a=rtcp" : "a=rtcp/address"), key,
                        f("port", String.valueOf(r.port()), "address", r.address() == null ? "" : r.address()),
                        "port", String.valueOf(r.port()), "address", r.address());
            }
            case "msid": {
                Attributes.Msid ms = Attributes.Msid.parse(val);
                boolean none = ms.streamId().equals("-");
                String k = ms.trackId() == null ? (none ? "a=msid/no-stream-no-track" : "a=msid/no-track") : (none ? "a=msid/no-stream" : "a=msid");
                return e(t(k), key, f("stream id", ms.streamId(), "track id", ms.trackId() == null ? "" : ms.trackId()),
                        "stream", ms.streamId(), "track", ms.trackId());
            }
            case "ssrc":
                return ssrc(key, val);
            case "ssrc-group":
                return ssrcGroup(key, val);
            case "rid": {
                Attributes.Rid r = Attributes.Rid.parse(val);
                boolean restricted = !(r.restrictions().isEmpty() && r.payloadTypes().isEmpty());
                String restr = (r.payloadTypes().isEmpty() ? "" : "pt=" + String.join(",", r.payloadTypes()) + " ") + r.restrictions();
                Explanations.Text x = t(restricted ? "a=rid/restricted" : "a=rid");
                Explanations.Text dir = t(r.direction().equals("send") ? "rid-direction/send" : "rid-direction/recv");
                return new Entry(x.group(), key, f("rid", r.id(), "direction", r.direction()),
                        x.en("rid", r.id(), "direction", dir.en(), "restrictions", restr),
                        x.zh("rid", r.id(), "direction", dir.zh(), "restrictions", restr), x.cite());
            }
            case "simulcast":
                return simulcast(key, val);
            case "sctp-port":
                return e(t(key), key, f("port", val), "port", val.strip());
            case "max-message-size":
                return e(t(key), key, f("bytes", val), "bytes", val.strip());
            case "sctpmap": {
                Attributes.SctpMap s = Attributes.SctpMap.parse(val);
                return e(t(s.streams() == null ? "a=sctpmap/no-streams" : "a=sctpmap"), key,
                        f("port", String.valueOf(s.port()), "protocol", s.protocol(), "streams", s.streams() == null ? "" : String.valueOf(s.streams())),
                        "port", String.valueOf(s.port()), "protocol", s.protocol(), "streams", String.valueOf(s.streams()));
            }
            case "tool":
                return e(t(key), key, f("tool", val), "tool", val);
            case "tls-id":
                return e(t(key), key, f("id", val));
            case "identity":
                return e(t(key), key, f("assertion", val));
            case "bundle-only", "extmap-allow-mixed", "ice-lite", "rtcp-mux", "rtcp-mux-only", "rtcp-rsize":
                return e(t(key), key, Map.of());
            default:
                return e(t("a=*"), key, val == null ? Map.of() : f("value", val), "name", name);
        }
    }

    private static Entry simulcast(String key, String val) {
        Attributes.Simulcast s = Attributes.Simulcast.parse(val);
        Explanations.Text x = t(key), send = t("simulcast-send"), recv = t("simulcast-recv");
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        if (!s.send().isEmpty()) {
            en.add(send.en("count", String.valueOf(s.send().size()), "layers", layers(s.send())));
            zh.add(send.zh("count", String.valueOf(s.send().size()), "layers", layers(s.send())));
        }
        if (!s.recv().isEmpty()) {
            en.add(recv.en("count", String.valueOf(s.recv().size()), "layers", layers(s.recv())));
            zh.add(recv.zh("count", String.valueOf(s.recv().size()), "layers", layers(s.recv())));
        }
        return new Entry(x.group(), key, f("send", layers(s.send()), "recv", layers(s.recv())),
                x.en("streams", String.join(" ", en)).strip(), x.zh("streams", String.join("", zh)), x.cite());
    }

    private static String layers(List<List<Attributes.SimulcastStream>> l) {
        StringBuilder b = new StringBuilder();
        for (List<Attributes.SimulcastStream> alts : l) {
            if (b.length() > 0) b.append(';');
            for (int i = 0; i < alts.size(); i++) {
                if (i > 0) b.append(',');
                b.append(alts.get(i).paused() ? "~" : "").append(alts.get(i).rid());
            }
        }
        return b.toString();
    }

    private static Entry iceOptions(String key, String val) {
        String[] tokens = val == null ? new String[0] : val.strip().split(" +");
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        for (String tok : tokens) {
            Explanations.Text o = choose("ice-option/", tok);
            en.add(o.en("option", tok));
            zh.add(o.zh("option", tok));
        }
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, f("options", String.join(" ", tokens)),
                x.en("options", String.join("; ", en)), x.zh("options", String.join("；", zh)), x.cite());
    }

    private static Entry candidate(String key, String val) {
        Candidate c = Candidate.parse(val);
        Map<String, String> f = new LinkedHashMap<>();
        String rtp = c.component() == 1 ? " (RTP)" : c.component() == 2 ? " (RTCP)" : "";
        f.put("foundation", c.foundation());
        f.put("component", c.component() + rtp);
        f.put("transport", c.transport());
        f.put("priority", String.valueOf(c.priority()));
        f.put("type preference", String.valueOf(c.typePreference()));
        f.put("local preference", String.valueOf(c.localPreference()));
        f.put("component (from priority)", String.valueOf(c.componentFromPriority()));
        f.put("address", c.address());
        f.put("port", String.valueOf(c.port()));
        f.put("typ", c.type());
        c.extensions().forEach(f::put);
        Explanations.Text type = choose("candidate-type/", c.type());
        StringBuilder notesEn = new StringBuilder(), notesZh = new StringBuilder();
        if (c.relatedAddress() != null) {
            Explanations.Text d = t("candidate-derived");
            notesEn.append(' ').append(d.en("address", c.relatedAddress(), "port", String.valueOf(c.relatedPort())));
            notesZh.append(d.zh("address", c.relatedAddress(), "port", String.valueOf(c.relatedPort())));
        }
        if (c.isMdns()) {
            notesEn.append(' ').append(t("candidate-mdns").en());
            notesZh.append(t("candidate-mdns").zh());
        }
        String[] odd = {"component-from-priority", String.valueOf(c.componentFromPriority()), "component", String.valueOf(c.component())};
        boolean isOdd = c.componentFromPriority() != c.component();
        String[] v = {"transport", c.transport(), "address", c.address(), "port", String.valueOf(c.port()),
                "component", String.valueOf(c.component()), "rtp", rtp, "priority", String.valueOf(c.priority()),
                "type-pref", String.valueOf(c.typePreference()), "local-pref", String.valueOf(c.localPreference()),
                "component-from-priority", String.valueOf(c.componentFromPriority())};
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, f,
                x.en(with(v, "type", type.en("type", c.type()), "notes", notesEn.toString(),
                        "odd", isOdd ? " " + t("candidate-odd-component").en(odd) : "")),
                x.zh(with(v, "type", type.zh("type", c.type()), "notes", notesZh.toString(),
                        "odd", isOdd ? t("candidate-odd-component").zh(odd) : "")),
                x.cite());
    }

    private static Entry extmap(String key, String val) {
        Attributes.Extmap x = Attributes.Extmap.parse(val);
        Explanations.Text u = choose("rtp-hdrext/", x.uri());
        Explanations.Text line = t(x.direction() == null ? "a=extmap" : "a=extmap/direction");
        Map<String, String> f = f("id", String.valueOf(x.id()), "direction", x.direction() == null ? "" : x.direction(), "uri", x.uri());
        String[] v = {"id", String.valueOf(x.id()), "direction", x.direction()};
        return new Entry(line.group(), key, f, line.en(with(v, "meaning", u.en("uri", x.uri()))), line.zh(with(v, "meaning", u.zh("uri", x.uri()))),
                cite(line.cite(), u == t("rtp-hdrext/*") ? "" : u.cite()));
    }

    private static Entry ssrc(String key, String val) {
        Attributes.SsrcAttribute s = Attributes.SsrcAttribute.parse(val);
        Map<String, String> f = f("ssrc", String.valueOf(s.ssrc()), "attribute", s.attribute(), "value", s.value() == null ? "" : s.value());
        Explanations.Text d = choose("ssrc-attr/", s.attribute()), x = t(key);
        String[] dv = {"value", s.value(), "attribute", s.attribute()};
        return new Entry(x.group(), key, f, x.en("ssrc", String.valueOf(s.ssrc()), "meaning", d.en(dv)),
                x.zh("ssrc", String.valueOf(s.ssrc()), "meaning", d.zh(dv)), cite(x.cite(), d.cite()));
    }

    private static Entry ssrcGroup(String key, String val) {
        Attributes.SsrcGroup g = Attributes.SsrcGroup.parse(val);
        String list = g.ssrcs().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
        Map<String, String> f = f("semantics", g.semantics(), "ssrcs", list);
        return e(choose("a=ssrc-group/", g.semantics()), key, f, "semantics", g.semantics(), "ssrcs", list,
                "first", g.ssrcs().isEmpty() ? "?" : String.valueOf(g.ssrcs().get(0)),
                "second", g.ssrcs().size() > 1 ? String.valueOf(g.ssrcs().get(1)) : "?");
    }

    // ------------------------------------------------------------------ helpers

    /** A whole-line entry filled with name/value pairs. */
    private static Entry e(Explanations.Text t, String key, Map<String, String> fields, String... values) {
        return new Entry(t.group(), key, fields, t.en(values), t.zh(values), t.cite());
    }

    /** Joins citations with "; ", leaving out empty ones and ones already listed. */
    static String cite(String first, String... more) {
        List<String> parts = new ArrayList<>(Arrays.asList(first.split("; ")));
        for (String m : more) {
            if (m == null || m.isEmpty()) continue;
            for (String p : m.split("; ")) if (!parts.contains(p)) parts.add(p);
        }
        return String.join("; ", parts);
    }

    static String[] with(String[] base, String... more) {
        String[] r = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, r, base.length, more.length);
        return r;
    }

    static Map<String, String> f(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        return m;
    }
}
