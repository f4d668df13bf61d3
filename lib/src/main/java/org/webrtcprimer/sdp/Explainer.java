package org.webrtcprimer.sdp;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * An attribute whose explanation takes its one value as it is: its field's name, and the
     * placeholder its text fills with the stripped value (null: the text has none).
     */
    private record OneValue(String field, String placeholder) {}

    private static final Map<String, OneValue> ONE_VALUE = Map.of(
            "mid", new OneValue("mid", "mid"),
            "ptime", new OneValue("ptime", "value"),
            "maxptime", new OneValue("maxptime", "value"),
            "framerate", new OneValue("framerate", "value"),
            "sctp-port", new OneValue("port", "port"),
            "max-message-size", new OneValue("bytes", "bytes"),
            "ice-pacing", new OneValue("pacing", null),
            "remote-candidates", new OneValue("candidates", null),
            "tls-id", new OneValue("id", null),
            "identity", new OneValue("assertion", null));

    /**
     * One {@code a=} line: a case per attribute whose explanation depends on its value's parts
     * (codec lines in {@link CodecExplainer}, ICE, DTLS, SDES and SCTP in {@link TransportExplainer}, streams and simulcast in
     * {@link StreamExplainer}), {@link #ONE_VALUE} for those that take the value as it is.
     */
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
            case "msid-semantic": {
                String s = val == null ? "" : val.strip();
                String[] p = s.split(" +");
                return e(t(key), key, f("semantic", p[0], "stream ids", p.length > 1 ? String.join(" ", Arrays.copyOfRange(p, 1, p.length)) : ""));
            }
            case "extmap":
                return extmap(key, val);
            case "ice-ufrag":
                return TransportExplainer.ufrag(key, val, where);
            case "ice-pwd":
                return e(t(key), key, f("password", val), "length", String.valueOf(val.strip().length()));
            case "ice-options":
                return TransportExplainer.options(key, val);
            case "candidate":
                return TransportExplainer.candidate(key, val);
            case "end-of-candidates":
                return TransportExplainer.endOfCandidates(key, where);
            case "fingerprint":
                return TransportExplainer.fingerprint(key, val);
            case "setup":
                return TransportExplainer.setup(key, val);
            case "crypto":
                return TransportExplainer.crypto(key, val);
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
            case "rtcp": {
                Attributes.Rtcp r = Attributes.Rtcp.parse(val);
                return e(t(r.address() == null ? "a=rtcp" : "a=rtcp/address"), key,
                        f("port", String.valueOf(r.port()), "address", r.address() == null ? "" : r.address()),
                        "port", String.valueOf(r.port()), "address", r.address());
            }
            case "msid":
                return StreamExplainer.msid(key, val);
            case "ssrc":
                return StreamExplainer.ssrc(key, val);
            case "ssrc-group":
                return StreamExplainer.ssrcGroup(key, val);
            case "rid":
                return StreamExplainer.rid(key, val);
            case "simulcast":
                return StreamExplainer.simulcast(key, val);
            case "sctpmap":
                return TransportExplainer.sctpmap(key, val);
            case "tool":
                return e(t(key), key, f("tool", val), "tool", val);
            case "bundle-only", "extmap-allow-mixed", "ice-lite", "rtcp-mux", "rtcp-mux-only", "rtcp-rsize":
                return e(t(key), key, Map.of());
            default: {
                OneValue one = ONE_VALUE.get(name);
                if (one != null) {
                    return one.placeholder() == null ? e(t(key), key, f(one.field(), val))
                            : e(t(key), key, f(one.field(), val), one.placeholder(), val.strip());
                }
                return e(t("a=*"), key, val == null ? Map.of() : f("value", val), "name", name);
            }
        }
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

    // ------------------------------------------------------------------ helpers

    /** A whole-line entry filled with name/value pairs. */
    static Entry e(Explanations.Text t, String key, Map<String, String> fields, String... values) {
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
