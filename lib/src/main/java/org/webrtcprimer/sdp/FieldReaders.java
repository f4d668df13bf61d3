package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines whose fields {@link ModelBuilder} reads into the model: v=, o=, c=, b=, t=/r= and
 * m= (a few per description), and the session and m-section under construction.
 */
final class FieldReaders {
    private FieldReaders() {}

    /** The session part as read so far. */
    static final class Session {
        int version = -1;
        Origin origin;
        String name, info, uri, zones, key;
        final List<String> emails = new ArrayList<>(), phones = new ArrayList<>();
        Connection connection;
        final List<Bandwidth> bandwidths = new ArrayList<>();
        final List<Timing> timings = new ArrayList<>();
        private List<String> repeats;
        private long tStart, tStop;

        /** A t= line: the previous one (with its r= lines) is complete. */
        void timing(String v) {
            if (repeats != null) timings.add(new Timing(tStart, tStop, repeats));
            String[] f = Attributes.fields(v, 2, "t=", "<start time> <stop time>");
            if (f.length != 2) throw new IllegalArgumentException("t= needs exactly '<start time> <stop time>'");
            tStart = Attributes.number(f[0], 0, Long.MAX_VALUE, "t= start time");
            tStop = Attributes.number(f[1], 0, Long.MAX_VALUE, "t= stop time");
            repeats = new ArrayList<>();
        }

        /** An r= line; false when no t= came before it. */
        boolean repeat(String v) {
            if (repeats == null) return false;
            repeats.add(v);
            return true;
        }

        void endTimings() {
            if (repeats != null) timings.add(new Timing(tStart, tStop, repeats));
        }

        ParsedSdp build(List<Attribute> attrs, List<MediaSection> media, List<SdpLine> lines, List<SdpWarning> warnings, String ending) {
            return new ParsedSdp(version, origin, name, info, uri, emails, phones, connection, bandwidths, timings,
                    zones, key, attrs, media, lines, warnings, ending);
        }
    }

    /** An m-section as read so far. */
    static final class Media {
        final int index, line;
        int port = -1;
        Integer portCount;
        String type = "?", proto = "";
        List<String> formats = List.of();
        String info, key;
        final List<Connection> conns = new ArrayList<>();
        final List<Bandwidth> bws = new ArrayList<>();
        final List<Attribute> attrs = new ArrayList<>();
        int order;
        AttributeChecks.Section section;

        Media(int index, int line) {
            this.index = index;
            this.line = line;
        }

        MediaSection build(Direction sessionDirection) {
            return new MediaSection(index, line, type, port, portCount, proto, formats, info, conns, bws, key, new FrozenList<>(attrs), sessionDirection);
        }
    }

    /** The m= line's value v: {@code <media> <port>[/<count>] <proto> <fmt> ...} (RFC 8866 §5.14). */
    static void mediaLine(Media m, String v, int no, String t, SdpParser log) {
        String[] f = mediaFields(v.strip());
        if (f.length > 0) m.type = f[0];
        if (f.length < 3) {
            log.problem(no, "m= needs '<media> <port> <proto> <fmt> ...' (RFC 8866 §5.14), got " + f.length + " field"
                    + (f.length == 1 ? "" : "s"), t);
        }
        if (f.length > 1) port(m, f[1], no, t, log);
        if (f.length > 2) m.proto = f[2];
        if (f.length > 3) m.formats = List.of(Arrays.copyOfRange(f, 3, f.length));
        m.section = new AttributeChecks.Section(m.formats, m.proto);
        if (f.length > 3) {
            int twice = m.formats.size() - m.section.distinct;
            if (twice > 0) {
                log.quirk(no, "m= lists " + twice + " format" + (twice == 1 ? "" : "s") + " more than once (" + m.formats.size()
                        + " listed, " + m.section.distinct + " different); each counts once", t);
            }
        } else if (f.length == 3) {
            log.problem(no, "m= lists no formats (payload types); RFC 8866 §5.14 wants at least one", t);
        }
        if (m.proto.contains("RTP")) {
            for (String fmt : m.formats) {
                if (!PlainValues.digits(fmt, 0, fmt.length(), 3, 0, 127)) {
                    try {
                        Attributes.number(fmt, 0, 127, "RTP payload type");
                    } catch (IllegalArgumentException e) {
                        log.problem(no, "m= format '" + fmt + "' is not an RTP payload type (0-127)", t);
                    }
                }
            }
        }
    }

