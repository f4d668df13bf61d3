package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.webrtcprimer.sdp.PlainValues.digits;
import static org.webrtcprimer.sdp.PlainValues.firstSpace;

/**
 * The syntax check of each attribute's value (rtpmap, fmtp, candidate, …): in strict mode while
 * reading, in lenient mode when the warnings are first read ({@link DeferredWarnings}). The
 * values WebRTC writes most (rtpmap, fmtp, rtcp-fb, ssrc, extmap, fingerprint, mid, ICE
 * credentials) are checked in place in the input ({@link PlainValues}); anything not in their
 * plain form goes through the full parse of {@link Attributes}, which words the problem.
 */
final class AttributeChecks {
    private AttributeChecks() {}

    /** Where a check reports: the parser itself (strict: the first problem throws), or a list. */
    interface Problems {
        void add(int line, String message, String text, boolean error);
    }

    // ------------------------------------------------------------------ the names the parser knows

    private static final int PROPERTY = 1, MEDIA_ONLY = 2, KNOWN_VALUE = 4, DIRECTION = 8;
    /** Every attribute name the parser knows; an attribute's kind is its index + 1 (0: unknown). */
    private static final String[] NAMES;
    private static final int[] FLAGS;
    /** Open addressing by {@link #hash}: the kind of each known name, to read names in place. */
    private static final int[] TABLE = new int[512];

    static {
        Set<String> all = new TreeSet<>(SdpParser.PROPERTIES);
        all.addAll(SdpParser.MEDIA_ONLY);
        all.addAll(SdpParser.KNOWN_VALUE);
        all.addAll(Set.of("msid-semantic", "extmap-allow-mixed", "ice-lite", "group", "fingerprint", "setup", "ice-ufrag", "ice-pwd",
                "ice-options", "extmap", "ssrc-group"));
        NAMES = all.toArray(new String[0]);
        FLAGS = new int[NAMES.length + 1];
        for (int k = 0; k < NAMES.length; k++) {
            String n = NAMES[k];
            FLAGS[k + 1] = (SdpParser.PROPERTIES.contains(n) ? PROPERTY : 0) | (SdpParser.MEDIA_ONLY.contains(n) ? MEDIA_ONLY : 0)
                    | (SdpParser.KNOWN_VALUE.contains(n) ? KNOWN_VALUE : 0) | (Direction.of(n) != null ? DIRECTION : 0);
            int i = hash(n, 0, n.length()) & (TABLE.length - 1);
            while (TABLE[i] != 0) i = (i + 1) & (TABLE.length - 1);
            TABLE[i] = k + 1;
        }
    }

    /** The kind of a name the parser knows, 0 for any other (or null). */
    static int kindOf(String name) {
        return name == null ? 0 : kindOf(name, 0, name.length());
    }

    /** The kind of the name s[from, to), read in place. */
    static int kindOf(String s, int from, int to) {
        if (to - from < 2) return 0; // every known name has 3 characters or more
        for (int i = hash(s, from, to) & (TABLE.length - 1); TABLE[i] != 0; i = (i + 1) & (TABLE.length - 1)) {
            String n = NAMES[TABLE[i] - 1];
            if (n.length() == to - from && s.startsWith(n, from)) return TABLE[i];
        }
        return 0;
    }

    /** Length, first, second and last character: what tells the known names apart, without reading all of a name. */
    private static int hash(String s, int from, int to) {
        return ((s.charAt(from) * 31 + s.charAt(from + 1)) * 31 + s.charAt(to - 1)) * 31 + (to - from);
    }

    /** True for sendrecv, sendonly, recvonly and inactive (Direction.of(a.name()) != null). */
    static boolean isDirection(Attribute a) {
        return (FLAGS[a.kind] & DIRECTION) != 0;
    }

    /** The kinds of a=mid and a=group. */
    static final int MID = kindOf("mid"), GROUP = kindOf("group");

    /** The name of a known kind: the one String every attribute of that name shares. */
    static String name(int kind) {
        return NAMES[kind - 1];
    }

    // ------------------------------------------------------------------ the checks

    static void check(Attribute a, Section m, SdpLine line, Problems problems) {
        try {
            checkOrThrow(a, m, line, problems);
        } catch (IllegalArgumentException e) {
            problems.add(a.line(), e.getMessage(), line.raw(), true);
        }
    }

