package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Words;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed values of the attributes WebRTC and SIP use. Each record has a static
 * {@code parse(String value)} taking the text after {@code a=name:} and throwing
 * {@link IllegalArgumentException} with a message saying what is wrong; the parser turns that
 * into a warning or error with the line number.
 */
public final class Attributes {
    private Attributes() {}

    /** {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]} (RFC 8866 §6.6). */
    public record Rtpmap(int payloadType, String encoding, long clockRate, Integer channels) {
        public static Rtpmap parse(String v) {
            String[] f = fields(v, 2, "rtpmap", "<payload type> <encoding>/<clock rate>[/<channels>]");
            int pt = (int) number(f[0], 0, 127, "rtpmap payload type");
            String[] e = f[1].split("/", -1);
            if (e.length == 1 && !e[0].isEmpty()) {
                throw new IllegalArgumentException("rtpmap '" + f[1] + "' has no clock rate: RFC 8866 §6.6 writes <encoding name>/<clock rate>[/<channels>], e.g. '"
                        + e[0] + "/44100'");
            }
            if (e.length < 2 || e.length > 3 || e[0].isEmpty()) {
                throw new IllegalArgumentException("rtpmap encoding '" + f[1] + "' must be <name>/<clock rate>[/<channels>]");
            }
            long clock = number(e[1], 1, 0xFFFF_FFFFL, "rtpmap clock rate");
            Integer ch = e.length == 3 ? (int) number(e[2], 1, 255, "rtpmap channels") : null;
            if (f.length > 2) throw new IllegalArgumentException("rtpmap has extra text '" + f[2] + "'");
            return new Rtpmap(pt, e[0], clock, ch);
        }

        /**
         * As {@link #parse}, but an rtpmap without a clock rate ({@code a=rtpmap:96 AppleLossless})
         * keeps its payload type and name, with clock rate 0: the codec table still names it,
         * while the parser reports the missing rate.
         */
        public static Rtpmap read(String v) {
            try {
                return parse(v);
            } catch (IllegalArgumentException e) {
                String[] f = fields(v, 2, "rtpmap", "<payload type> <encoding>/<clock rate>[/<channels>]");
                if (f.length != 2 || f[1].indexOf('/') >= 0) throw e;
                return new Rtpmap((int) number(f[0], 0, 127, "rtpmap payload type"), f[1], 0, null);
            }
        }
    }

    /**
     * {@code a=fmtp:<format> <parameters>} (RFC 8866 §6.15). Parameters separated by ';' are
     * split at their first '='; a parameter without '=' (such as telephone-event's {@code 0-15}
     * or RED's {@code 111/111}) maps to an empty string.
     */
    public record Fmtp(String format, String parameters, Map<String, String> parameterMap) {
        public Fmtp {
            parameterMap = Collections.unmodifiableMap(new LinkedHashMap<>(parameterMap == null ? Map.of() : parameterMap));
        }

        public static Fmtp parse(String v) {
            int sp = v.indexOf(' ');
            if (sp <= 0) throw new IllegalArgumentException("fmtp needs '<format> <parameters>', got '" + v + "'");
            String format = v.substring(0, sp);
            String params = v.substring(sp + 1).strip();
            Map<String, String> map = new LinkedHashMap<>();
            for (String p : params.split(";")) {
                String t = p.strip();
                if (t.isEmpty()) continue;
                int eq = t.indexOf('=');
                if (eq < 0) map.put(t, "");
                else map.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            }
            return new Fmtp(format, params, map);
        }

        /** The value of a parameter, or null. */
        public String get(String name) {
            return parameterMap.get(name);
        }
    }

    /** {@code a=rtcp-fb:<pt>|* <type> [<parameter>]} (RFC 4585 §4.2). */
    public record RtcpFb(String payloadType, String type, String parameter) {
        public static RtcpFb parse(String v) {
            String[] f = fields(v, 2, "rtcp-fb", "<payload type or *> <feedback type> [<parameter>]");
            if (!f[0].equals("*")) number(f[0], 0, 127, "rtcp-fb payload type");
            String param = f.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(f, 2, f.length)) : null;
            return new RtcpFb(f[0], f[1], param);
        }

