package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Words;

import org.webrtcprimer.ice.Candidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parser behind {@link Sdp#parse}. One pass over the text, one pass over the lines: time
 * and memory are linear in the input. Problems go through {@link #problem}: a warning in
 * lenient mode, an {@link SdpParseException} in strict mode. Input that is not SDP at all
 * (empty, binary, HTML, JSON) is an error in both modes.
 */
final class SdpParser {
    /** More warnings than this are counted, not kept (garbage input could produce millions). */
    static final int MAX_WARNINGS = 500;

    private static final String SESSION_ORDER = "vosiuepcbtzka";
    private static final String MEDIA_ORDER = "micbka";

    private final boolean strict;
    /** What reading the lines found, in the order found, at most MAX_WARNINGS; keys[i] orders warnings[i] among the attributes' checks. */
    private final List<SdpWarning> warnings = new ArrayList<>();
    private int[] keys = new int[16];
    private int emitted, errorsEmitted;
    /** The line being read (warnings found while reading it sort with its attribute checks); -1 before, MAX_VALUE after. */
    private int currentKey = -1;

    private SdpParser(boolean strict) {
        this.strict = strict;
    }

    static ParsedSdp parse(String input, ParseMode mode) {
        return new SdpParser(mode == ParseMode.STRICT).run(input);
    }

    /** An error: the description breaks SDP's grammar or a "must" (lenient: an error-level {@link SdpWarning}). */
    private void problem(int line, String message, String text) {
        report(line, message, text, true);
    }

    /** A quirk RFC 8866 tolerates or engines accept (lenient: a warning-level {@link SdpWarning}). */
    private void quirk(int line, String message, String text) {
        report(line, message, text, false);
    }

    private void report(int line, String message, String text, boolean error) {
        if (strict) throw new SdpParseException(line, message, text);
        emitted++;
        if (error) errorsEmitted++;
        if (warnings.size() < MAX_WARNINGS) {
            if (warnings.size() == keys.length) keys = java.util.Arrays.copyOf(keys, keys.length * 2);
            keys[warnings.size()] = currentKey;
            warnings.add(new SdpWarning(line, message, text == null ? null : SdpLine.shorten(text), error));
        }
    }

    private static SdpParseException fatal(int line, String message, String text) {
        return new SdpParseException(line, message, text);
    }

    // ------------------------------------------------------------------ reading lines

    private record RawLine(int number, String text) {}

    private ParsedSdp run(String input) {
        if (input == null) throw fatal(0, "no input (null)", null);
        String s = input;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
            quirk(1, "a UTF-8 byte order mark (BOM) precedes v=0; ignored", null);
        }
        if (s.isBlank()) throw fatal(0, "empty input: an SDP starts with 'v=0' (RFC 8866 §5.1)", null);

        // Split into lines, noting which line endings are used. A CR not followed by LF ends a
        // line only in an input without any LF (old Mac text); elsewhere it is a character inside
        // a line, and an error there.
        boolean anyLf = s.indexOf('\n') >= 0;
        List<RawLine> raw = new ArrayList<>();
        int crlf = 0, lf = 0, cr = 0, firstCr = 0;
        int start = 0, n = s.length(), lineNo = 1;
        int controls = 0, firstControlLine = 0;
        char firstControl = 0;
        int nuls = 0, firstNulLine = 0, firstNulColumn = 0;
        int bareCrs = 0, firstBareCrLine = 0, firstBareCrColumn = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) continue; // printable ASCII: nearly every character, one test
            if (c == '\r' && anyLf && (i + 1 >= n || s.charAt(i + 1) != '\n')) {
                if (bareCrs++ == 0) {
                    firstBareCrLine = lineNo;
                    firstBareCrColumn = i - start + 1;
                }
            } else if (c == '\r' || c == '\n') {
                raw.add(new RawLine(lineNo++, s.substring(start, i)));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else if (c == '\r') {
                    if (cr++ == 0) firstCr = lineNo - 1;
                } else {
                    lf++;
                }
                start = i + 1;
            } else if (c == 0) {
                if (nuls++ == 0) {
                    firstNulLine = lineNo;
                    firstNulColumn = i - start + 1;
                }
            } else if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\uFFFD') {
                if (controls++ == 0) {
                    firstControlLine = lineNo;
                    firstControl = c;
                }
            }
        }
        if (start < n) raw.add(new RawLine(lineNo, s.substring(start)));
        int odd = controls + nuls;
        if (odd > 16 && odd * 20L > n) {
            int at = controls == 0 ? firstNulLine : nuls == 0 ? firstControlLine : Math.min(firstNulLine, firstControlLine);
            throw fatal(at,
                    "is full of control characters, NUL bytes or undecodable bytes: this looks like binary data, not SDP text", null);
        }
        String ending = cr + lf + crlf == 0 ? "none" : (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) > 1 ? "mixed"
                : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "CR";

        // The first non-empty line tells whether this is SDP at all.
        int first = 0;
        while (first < raw.size() && raw.get(first).text().isBlank()) first++;
        startOfInput(raw, first);

        // Then, in line order as far as they can be placed: what the scan found.
        if (nuls > 0) {
            String t = lineText(raw, firstNulLine);
            problem(firstNulLine, "a NUL byte (U+0000) in the " + field(t) + ", at column " + firstNulColumn
                    + (nuls > 1 ? " (" + nuls + " NUL bytes in the input)" : "") + ": SDP is text, and RFC 8866 §9's byte-string excludes NUL, CR and LF", t);
        }
        if (bareCrs > 0) {
            String t = lineText(raw, firstBareCrLine);
            problem(firstBareCrLine, "a bare CR (carriage return, U+000D, without LF) inside the " + field(t) + ", at column " + firstBareCrColumn
                    + (bareCrs > 1 ? " (" + bareCrs + " bare CRs in the input)" : "")
                    + ": RFC 8866 §9's byte-string excludes CR, which belongs only in the CRLF that ends a line (§5)", t);
        }
        if (controls > 0) {
            quirk(firstControlLine, (firstControl == '\uFFFD' ? "contains bytes that are not valid UTF-8" : String.format(
                    "contains the control character U+%04X", (int) firstControl))
                    + (controls > 1 ? " (" + controls + " such characters in the input)" : ""), null);
        }
        if (ending.equals("mixed")) {
            quirk(0, "mixed line endings (" + crlf + " CRLF, " + lf + " LF, " + cr
                    + " CR): RFC 8866 §5 ends lines with CRLF and tolerates LF", null);
        } else if (ending.equals("CR")) {
            quirk(firstCr, "lines end with CR alone: RFC 8866 §5 ends lines with CRLF (LF alone is tolerated)", null);
        }
        if (first > 0) quirk(raw.get(0).number(), "empty line(s) before v=0 ignored", null);

        return build(raw.subList(first, raw.size()), ending, s.indexOf('\\') >= 0);
    }

    /**
     * Input that is not SDP at its start is an error in both modes, with one message that says
     * why: not text at all, HTML, JSON, line breaks written out as '\r\n', indented lines,
     * upper-case type letters, or a first line that is not v=.
     */
    private static void startOfInput(List<RawLine> raw, int first) {
        RawLine head = raw.get(first);
        String h = head.text().strip();
        if (h.startsWith("<")) {
            throw fatal(head.number(), "this looks like HTML or XML, not SDP (an SDP starts with 'v=0')", head.text());
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            throw fatal(head.number(), "this looks like JSON, not SDP; for an RTCSessionDescription "
                    + "{\"type\":…,\"sdp\":…} pass the text of its \"sdp\" field", head.text());
        }
        if (isSdpLine(h) && escapedBreak(h)) {
            throw fatal(head.number(), "the line breaks are written out as the characters '\\r\\n' (a backslash and a letter): "
                    + "this text was copied from a JSON or JavaScript string; unescape it, or pass the \"sdp\" field of the parsed JSON", head.text());
        }
        if (isSdpLine(h) && h.length() != head.text().length() && Character.isWhitespace(head.text().charAt(0))) {
            throw fatal(head.number(), "lines are indented: " + repeated(raw, first, t -> !t.isBlank() && Character.isWhitespace(t.charAt(0))
                    && isSdpLine(t.strip()), "line", "starts", "start") + " with spaces or tabs; SDP lines begin with their type letter "
                    + "in the first column (RFC 8866 §5): remove the indentation", head.text());
        }
        if (isSdpLine(h) && Character.isUpperCase(h.charAt(0))) {
            throw fatal(head.number(), "type letters must be lower-case: " + repeated(raw, first, t -> isSdpLine(t) && Character.isUpperCase(t.charAt(0)),
                    "line", "begins", "begin") + " with an upper-case letter ('" + h.charAt(0) + "=' here; write '"
                    + Character.toLowerCase(h.charAt(0)) + "='), and RFC 8866 §5 defines only lower-case ones", head.text());
        }
        if (!isSdpLine(h)) {
            throw fatal(head.number(), "not an SDP line: SDP lines look like 'x=value' and the first one is 'v=0' (RFC 8866 §5)", head.text());
        }
        if (h.charAt(0) != 'v') {
            int v = -1;
            for (int k = first + 1; k < raw.size() && v < 0; k++) if (raw.get(k).text().startsWith("v=")) v = raw.get(k).number();
            throw fatal(head.number(), "an SDP starts with 'v=0' (RFC 8866 §5.1), but the first line is " + h.charAt(0) + "="
                    + (v > 0 ? "; v= is on line " + v + " and must come first" : " and there is no v= line"), head.text());
        }
    }

    /** "7 lines (1, 2, 3, …) start": how many lines match, and the first few of their numbers. */
    private static String repeated(List<RawLine> raw, int first, java.util.function.Predicate<String> match, String noun, String verb1, String verbN) {
        int count = 0;
        StringBuilder numbers = new StringBuilder();
        for (int k = first; k < raw.size(); k++) {
            if (!match.test(raw.get(k).text())) continue;
            if (++count <= 5) numbers.append(count == 1 ? "" : ", ").append(raw.get(k).number());
        }
        if (count > 5) numbers.append(", …");
        return count == 1 ? "line " + numbers + " " + verb1 : count + " " + noun + "s (" + numbers + ") " + verbN;
    }

    /** The text {@code \r\n} or {@code \n} written out before another SDP line, as a JSON string holds it. */
    static boolean escapedBreak(String t) {
        for (int i = t.indexOf('\\'); i >= 0 && i + 1 < t.length(); i = t.indexOf('\\', i + 1)) {
            char c = t.charAt(i + 1);
            if (c == 'r' && t.startsWith("\\n", i + 2)) return true;
            if (c == 'n' && i + 3 < t.length() && t.charAt(i + 3) == '=' && Character.isLowerCase(t.charAt(i + 2))) return true;
        }
        return false;
    }

    private static String lineText(List<RawLine> raw, int number) {
        for (RawLine r : raw) if (r.number() == number) return r.text();
        return null;
    }

    /** What a line is, for a message: "a=mid line", "m= line", or "line" for a line that is not x=value. */
    private static String field(String t) {
        if (t == null || !isSdpLine(t)) return "line";
        if (t.charAt(0) != 'a') return t.substring(0, 2) + " line";
        int end = 2;
        while (end < t.length() && t.charAt(end) != ':' && t.charAt(end) >= 0x20) end++;
        return t.substring(0, end) + " line";
    }

    private static boolean isSdpLine(String t) {
        return t.length() >= 2 && t.charAt(1) == '=' && Character.isLetter(t.charAt(0));
    }

    // ------------------------------------------------------------------ building the model

    private static final class MB {
        int index, line, port = -1;
        Integer portCount;
        String type = "?", proto = "";
        List<String> formats = List.of();
        String info, key;
        final List<Connection> conns = new ArrayList<>();
        final List<Bandwidth> bws = new ArrayList<>();
        final List<Attribute> attrs = new ArrayList<>();
        int order;
        Section section = new Section(Set.of(), "");
        Set<String> formatSet = Set.of();

        MediaSection build(Direction sessionDirection) {
            return new MediaSection(index, line, type, port, portCount, proto, formats, info, conns, bws, key, attrs, sessionDirection);
        }
    }

    /** What an attribute's check needs to know of its m-section; null at session level. */
    private static final class Section {
        final Set<String> formatSet;
        final String proto;
        final Set<Integer> extmapIds = new HashSet<>();
        /** listed[pt]: the m= line lists payload type pt written as String.valueOf(pt), i.e. formatSet.contains(String.valueOf(pt)). */
        final boolean[] listed = new boolean[128];
        boolean direction;

        Section(Set<String> formatSet, String proto) {
            this.formatSet = formatSet;
            this.proto = proto;
            for (String f : formatSet) {
                int pt = canonicalPt(f, 0, f.length());
                if (pt >= 0) listed[pt] = true;
            }
        }

        /** formatSet.contains(v.substring(from, to)), without the copy for a payload type in canonical decimal. */
        boolean lists(String v, int from, int to) {
            int pt = canonicalPt(v, from, to);
            return pt >= 0 ? listed[pt] : formatSet.contains(v.substring(from, to));
        }
    }

    /** The number 0-127 that v[from, to) spells as String.valueOf would (no sign, no leading zero), else -1. */
    static int canonicalPt(String v, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3 || (len > 1 && v.charAt(from) == '0')) return -1;
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n <= 127 ? n : -1;
    }

    /**
     * The index of the first space of an attribute value in the plain form the fast checks
     * below read (printable ASCII and spaces only, no space at either end, so that strip() is
     * the identity and fields are split at runs of spaces), n if it has no space, -1 if the
     * value is not plain: then the full parse (Attributes.*.parse) checks it.
     */
    static int plainFirstSpace(String v) {
        int n = v.length();
        if (n == 0 || v.charAt(0) == ' ' || v.charAt(n - 1) == ' ') return -1;
        int sp = n;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == ' ') {
                if (sp == n) sp = i;
            } else if (c < 0x21 || c > 0x7e) {
                return -1;
            }
        }
        return sp;
    }

    /** Decimal digits only, 1 to maxDigits of them, value in [min, max]: what Attributes.number accepts, for a short number. */
    private static boolean digits(String v, int from, int to, int maxDigits, long min, long max) {
        int len = to - from;
        if (len < 1 || len > maxDigits) return false;
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;
            n = n * 10 + (c - '0');
        }
        return n >= min && n <= max;
    }

    /**
     * The payload type of an {@code a=rtpmap} value that Attributes.Rtpmap.parse accepts, read
     * without copies ({@code <pt> <name>/<rate>[/<channels>]}, one space); -1 when it is not of
     * that plain form, and the full parse decides (and words the problem).
     */
    static int fastRtpmap(String v, int sp) {
        int n = v.length();
        if (sp <= 0 || sp >= n || !digits(v, 0, sp, 3, 0, 127)) return -1;
        int s1 = v.indexOf('/', sp + 1);
        if (s1 <= sp + 1 || v.indexOf(' ', sp + 1) >= 0) return -1;
        int s2 = v.indexOf('/', s1 + 1);
        if (s2 < 0) {
            if (!digits(v, s1 + 1, n, 10, 1, 0xFFFF_FFFFL)) return -1;
        } else {
            if (!digits(v, s1 + 1, s2, 10, 1, 0xFFFF_FFFFL) || v.indexOf('/', s2 + 1) >= 0 || !digits(v, s2 + 1, n, 3, 1, 255)) return -1;
        }
        int pt = 0;
        for (int i = 0; i < sp; i++) pt = pt * 10 + (v.charAt(i) - '0');
        return pt;
    }

    /**
     * True when an {@code a=fmtp} value in plain form passes Attributes.Fmtp.parse and the apt
     * check (the last apt parameter, if any, a number 0-127); false: the full parse decides.
     */
    static boolean fastFmtp(String v, int sp) {
        int n = v.length();
        if (sp <= 0 || sp >= n) return false;
        int aptFrom = -1, aptTo = -1;
        boolean apt = false;
        int i = sp + 1;
        while (i <= n) {
            int end = v.indexOf(';', i);
            if (end < 0) end = n;
            int a = i, b = end;
            while (a < b && v.charAt(a) == ' ') a++;
            while (b > a && v.charAt(b - 1) == ' ') b--;
            if (a < b) {
                int eq = v.indexOf('=', a);
                if (eq < 0 || eq >= b) eq = -1;
                int ka = a, kb = eq < 0 ? b : eq;
                while (kb > ka && v.charAt(kb - 1) == ' ') kb--;
                if (kb - ka == 3 && v.startsWith("apt", ka)) {
                    apt = true;
                    if (eq < 0) {
                        aptFrom = aptTo = 0;
                    } else {
                        int va = eq + 1;
                        while (va < b && v.charAt(va) == ' ') va++;
                        aptFrom = va;
                        aptTo = b;
                    }
                }
            }
            i = end + 1;
        }
        return !apt || digits(v, aptFrom, aptTo, 3, 0, 127);
    }


    /** Where an attribute check reports: the parser itself (strict: the first problem throws), or a list. */
    private interface Problems {
        void add(int line, String message, String text, boolean error);
    }

    private ParsedSdp build(List<RawLine> raw, String ending, boolean backslashes) {
        int version = -1;
        Origin origin = null;
        String sessionName = null, info = null, uri = null, zones = null, key = null;
        List<String> emails = new ArrayList<>(), phones = new ArrayList<>();
        Connection conn = null;
        List<Bandwidth> bws = new ArrayList<>();
        List<Timing> timings = new ArrayList<>();
        List<String> repeats = null;
        long tStart = 0, tStop = 0;
        List<Attribute> attrs = new ArrayList<>();
        List<MB> media = new ArrayList<>();
        List<SdpLine> lines = new ArrayList<>(raw.size());
        Set<Character> seen = new HashSet<>();
        int sessionOrder = 0;
        boolean sessionDirection = false;
        MB m = null;
        int lastNonEmpty = raw.size() - 1;
        while (lastNonEmpty > 0 && raw.get(lastNonEmpty).text().isEmpty()) lastNonEmpty--;

        for (int k = 0; k < raw.size(); k++) {
            RawLine r = raw.get(k);
            String t = r.text();
            int no = r.number();
            currentKey = no;
            if (t.isEmpty()) {
                if (k <= lastNonEmpty) quirk(no, "empty line ignored (an SDP has no empty lines, RFC 8866 §5)", null);
                continue;
            }
            String trimmed = t.stripTrailing();
            if (trimmed.length() != t.length()) {
                quirk(no, "trailing white space after the value", t);
            }
            if (backslashes && escapedBreak(trimmed)) {
                problem(no, "the line holds the characters '\\r\\n' or '\\n' (a backslash and a letter) where a line break belongs: "
                        + "text copied from a JSON or JavaScript string without unescaping it", t);
            }
            if (!isSdpLine(trimmed)) {
                String s = trimmed.strip();
                problem(no, isSdpLine(s) ? "the line is indented: SDP lines begin with their type letter in the first column (RFC 8866 §5); ignored"
                        : "not an SDP line ('x=value' expected); ignored", t);
                lines.add(new SdpLine(no, '?', trimmed, t, m == null ? -1 : m.index));
                continue;
            }
            char type = trimmed.charAt(0);
            String v = trimmed.substring(2);
            if (type == 'm') {
                m = new MB();
                m.index = media.size();
                m.line = no;
                media.add(m);
                parseMediaLine(m, v, no, t);
                m.section = new Section(m.formatSet, m.proto);
                lines.add(new SdpLine(no, type, v, t, m.index));
                continue;
            }
            lines.add(new SdpLine(no, type, v, t, m == null ? -1 : m.index));
            if ("vosiuepcbtrzkam".indexOf(type) < 0) {
                if ("VOSIUEPCBTRZKAM".indexOf(type) >= 0) {
                    problem(no, "type letters must be lower-case: '" + type + "=' is written '" + Character.toLowerCase(type)
                            + "=' (RFC 8866 §5); kept for inspection", t);
                    continue;
                }
                quirk(no, "unknown line type '" + type + "=': RFC 8866 §5 says a parser must ignore or reject a description "
                        + "with a type letter it does not know; kept for inspection", t);
                continue;
            }
            // Order of lines (RFC 8866 §5): t= and r= share a rank so that t r t r … is fine.
            char rank = type == 'r' ? 't' : type;
            if (m == null) {
                int idx = SESSION_ORDER.indexOf(rank);
                if (idx < sessionOrder) {
                    problem(no, type + "= is out of order: RFC 8866 §5 puts session lines in the order v o s i u e p c b t r z k a", t);
                } else {
                    sessionOrder = idx;
                }
                if ("vosiuzk".indexOf(type) >= 0 && !seen.add(type)) {
                    problem(no, "a second " + type + "= line at session level (only one is allowed, RFC 8866 §5)", t);
                }
            } else {
                int idx = MEDIA_ORDER.indexOf(rank);
                if (idx < 0) {
                    problem(no, type + "= is a session-level line and is not allowed inside an m-section (RFC 8866 §5)", t);
                    continue;
                }
                if (idx < m.order) {
                    quirk(no, type + "= is out of order: inside an m-section RFC 8866 §5 wants m i c b k a", t);
                } else {
                    m.order = idx;
                }
            }
            try {
                switch (type) {
                    case 'v' -> {
                        version = (int) Attributes.number(v, 0, Integer.MAX_VALUE, "v=");
                        if (version != 0) problem(no, "v= must be 0 (RFC 8866 §5.1)", t);
                    }
                    case 'o' -> origin = parseOrigin(v, no, t);
                    case 's' -> {
                        sessionName = v;
                        if (v.isBlank()) quirk(no, "s= is empty: RFC 8866 §5.3 wants at least one character ('s=-' in WebRTC)", t);
                    }
                    case 'i' -> {
                        if (m == null) info = v;
                        else if (m.info != null) problem(no, "a second i= in this m-section", t);
                        else m.info = v;
                    }
                    case 'u' -> uri = v;
                    case 'e' -> emails.add(v);
                    case 'p' -> phones.add(v);
                    case 'c' -> {
                        Connection c = parseConnection(v);
                        if (m == null) {
                            if (conn != null) problem(no, "a second c= at session level", t);
                            conn = c;
                        } else {
                            m.conns.add(c);
                        }
                    }
                    case 'b' -> {
                        Bandwidth b = parseBandwidth(v);
                        if (m == null) bws.add(b);
                        else m.bws.add(b);
                    }
                    case 't' -> {
                        if (repeats != null) timings.add(new Timing(tStart, tStop, repeats));
                        String[] f = Attributes.fields(v, 2, "t=", "<start time> <stop time>");
                        if (f.length != 2) throw new IllegalArgumentException("t= needs exactly '<start time> <stop time>'");
                        tStart = Attributes.number(f[0], 0, Long.MAX_VALUE, "t= start time");
                        tStop = Attributes.number(f[1], 0, Long.MAX_VALUE, "t= stop time");
                        repeats = new ArrayList<>();
                    }
                    case 'r' -> {
                        if (repeats == null) problem(no, "r= without a t= line before it (RFC 8866 §5.10)", t);
                        else repeats.add(v);
                    }
                    case 'z' -> zones = v;
                    case 'k' -> {
                        if (m == null) key = v;
                        else m.key = v;
                    }
                    case 'a' -> {
                        Attribute a = attribute(v, no, t);
                        if (a == null) continue;
                        if (m == null) {
                            attrs.add(a);
                            if (Direction.of(a.name()) != null) {
                                if (sessionDirection) problem(no, "more than one direction attribute at session level", t);
                                sessionDirection = true;
                            }
                        } else {
                            m.attrs.add(a);
                        }
                        // Lenient: each attribute's syntax is checked when the warnings are first read
                        // (DeferredWarnings) — a third of the parse time, often never needed.
                        if (strict) checkAttribute(a, m == null ? null : m.section, no, t, this::report);
                    }
                    default -> { /* unreachable: filtered above */ }
                }
            } catch (IllegalArgumentException e) {
                problem(no, e.getMessage(), t);
            }
        }
        if (repeats != null) timings.add(new Timing(tStart, tStop, repeats));

        int endLine = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
        currentKey = Integer.MAX_VALUE;
        if (origin == null) problem(0, "missing o= line (RFC 8866 §5.2)", null);
        if (sessionName == null) problem(0, "missing s= line (RFC 8866 §5.3)", null);
        if (timings.isEmpty()) problem(0, "missing t= line (RFC 8866 §5.9; WebRTC writes 't=0 0')", null);
        for (MB mb : media) {
            if (conn == null && mb.conns.isEmpty()) {
                quirk(mb.line, "no c= line in this m-section nor at session level (RFC 8866 §5.7)", null);
            }
        }
        checkGroups(attrs, media);
        List<MediaSection> ms = new ArrayList<>(media.size());
        Direction sessionLevelDirection = null;
        for (Attribute a : attrs) {
            if (Direction.of(a.name()) != null) {
                sessionLevelDirection = Direction.of(a.name());
                break;
            }
        }
        for (MB mb : media) ms.add(mb.build(sessionLevelDirection));
        List<SdpWarning> all = strict ? List.of() : new DeferredWarnings(warnings, java.util.Arrays.copyOf(keys, warnings.size()),
                emitted, errorsEmitted, endLine, attrs, ms, lines);
        return new ParsedSdp(version, origin, sessionName, info, uri, emails, phones, conn, bws, timings,
                zones, key, attrs, ms, lines, all, ending);
    }

    private void parseMediaLine(MB m, String v, int no, String t) {
        String[] f = v.strip().isEmpty() ? new String[0] : Words.split(v.strip());
        if (f.length > 0) m.type = f[0];
        if (f.length < 3) {
            problem(no, "m= needs '<media> <port> <proto> <fmt> ...' (RFC 8866 §5.14), got " + f.length + " field"
                    + (f.length == 1 ? "" : "s"), t);
        }
        if (f.length > 1) {
            String p = f[1];
            int slash = p.indexOf('/');
            try {
                m.port = (int) Attributes.number(slash < 0 ? p : p.substring(0, slash), 0, 65535, "m= port");
                if (slash >= 0) m.portCount = (int) Attributes.number(p.substring(slash + 1), 1, 65535, "m= number of ports");
            } catch (IllegalArgumentException e) {
                problem(no, e.getMessage(), t);
            }
        }
        if (f.length > 2) m.proto = f[2];
        if (f.length > 3) {
            m.formats = List.of(java.util.Arrays.copyOfRange(f, 3, f.length));
            m.formatSet = new HashSet<>(m.formats);
            if (m.formatSet.size() < m.formats.size()) {
                quirk(no, "m= lists " + (m.formats.size() - m.formatSet.size()) + " format" + (m.formats.size() - m.formatSet.size() == 1 ? "" : "s")
                        + " more than once (" + m.formats.size() + " listed, " + m.formatSet.size() + " different); each counts once", t);
            }
        } else if (f.length == 3) {
            problem(no, "m= lists no formats (payload types); RFC 8866 §5.14 wants at least one", t);
        }
        if (m.proto.contains("RTP")) {
            for (String fmt : m.formats) {
                try {
                    Attributes.number(fmt, 0, 127, "RTP payload type");
                } catch (IllegalArgumentException e) {
                    problem(no, "m= format '" + fmt + "' is not an RTP payload type (0-127)", t);
                }
            }
        }
    }

    private Origin parseOrigin(String v, int no, String t) {
        String[] f = Words.split(v.strip());
        if (f.length != 6) {
            problem(no, "o= needs 6 fields (<username> <sess-id> <sess-version> <nettype> <addrtype> <address>), got "
                    + f.length + " (RFC 8866 §5.2)", t);
        }
        String[] g = java.util.Arrays.copyOf(f, 6);
        if (g[1] != null && Origin.decimal(g[1]) == null) problem(no, "o= session id '" + g[1] + "' is not a decimal number", t);
        if (g[2] != null && Origin.decimal(g[2]) == null) problem(no, "o= session version '" + g[2] + "' is not a decimal number", t);
        return new Origin(g[0], g[1], g[2], g[3], g[4], g[5]);
    }

    private static Connection parseConnection(String v) {
        String[] f = Attributes.fields(v, 3, "c=", "<nettype> <addrtype> <connection-address>");
        if (f.length != 3) throw new IllegalArgumentException("c= needs exactly '<nettype> <addrtype> <connection-address>' (RFC 8866 §5.7)");
        Attributes.addressType("c=", f[0], f[1]);
        String[] a = f[2].split("/", -1);
        Integer ttl = null, count = null;
        if (a.length > 3) throw new IllegalArgumentException("c= address '" + f[2] + "' has too many '/' parts");
        if (a.length >= 2) {
            if (f[1].equals("IP4")) ttl = (int) Attributes.number(a[1], 0, 255, "c= TTL");
            else count = (int) Attributes.number(a[1], 1, 65535, "c= number of addresses");
        }
        if (a.length == 3) count = (int) Attributes.number(a[2], 1, 65535, "c= number of addresses");
        return new Connection(f[0], f[1], a[0], ttl, count);
    }

    private static Bandwidth parseBandwidth(String v) {
        int colon = v.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("b= needs '<bwtype>:<bandwidth>' (RFC 8866 §5.8)");
        return new Bandwidth(v.substring(0, colon), Attributes.number(v.substring(colon + 1).strip(), 0, Long.MAX_VALUE, "b= bandwidth"));
    }

    private Attribute attribute(String v, int no, String t) {
        int colon = v.indexOf(':');
        String name = colon < 0 ? v : v.substring(0, colon);
        if (name.isEmpty()) {
            problem(no, "a= without an attribute name", t);
            return null;
        }
        if (name.indexOf(' ') >= 0) {
            problem(no, "attribute name '" + name + "' contains a space", t);
        }
        return new Attribute(no, name, colon < 0 ? null : v.substring(colon + 1));
    }

    private static final Set<String> PROPERTIES = Set.of("sendrecv", "sendonly", "recvonly", "inactive", "rtcp-mux",
            "rtcp-mux-only", "rtcp-rsize", "ice-lite", "end-of-candidates", "bundle-only", "extmap-allow-mixed");
    private static final Set<String> MEDIA_ONLY = Set.of("rtpmap", "fmtp", "rtcp-fb", "mid", "ssrc", "ssrc-group", "msid",
            "rid", "simulcast", "candidate", "rtcp", "rtcp-mux", "rtcp-rsize", "sctp-port", "max-message-size", "sctpmap",
            "bundle-only", "ptime", "maxptime", "framerate", "crypto");

    private static void checkAttribute(Attribute a, Section m, int no, String t, Problems problems) {
        try {
            checkAttributeOrThrow(a, m, no, t, problems);
        } catch (IllegalArgumentException e) {
            problems.add(no, e.getMessage(), t, true);
        }
    }

    private static void checkAttributeOrThrow(Attribute a, Section m, int no, String t, Problems problems) {
        String name = a.name(), v = a.value() == null ? null : a.value();
        if (m == null && MEDIA_ONLY.contains(name)) {
            problems.add(no, "a=" + name + " belongs in an m-section, not at session level", t, false);
        }
        if (PROPERTIES.contains(name)) {
            if (v != null) problems.add(no, "a=" + name + " takes no value", t, false);
            if (m != null && Direction.of(name) != null) {
                if (m.direction) problems.add(no, "more than one direction attribute in this m-section", t, true);
                m.direction = true;
            }
            return;
        }
        if (v == null) {
            if (KNOWN_VALUE.contains(name)) problems.add(no, "a=" + name + " needs a value ('a=" + name + ":…')", t, true);
            return;
        }
        String s = v.strip();
        switch (name) {
            // rtpmap, fmtp, rtcp-fb and ssrc are most of a WebRTC description's lines: a value in plain
            // form is checked without copies; anything else goes through the full parse, which words the problem.
            case "rtpmap" -> {
                int sp = plainFirstSpace(v), pt = sp < 0 ? -1 : fastRtpmap(v, sp);
                if (pt < 0) pt = Attributes.Rtpmap.parse(v).payloadType();
                if (m != null && !m.listed[pt] && m.proto.contains("RTP")) {
                    problems.add(no, "rtpmap for payload type " + pt + ", which the m= line does not list", t, false);
                }
            }
            case "fmtp" -> {
                int sp = plainFirstSpace(v);
                if (sp >= 0 && fastFmtp(v, sp)) {
                    if (m != null && !m.lists(v, 0, sp)) {
                        problems.add(no, "fmtp for format " + v.substring(0, sp) + ", which the m= line does not list", t, false);
                    }
                } else {
                    Attributes.Fmtp f = Attributes.Fmtp.parse(v);
                    if (m != null && !m.formatSet.contains(f.format())) {
                        problems.add(no, "fmtp for format " + f.format() + ", which the m= line does not list", t, false);
                    }
                    String apt = f.get("apt");
                    if (apt != null) Attributes.number(apt, 0, 127, "fmtp apt (associated payload type)");
                }
            }
            case "rtcp-fb" -> {
                int sp = plainFirstSpace(v);
                if (sp > 0 && sp < v.length() && ((sp == 1 && v.charAt(0) == '*') || digits(v, 0, sp, 3, 0, 127))) {
                    if (m != null && !(sp == 1 && v.charAt(0) == '*') && !m.lists(v, 0, sp)) {
                        problems.add(no, "rtcp-fb for payload type " + v.substring(0, sp) + ", which the m= line does not list", t, false);
                    }
                } else {
                    Attributes.RtcpFb f = Attributes.RtcpFb.parse(v);
                    if (m != null && !f.payloadType().equals("*") && !m.formatSet.contains(f.payloadType())) {
                        problems.add(no, "rtcp-fb for payload type " + f.payloadType() + ", which the m= line does not list", t, false);
                    }
                }
            }
            case "extmap" -> {
                Attributes.Extmap e = Attributes.Extmap.parse(v);
                if (m != null && !m.extmapIds.add(e.id())) problems.add(no, "extmap id " + e.id() + " is used twice in this m-section", t, true);
            }
            case "candidate" -> Candidate.parse(v);
            case "ssrc" -> {
                int sp = v.indexOf(' ');
                if (sp <= 0 || !digits(v, 0, sp, 10, 0, 0xFFFF_FFFFL)) Attributes.SsrcAttribute.parse(v);
            }
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
            case "ice-ufrag" -> iceChars(s, 4, "ice-ufrag", "RFC 8839 §5.4");
            case "ice-pwd" -> iceChars(s, 22, "ice-pwd", "RFC 8839 §5.4");
            case "ice-options" -> {
                if (s.isEmpty()) throw new IllegalArgumentException("ice-options lists no option");
            }
            case "mid" -> {
                if (s.isEmpty() || s.indexOf(' ') >= 0) throw new IllegalArgumentException("mid '" + v + "' must be one non-empty token");
            }
            case "msid-semantic" -> {
                if (s.isEmpty()) throw new IllegalArgumentException("msid-semantic is empty");
            }
            case "sctp-port" -> Attributes.number(s, 0, 65535, "sctp-port");
            case "max-message-size" -> Attributes.number(s, 0, Long.MAX_VALUE, "max-message-size");
            case "ptime", "maxptime", "framerate" -> decimal(s, name);
            default -> { /* unknown or free-form attribute: kept as is */ }
        }
    }

    private static final Set<String> KNOWN_VALUE = Set.of("rtpmap", "fmtp", "rtcp-fb", "extmap", "candidate", "ssrc",
            "ssrc-group", "group", "fingerprint", "msid", "rid", "simulcast", "crypto", "rtcp", "sctpmap", "setup",
            "ice-ufrag", "ice-pwd", "ice-options", "mid", "sctp-port", "max-message-size", "ptime", "maxptime", "framerate");

    private static void iceChars(String s, int min, String what, String rfc) {
        if (s.length() < min || s.length() > 256) {
            throw new IllegalArgumentException(what + " must be " + min + " to 256 characters, got " + s.length() + " (" + rfc + ")");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) throw new IllegalArgumentException(what + " may only use letters, digits, '+' and '/' (" + rfc + "), found "
                    + (c < 0x20 || c == 0x7f ? String.format("the control character U+%04X", (int) c) : "'" + c + "'"));
        }
    }

    private void checkGroups(List<Attribute> attrs, List<MB> media) {
        Map<String, Integer> mids = new HashMap<>();
        for (MB mb : media) {
            for (Attribute a : mb.attrs) {
                if (a.name().equals("mid") && a.value() != null) {
                    Integer prev = mids.put(a.value().strip(), mb.index);
                    if (prev != null) problem(a.line(), "mid '" + a.value().strip() + "' is used by two m-sections (RFC 5888 §4)", null);
                }
            }
        }
        for (Attribute a : attrs) {
            if (!a.name().equals("group") || a.value() == null) continue;
            try {
                for (String mid : Attributes.Group.parse(a.value()).mids()) {
                    if (!mids.containsKey(mid)) problem(a.line(), "group names mid '" + mid + "' but no m-section has it (RFC 5888 §5)", null);
                }
            } catch (IllegalArgumentException ignored) {
                // already reported
            }
        }
    }

    static double decimal(String s, String what) {
        if (s.isEmpty() || s.length() > 24) throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        boolean dot = false, digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) dot = true;
            else if (c >= '0' && c <= '9') digit = true;
            else throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        }
        if (!digit) throw new IllegalArgumentException(what + " '" + s + "' is not a number");
        return Double.parseDouble(s);
    }

    /**
     * The warnings of a lenient parse. Reading the lines gave the structural ones; each
     * attribute's syntax is checked the first time the list is read, over the parsed model, and
     * its warnings are put where the reading would have found them (after the other warnings of
     * the same line) — the same list, in the same order, with the same cap, as checking while
     * reading would give.
     */
    static final class DeferredWarnings extends java.util.AbstractList<SdpWarning> {
        private List<SdpWarning> reading;
        private int[] keys;
        private final int readingCount, readingErrors, endLine;
        private List<Attribute> sessionAttributes;
        private List<MediaSection> media;
        private List<SdpLine> lines;
        private List<SdpWarning> all;

        DeferredWarnings(List<SdpWarning> reading, int[] keys, int readingCount, int readingErrors, int endLine,
                         List<Attribute> sessionAttributes, List<MediaSection> media, List<SdpLine> lines) {
            this.reading = reading;
            this.keys = keys;
            this.readingCount = readingCount;
            this.readingErrors = readingErrors;
            this.endLine = endLine;
            this.sessionAttributes = sessionAttributes;
            this.media = media;
            this.lines = lines;
        }

        private synchronized List<SdpWarning> all() {
            if (all != null) return all;
            // the raw text of each a= line by line number (lines are in ascending order): no boxing map
            String[] raw = new String[lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1];
            for (SdpLine l : lines) if (l.type() == 'a') raw[l.number()] = l.raw();
            List<SdpWarning> checks = new ArrayList<>();
            int[] checked = {0};
            int[] checkedErrors = {0};
            Problems collect = (line, message, text, error) -> {
                checked[0]++;
                if (error) checkedErrors[0]++;
                if (checks.size() < MAX_WARNINGS) checks.add(new SdpWarning(line, message, text == null ? null : SdpLine.shorten(text), error));
            };
            for (Attribute a : sessionAttributes) checkAttribute(a, null, a.line(), raw[a.line()], collect);
            for (MediaSection m : media) {
                Section section = new Section(new HashSet<>(m.formats()), m.protocol());
                for (Attribute a : m.attributes()) checkAttribute(a, section, a.line(), raw[a.line()], collect);
            }
            // Merge: a reading warning of line L comes before the checks of line L.
            List<SdpWarning> out = new ArrayList<>(Math.min(MAX_WARNINGS, reading.size() + checks.size()) + 1);
            int i = 0, j = 0;
            while (out.size() < MAX_WARNINGS && (i < reading.size() || j < checks.size())) {
                if (j >= checks.size() || (i < reading.size() && keys[i] <= checks.get(j).line())) out.add(reading.get(i++));
                else out.add(checks.get(j++));
            }
            int suppressed = readingCount + checked[0] - out.size();
            if (suppressed > 0) {
                int listedErrors = 0;
                for (SdpWarning w : out) if (w.error()) listedErrors++;
                out.add(new SdpWarning(endLine, suppressed + " more problems not listed", null, readingErrors + checkedErrors[0] > listedErrors));
            }
            all = List.copyOf(out);
            reading = null; // what the computation needed can go
            keys = null;
            sessionAttributes = null;
            media = null;
            lines = null;
            return all;
        }

        @Override
        public SdpWarning get(int index) {
            return all().get(index);
        }

        @Override
        public int size() {
            return all().size();
        }
    }
}