    private static void checkOrThrow(Attribute a, Section m, SdpLine line, Problems problems) {
        String name = a.name();
        int flags = FLAGS[a.kind], no = a.line();
        if (m == null && (flags & MEDIA_ONLY) != 0) {
            problems.add(no, "a=" + name + " belongs in an m-section, not at session level", line.raw(), false);
        }
        if ((flags & PROPERTY) != 0) {
            if (a.hasValue()) problems.add(no, "a=" + name + " takes no value", line.raw(), false);
            if (m != null && (flags & DIRECTION) != 0) {
                if (m.direction) problems.add(no, "more than one direction attribute in this m-section", line.raw(), true);
                m.direction = true;
            }
            return;
        }
        if (!a.hasValue()) {
            if ((flags & KNOWN_VALUE) != 0) problems.add(no, "a=" + name + " needs a value ('a=" + name + ":…')", line.raw(), true);
            return;
        }
        if (a.kind == 0) return; // unknown or free-form attribute: kept as is
        if (!inPlace(a, m, line, problems)) byParsing(a, m, line, problems);
    }

    /** The checks that read the value in place; false when the value must be parsed instead. */
    private static boolean inPlace(Attribute a, Section m, SdpLine line, Problems problems) {
        String s = a.source;
        int from = a.valueStart, to = a.valueEnd, no = a.line();
        switch (a.name()) {
            case "rtpmap" -> {
                int sp = firstSpace(s, from, to), pt = sp < 0 ? -1 : PlainValues.rtpmap(s, from, to, sp);
                if (pt < 0) return false;
                if (m != null && !m.listed[pt] && m.rtp) {
                    problems.add(no, "rtpmap for payload type " + pt + ", which the m= line does not list", line.raw(), false);
                }
            }
            case "fmtp" -> {
                int sp = firstSpace(s, from, to);
                if (sp < 0 || !PlainValues.fmtp(s, from, to, sp)) return false;
                if (m != null && !m.lists(s, from, sp)) {
                    problems.add(no, "fmtp for format " + s.substring(from, sp) + ", which the m= line does not list", line.raw(), false);
                }
            }
            case "rtcp-fb" -> {
                int sp = firstSpace(s, from, to);
                boolean star = sp == from + 1 && s.charAt(from) == '*';
                if (sp <= from || sp >= to || !(star || digits(s, from, sp, 3, 0, 127))) return false;
                if (m != null && !star && !m.lists(s, from, sp)) {
                    problems.add(no, "rtcp-fb for payload type " + s.substring(from, sp) + ", which the m= line does not list", line.raw(), false);
                }
            }
            case "ssrc" -> {
                int sp = PlainValues.indexOf(s, ' ', from, to);
                return sp > from && digits(s, from, sp, 10, 0, 0xFFFF_FFFFL);
            }
            case "extmap" -> {
                int sp = firstSpace(s, from, to), id = sp < 0 ? -1 : PlainValues.extmap(s, from, to, sp);
                if (id < 0) return false;
                if (m != null && !m.addExtmap(id)) problems.add(no, "extmap id " + id + " is used twice in this m-section", line.raw(), true);
            }
            case "fingerprint" -> {
                int sp = firstSpace(s, from, to);
                return sp >= 0 && PlainValues.fingerprint(s, from, to, sp);
            }
            case "candidate" -> {
                return firstSpace(s, from, to) >= 0 && PlainValues.candidate(s, from, to);
            }
            case "ice-ufrag" -> iceChars(s, from, to, 4, "ice-ufrag", "RFC 8839 §5.4");
            case "ice-pwd" -> iceChars(s, from, to, 22, "ice-pwd", "RFC 8839 §5.4");
            case "mid" -> {
                int a0 = stripStart(s, from, to), b0 = stripEnd(s, a0, to);
                if (a0 == b0 || PlainValues.indexOf(s, ' ', a0, b0) >= 0) throw new IllegalArgumentException("mid '" + a.value() + "' must be one non-empty token");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The checks that parse the value (Attributes.*.parse), for every other attribute and any value not in plain form. */
    private static void byParsing(Attribute a, Section m, SdpLine line, Problems problems) {
        String name = a.name(), v = a.value(), s = v.strip();
        int no = a.line();
        switch (name) {
            case "rtpmap" -> {
                int pt = Attributes.Rtpmap.parse(v).payloadType();
                if (m != null && !m.listed[pt] && m.rtp) {
                    problems.add(no, "rtpmap for payload type " + pt + ", which the m= line does not list", line.raw(), false);
                }
            }
            case "fmtp" -> {
                Attributes.Fmtp f = Attributes.Fmtp.parse(v);
                if (m != null && !m.lists(f.format())) {
                    problems.add(no, "fmtp for format " + f.format() + ", which the m= line does not list", line.raw(), false);
                }
                String apt = f.get("apt");
                if (apt != null) Attributes.number(apt, 0, 127, "fmtp apt (associated payload type)");
            }
            case "rtcp-fb" -> {
                Attributes.RtcpFb f = Attributes.RtcpFb.parse(v);
                if (m != null && !f.payloadType().equals("*") && !m.lists(f.payloadType())) {
                    problems.add(no, "rtcp-fb for payload type " + f.payloadType() + ", which the m= line does not list", line.raw(), false);
                }
            }
            case "extmap" -> {
                Attributes.Extmap e = Attributes.Extmap.parse(v);
                if (m != null && !m.addExtmap(e.id())) problems.add(no, "extmap id " + e.id() + " is used twice in this m-section", line.raw(), true);
            }
            case "candidate" -> Candidate.parse(v);
            case "ssrc" -> Attributes.SsrcAttribute.parse(v);
            case "ssrc-group" -> Attributes.SsrcGroup.parse(v);
            case "group" -> Attributes.Group.parse(v);
            case "fingerprint" -> Attributes.Fingerprint.parse(v);
            case "msid" -> Attributes.Msid.parse(v);
            case "rid" -> Attributes.Rid.parse(v);
            case "simulcast" -> Attributes.Simulcast.parse(v);
            case "crypto" -> Attributes.Crypto.parse(v);
            case "rtcp" -> Attributes.Rtcp.parse(v);
            case "sctpmap" -> Attributes.SctpMap.parse(v);
            case "setup" -> {
                if (!Set.of("actpass", "active", "passive", "holdconn").contains(s)) {
                    throw new IllegalArgumentException("setup '" + s + "' must be actpass, active, passive or holdconn (RFC 4145 §4)");
                }
            }
            case "ice-options" -> {
                if (s.isEmpty()) throw new IllegalArgumentException("ice-options lists no option");
            }
            case "msid-semantic" -> {
                if (s.isEmpty()) throw new IllegalArgumentException("msid-semantic is empty");
            }
            case "sctp-port" -> Attributes.number(s, 0, 65535, "sctp-port");
            case "max-message-size" -> Attributes.number(s, 0, Long.MAX_VALUE, "max-message-size");
            case "ptime", "maxptime", "framerate" -> SdpParser.decimal(s, name);
            default -> { /* unknown or free-form attribute: kept as is */ }
        }
    }

    /** ice-ufrag and ice-pwd: 4 (22) to 256 ice-chars (RFC 8839 §5.4), on the stripped value s[from, to). */
    private static void iceChars(String s, int from, int to, int min, String what, String rfc) {
        int a = stripStart(s, from, to), b = stripEnd(s, a, to), len = b - a;
        if (len < min || len > 256) {
            throw new IllegalArgumentException(what + " must be " + min + " to 256 characters, got " + len + " (" + rfc + ")");
        }
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) throw new IllegalArgumentException(what + " may only use letters, digits, '+' and '/' (" + rfc + "), found "
                    + (c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'"));
        }
    }

    /** Where String.strip() would start s[from, to). */
    private static int stripStart(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.codePointAt(from))) from += Character.charCount(s.codePointAt(from));
        return from;
    }

    /** Where String.strip() would end s[from, to). */
    private static int stripEnd(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.codePointBefore(to))) to -= Character.charCount(s.codePointBefore(to));
        return to;
    }

    /** What an attribute's check needs to know of its m-section; null at session level. */
    static final class Section {
        final boolean rtp;
        /** listed[pt]: the m= line lists payload type pt written as String.valueOf(pt). */
        final boolean[] listed = new boolean[128];
        /** The formats not written that way ("096", "webrtc-datachannel"), or null. */
        private Set<String> others;
        /** How many different formats the m= line lists. */
        final int distinct;
        private long[] extmapIds;
        boolean direction;

        Section(List<String> formats, String proto) {
            this.rtp = proto.contains("RTP");
            int n = 0;
            for (String f : formats) {
                int pt = PlainValues.canonicalPt(f, 0, f.length());
                if (pt >= 0) {
                    if (!listed[pt]) n++;
                    listed[pt] = true;
                } else {
                    if (others == null) others = new java.util.HashSet<>();
                    if (others.add(f)) n++;
                }
            }
            this.distinct = n;
        }

        /** The m= line lists s[from, to) as a format, without a copy for a payload type in canonical decimal. */
        boolean lists(String s, int from, int to) {
            int pt = PlainValues.canonicalPt(s, from, to);
            return pt >= 0 ? listed[pt] : others != null && others.contains(s.substring(from, to));
        }

        boolean lists(String format) {
            return lists(format, 0, format.length());
        }

        /** Notes an extmap id (1-4095); false when this m-section has it already. */
        boolean addExtmap(int id) {
            if (extmapIds == null) extmapIds = new long[64];
            long bit = 1L << (id & 63);
            if ((extmapIds[id >>> 6] & bit) != 0) return false;
            extmapIds[id >>> 6] |= bit;
            return true;
        }
    }
}