        /** {@code nack pli}, {@code ccm fir}, {@code transport-cc} … */
        public String feedback() {
            return parameter == null ? type : type + " " + parameter;
        }
    }

    /**
     * {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} (RFC 8285 §8). In the encrypted
     * form of RFC 6904 §4, {@code uri} is {@value #ENCRYPT} and {@code attributes} starts with
     * the URI of the extension that is sent encrypted: see {@link #encrypted()} and {@link #extension()}.
     */
    public record Extmap(int id, String direction, String uri, String attributes) {
        /** The URI that marks an encrypted header extension (RFC 6904 §4). */
        public static final String ENCRYPT = "urn:ietf:params:rtp-hdrext:encrypt";

        /** True for RFC 6904's encrypted form: the extension's element is sent encrypted with SRTP. */
        public boolean encrypted() {
            return ENCRYPT.equals(uri);
        }

        /** The URI of the extension itself: the one after {@value #ENCRYPT} in the encrypted form, else {@link #uri()}. */
        public String extension() {
            if (!encrypted()) return uri;
            if (attributes == null) return null;
            String[] w = Words.split(attributes.strip());
            return w.length == 0 || w[0].isEmpty() ? null : w[0];
        }

        public static Extmap parse(String v) {
            String[] f = fields(v, 2, "extmap", "<id>[/<direction>] <URI>");
            String idPart = f[0], dir = null;
            int slash = idPart.indexOf('/');
            if (slash >= 0) {
                dir = idPart.substring(slash + 1);
                idPart = idPart.substring(0, slash);
                if (Direction.of(dir) == null) {
                    throw new IllegalArgumentException("extmap direction '" + dir + "' must be sendonly, recvonly, sendrecv or inactive");
                }
            }
            int id = (int) number(idPart, 1, 4095, "extmap id");
            String rest = f.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(f, 2, f.length)) : null;
            if (f[1].equals(ENCRYPT) && rest == null) {
                throw new IllegalArgumentException("extmap " + id + " has RFC 6904's '" + ENCRYPT + "' but not the URI of the extension it encrypts "
                        + "(RFC 6904 §4: a=extmap:<id> " + ENCRYPT + " <extension URI>)");
            }
            return new Extmap(id, dir, f[1], rest);
        }
    }

    /** {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 §4.1). SSRCs are unsigned 32-bit: {@code long}. */
    public record SsrcAttribute(long ssrc, String attribute, String value) {
        public static SsrcAttribute parse(String v) {
            int sp = v.indexOf(' ');
            String id = sp < 0 ? v : v.substring(0, sp);
            long ssrc = number(id, 0, 0xFFFF_FFFFL, "ssrc");
            if (sp < 0) throw new IllegalArgumentException("ssrc " + id + " has no source attribute (e.g. cname:...)");
            String rest = v.substring(sp + 1).strip();
            int colon = rest.indexOf(':');
            return colon < 0 ? new SsrcAttribute(ssrc, rest, null)
                    : new SsrcAttribute(ssrc, rest.substring(0, colon), rest.substring(colon + 1));
        }
    }

    /** {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576 §4.2), e.g. FID (RTX, RFC 4588), SIM, FEC-FR. */
    public record SsrcGroup(String semantics, List<Long> ssrcs) {
        public SsrcGroup {
            ssrcs = List.copyOf(ssrcs);
        }

        public static SsrcGroup parse(String v) {
            String[] f = fields(v, 2, "ssrc-group", "<semantics> <ssrc> ...");
            List<Long> l = new ArrayList<>();
            for (int i = 1; i < f.length; i++) l.add(number(f[i], 0, 0xFFFF_FFFFL, "ssrc-group ssrc"));
            return new SsrcGroup(f[0], l);
        }
    }

    /** {@code a=group:<semantics> <mid>...} (RFC 5888 §5), e.g. BUNDLE (RFC 9143), LS. */
    public record Group(String semantics, List<String> mids) {
        public Group {
            mids = List.copyOf(mids);
        }

        public static Group parse(String v) {
            String[] f = Words.split(v.strip());
            if (f.length == 0 || f[0].isEmpty()) throw new IllegalArgumentException("group has no semantics");
            return new Group(f[0], List.of(java.util.Arrays.copyOfRange(f, 1, f.length)));
        }
    }

    /** {@code a=fingerprint:<hash function> <hex pairs>} (RFC 8122 §5). */
    public record Fingerprint(String hashFunction, String fingerprint) {
        public static Fingerprint parse(String v) {
            String[] f = fields(v, 2, "fingerprint", "<hash function> <fingerprint>");
            String fp = f[1];
            boolean ok = fp.length() >= 2 && (fp.length() + 1) % 3 == 0;
            for (int i = 0; ok && i < fp.length(); i++) {
                char c = fp.charAt(i);
                ok = (i % 3 == 2) ? c == ':' : Character.digit(c, 16) >= 0;
            }
            if (!ok) throw new IllegalArgumentException("fingerprint '" + fp + "' is not colon-separated hex bytes");
            return new Fingerprint(f[0], fp);
        }

        /** Number of bytes in the fingerprint (32 for sha-256). */
        public int bytes() {
            return (fingerprint.length() + 1) / 3;
        }
    }

    /** {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2). A stream id of "-" means no stream. */
    public record Msid(String streamId, String trackId) {
        public static Msid parse(String v) {
            String[] f = fields(v, 1, "msid", "<stream id> [<track id>]");
            if (f.length > 2) throw new IllegalArgumentException("msid has more than two fields");
            return new Msid(f[0], f.length > 1 ? f[1] : null);
        }
    }

    /** {@code a=rid:<id> send|recv [pt=..;restrictions]} (RFC 8851 §4). */
    public record Rid(String id, String direction, List<String> payloadTypes, Map<String, String> restrictions) {
        public Rid {
            payloadTypes = List.copyOf(payloadTypes);
            restrictions = Collections.unmodifiableMap(new LinkedHashMap<>(restrictions));
        }

        public static Rid parse(String v) {
            String[] f = fields(v, 2, "rid", "<id> send|recv [<restrictions>]");
            if (!f[1].equals("send") && !f[1].equals("recv")) {
                throw new IllegalArgumentException("rid direction '" + f[1] + "' must be send or recv");
            }
            List<String> pts = new ArrayList<>();
            Map<String, String> r = new LinkedHashMap<>();
            if (f.length > 2) {
                for (String p : String.join(" ", java.util.Arrays.copyOfRange(f, 2, f.length)).split(";")) {
                    String t = p.strip();
                    if (t.isEmpty()) continue;
                    int eq = t.indexOf('=');
                    String k = eq < 0 ? t : t.substring(0, eq), val = eq < 0 ? "" : t.substring(eq + 1);
                    if (k.equals("pt")) pts.addAll(List.of(val.split(",")));
                    else r.put(k, val);
                }
            }
            return new Rid(f[0], f[1], pts, r);
        }
    }

    /** One RID in a simulcast list; {@code ~} marks it paused (RFC 8853 §5.1). */
    public record SimulcastStream(String rid, boolean paused) {}

    /**
     * {@code a=simulcast:send <list> [recv <list>]} (RFC 8853 §5.1). Each list is ';'-separated
     * streams, each stream ','-separated alternatives.
     */
    public record Simulcast(List<List<SimulcastStream>> send, List<List<SimulcastStream>> recv) {
        public Simulcast {
            send = send.stream().map(List::copyOf).toList();
            recv = recv.stream().map(List::copyOf).toList();
        }

        public static Simulcast parse(String v) {
            String[] f = Words.split(v.strip());
            if (f.length % 2 != 0) throw new IllegalArgumentException("simulcast needs 'send <list>' and/or 'recv <list>'");
            List<List<SimulcastStream>> send = List.of(), recv = List.of();
            for (int i = 0; i + 1 < f.length; i += 2) {
                List<List<SimulcastStream>> list = streams(f[i + 1].startsWith("rid=") ? f[i + 1].substring(4) : f[i + 1]);
                switch (f[i]) {
                    case "send" -> send = list;
                    case "recv" -> recv = list;
                    default -> throw new IllegalArgumentException("simulcast direction '" + f[i] + "' must be send or recv");
                }
            }
            return new Simulcast(send, recv);
        }

        private static List<List<SimulcastStream>> streams(String list) {
            List<List<SimulcastStream>> out = new ArrayList<>();
            for (String stream : list.split(";", -1)) {
                if (stream.isEmpty()) throw new IllegalArgumentException("simulcast list '" + list + "' has an empty stream");
                List<SimulcastStream> alts = new ArrayList<>();
                for (String a : stream.split(",", -1)) {
                    boolean paused = a.startsWith("~");
                    String rid = paused ? a.substring(1) : a;
                    if (rid.isEmpty()) throw new IllegalArgumentException("simulcast list '" + list + "' has an empty rid");
                    alts.add(new SimulcastStream(rid, paused));
                }
                out.add(alts);
            }
            return out;
        }
    }

    /** {@code a=crypto:<tag> <suite> <key params> [<session params>]} (RFC 4568 §9.1): SDES keys, not used by WebRTC. */
    public record Crypto(int tag, String suite, String keyParams, String sessionParams) {
        public static Crypto parse(String v) {
            String[] f = fields(v, 3, "crypto", "<tag> <crypto suite> <key params> [<session params>]");
            int tag = (int) number(f[0], 0, 999_999_999, "crypto tag");
            String sess = f.length > 3 ? String.join(" ", java.util.Arrays.copyOfRange(f, 3, f.length)) : null;
            return new Crypto(tag, f[1], f[2], sess);
        }
    }

    /** {@code a=rtcp:<port> [IN IP4 <address>]} (RFC 3605 §2.1). */
    public record Rtcp(int port, String netType, String addrType, String address) {
        public static Rtcp parse(String v) {
            String[] f = fields(v, 1, "rtcp", "<port> [<nettype> <addrtype> <address>]");
            int port = (int) number(f[0], 0, 65535, "rtcp port");
            if (f.length != 1 && f.length != 4) throw new IllegalArgumentException("rtcp needs a port, optionally followed by <nettype> <addrtype> <address>");
            if (f.length == 4) addressType("rtcp", f[1], f[2]);
            return f.length == 4 ? new Rtcp(port, f[1], f[2], f[3]) : new Rtcp(port, null, null, null);
        }
    }

    /** {@code a=sctpmap:<port> <protocol> [<streams>]}: the pre-RFC 8841 data channel syntax. */
    public record SctpMap(int port, String protocol, Integer streams) {
        public static SctpMap parse(String v) {
            String[] f = fields(v, 2, "sctpmap", "<sctp port> <protocol> [<streams>]");
            int port = (int) number(f[0], 0, 65535, "sctpmap port");
            Integer streams = f.length > 2 ? (int) number(f[2], 0, 65535, "sctpmap streams") : null;
            return new SctpMap(port, f[1], streams);
        }
    }

    // ---- helpers shared by the parser ----

    /** With network type IN, RFC 8866 §5.7 has two address types: IP4 and IP6. */
    static void addressType(String what, String netType, String addrType) {
        if (netType.equals("IN") && !addrType.equals("IP4") && !addrType.equals("IP6")) {
            throw new IllegalArgumentException(what + " address type '" + addrType + "' is neither IP4 nor IP6 (network type IN, RFC 8866 §5.7)");
        }
    }

    static String[] fields(String v, int min, String what, String syntax) {
        String s = v == null ? "" : v.strip();
        String[] f = s.isEmpty() ? new String[0] : Words.split(s);
        if (f.length < min) throw new IllegalArgumentException(what + " needs '" + syntax + "', got '" + s + "'");
        return f;
    }

    /** Parses a non-negative decimal in [min, max] without overflow; message names the field. */
    static long number(String s, long min, long max, String what) {
        if (s == null || s.isEmpty()) throw new IllegalArgumentException(what + " is missing");
        if (s.length() > 19) throw new IllegalArgumentException(what + " '" + SdpLine.shorten(s) + "' is too large");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException(what + " '" + SdpLine.shorten(s) + "' is not a number");
            v = v * 10 + (c - '0');
        }
        if (v > max) throw new IllegalArgumentException(what + " " + s + " is larger than " + max);
        if (v < min) throw new IllegalArgumentException(what + " " + s + " is smaller than " + min);
        return v;
    }
}