    /** The payload types 0-127 as strings: the m= lines of a description list the same few dozen again and again. */
    private static final String[] PAYLOAD_TYPES = new String[128];

    static {
        for (int i = 0; i < PAYLOAD_TYPES.length; i++) PAYLOAD_TYPES[i] = String.valueOf(i).intern();
    }

    /** The space-separated fields of a stripped m= value (as Words.split), a format that is a payload type shared. */
    static String[] mediaFields(String s) {
        if (s.isEmpty()) return new String[0];
        int count = 1, n = s.length();
        for (int i = 1; i < n; i++) if (s.charAt(i) != ' ' && s.charAt(i - 1) == ' ') count++;
        String[] out = new String[count];
        int k = 0;
        for (int i = 0; i < n; ) {
            int e = i;
            while (e < n && s.charAt(e) != ' ') e++;
            int pt = k >= 3 ? PlainValues.canonicalPt(s, i, e) : -1;
            out[k++] = pt >= 0 ? PAYLOAD_TYPES[pt] : s.substring(i, e);
            while (e < n && s.charAt(e) == ' ') e++;
            i = e;
        }
        return out;
    }

    private static void port(Media m, String p, int no, String t, SdpParser log) {
        int slash = p.indexOf('/');
        try {
            m.port = (int) Attributes.number(slash < 0 ? p : p.substring(0, slash), 0, 65535, "m= port");
            if (slash >= 0) m.portCount = (int) Attributes.number(p.substring(slash + 1), 1, 65535, "m= number of ports");
        } catch (IllegalArgumentException e) {
            log.problem(no, e.getMessage(), t);
        }
    }

    static Origin origin(String v, int no, String t, SdpParser log) {
        String[] f = Words.split(v.strip());
        if (f.length != 6) {
            log.problem(no, "o= needs 6 fields (<username> <sess-id> <sess-version> <nettype> <addrtype> <address>), got "
                    + f.length + " (RFC 8866 §5.2)", t);
        }
        String[] g = Arrays.copyOf(f, 6);
        if (g[1] != null && !decimal(g[1])) log.problem(no, "o= session id '" + g[1] + "' is not a decimal number", t);
        if (g[2] != null && !decimal(g[2])) log.problem(no, "o= session version '" + g[2] + "' is not a decimal number", t);
        return new Origin(g[0], g[1], g[2], g[3], g[4], g[5]);
    }

    /** What Origin.decimal reads as a number: 1 to 40 digits. */
    private static boolean decimal(String s) {
        if (s.isEmpty() || s.length() > 40) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    static Connection connection(String v) {
        String[] f = Attributes.fields(v, 3, "c=", "<nettype> <addrtype> <connection-address>");
        if (f.length != 3) throw new IllegalArgumentException("c= needs exactly '<nettype> <addrtype> <connection-address>' (RFC 8866 §5.7)");
        Attributes.addressType("c=", f[0], f[1]);
        String[] a = f[2].indexOf('/') < 0 ? new String[]{f[2]} : f[2].split("/", -1);
        Integer ttl = null, count = null;
        if (a.length > 3) throw new IllegalArgumentException("c= address '" + f[2] + "' has too many '/' parts");
        if (a.length >= 2) {
            if (f[1].equals("IP4")) ttl = (int) Attributes.number(a[1], 0, 255, "c= TTL");
            else count = (int) Attributes.number(a[1], 1, 65535, "c= number of addresses");
        }
        if (a.length == 3) count = (int) Attributes.number(a[2], 1, 65535, "c= number of addresses");
        return new Connection(f[0], f[1], a[0], ttl, count);
    }

    static Bandwidth bandwidth(String v) {
        int colon = v.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("b= needs '<bwtype>:<bandwidth>' (RFC 8866 §5.8)");
        return new Bandwidth(v.substring(0, colon), Attributes.number(v.substring(colon + 1).strip(), 0, Long.MAX_VALUE, "b= bandwidth"));
    }
}
