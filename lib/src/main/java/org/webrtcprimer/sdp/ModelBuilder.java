package org.webrtcprimer.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second pass of {@link SdpParser}: reads the lines {@link LineScanner} found, in order, into
 * the session part and its m-sections. Lines and attributes keep offsets into the input (their
 * strings are made when read); the few lines whose fields are parsed (v, o, c, b, t, m) are read
 * by {@link FieldReaders}.
 */
final class ModelBuilder {
    private static final String SESSION_ORDER = "vosiuepcbtzka";
    private static final String MEDIA_ORDER = "micbka";

    private final SdpParser log;
    private final LineScanner scan;
    private final String text;
    private final boolean backslashes;
    private final FieldReaders.Session session = new FieldReaders.Session();
    private final List<Attribute> attrs = new ArrayList<>();
    private final List<FieldReaders.Media> media = new ArrayList<>();
    private final List<SdpLine> lines;
    private FieldReaders.Media m;
    private int seen, sessionOrder;
    private boolean sessionDirection;

    /** The line being read: number, text[start, end) as written, text[start, trimmed) without trailing white space. */
    private int no, start, end, trimmed;
    private String raw;

    ModelBuilder(SdpParser log, LineScanner scan, boolean backslashes) {
        this.log = log;
        this.scan = scan;
        this.text = scan.text;
        this.backslashes = backslashes;
        this.lines = new ArrayList<>(scan.count - scan.first);
    }

    /** The line being read, as written (made for a message only). */
    private String raw() {
        if (raw == null) raw = text.substring(start, end);
        return raw;
    }

    ParsedSdp build() {
        int last = scan.count - 1;
        while (last > scan.first && scan.starts[last] == scan.ends[last]) last--;
        for (int k = scan.first; k < scan.count; k++) {
            no = k + 1;
            start = scan.starts[k];
            end = scan.ends[k];
            raw = null;
            log.currentKey = no;
            if (start == end) {
                if (k <= last) log.quirk(no, "empty line ignored (an SDP has no empty lines, RFC 8866 §5)", null);
                continue;
            }
            line();
        }
        return finish();
    }

    /** One non-empty line. */
    private void line() {
        trimmed = end;
        while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) trimmed--;
        if (trimmed != end) log.quirk(no, "trailing white space after the value", raw());
        if (backslashes && PlainValues.indexOf(text, '\\', start, trimmed) >= 0 && SdpParser.escapedBreak(text.substring(start, trimmed))) {
            log.problem(no, "the line holds the characters '\\r\\n' or '\\n' (a backslash and a letter) where a line break belongs: "
                    + "text copied from a JSON or JavaScript string without unescaping it", raw());
        }
        if (trimmed - start < 2 || text.charAt(start + 1) != '=' || !Character.isLetter(text.charAt(start))) {
            String s = text.substring(start, trimmed).strip();
            log.problem(no, LineScanner.isSdpLine(s) ? "the line is indented: SDP lines begin with their type letter in the first column (RFC 8866 §5); ignored"
                    : "not an SDP line ('x=value' expected); ignored", raw());
            lines.add(new SdpLine(text, start, end, start, trimmed, no, '?', m == null ? -1 : m.index));
            return;
        }
        char type = text.charAt(start);
        if (type == 'm') {
            m = new FieldReaders.Media(media.size(), no);
            media.add(m);
            FieldReaders.mediaLine(m, text.substring(start + 2, trimmed), no, raw(), log);
            lines.add(new SdpLine(text, start, end, start + 2, trimmed, no, type, m.index));
            return;
        }
        SdpLine line = new SdpLine(text, start, end, start + 2, trimmed, no, type, m == null ? -1 : m.index);
        lines.add(line);
        if ("vosiuepcbtrzkam".indexOf(type) < 0) {
            if ("VOSIUEPCBTRZKAM".indexOf(type) >= 0) {
                log.problem(no, "type letters must be lower-case: '" + type + "=' is written '" + Character.toLowerCase(type)
                        + "=' (RFC 8866 §5); kept for inspection", raw());
                return;
            }
            log.quirk(no, "unknown line type '" + type + "=': RFC 8866 §5 says a parser must ignore or reject a description "
                    + "with a type letter it does not know; kept for inspection", raw());
            return;
        }
        if (!inOrder(type)) return;
        try {
            if (type == 'a') attribute(line);
            else session(type, text.substring(start + 2, trimmed));
        } catch (IllegalArgumentException e) {
            log.problem(no, e.getMessage(), raw());
        }
    }

    /** Order of lines (RFC 8866 §5): t= and r= share a rank so that t r t r … is fine. False for a line that is then ignored. */
    private boolean inOrder(char type) {
        char rank = type == 'r' ? 't' : type;
        if (m == null) {
            int idx = SESSION_ORDER.indexOf(rank);
            if (idx < sessionOrder) {
                log.problem(no, type + "= is out of order: RFC 8866 §5 puts session lines in the order v o s i u e p c b t r z k a", raw());
            } else {
                sessionOrder = idx;
            }
            if ("vosiuzk".indexOf(type) >= 0) {
                int bit = 1 << (type - 'a');
                if ((seen & bit) != 0) log.problem(no, "a second " + type + "= line at session level (only one is allowed, RFC 8866 §5)", raw());
                seen |= bit;
            }
            return true;
        }
        int idx = MEDIA_ORDER.indexOf(rank);
        if (idx < 0) {
            log.problem(no, type + "= is a session-level line and is not allowed inside an m-section (RFC 8866 §5)", raw());
            return false;
        }
        if (idx < m.order) {
            log.quirk(no, type + "= is out of order: inside an m-section RFC 8866 §5 wants m i c b k a", raw());
        } else {
            m.order = idx;
        }
        return true;
    }

    /** Every line but a= and m=: its value v read into the session or the current m-section. */
    private void session(char type, String v) {
        switch (type) {
            case 'v' -> {
                session.version = (int) Attributes.number(v, 0, Integer.MAX_VALUE, "v=");
                if (session.version != 0) log.problem(no, "v= must be 0 (RFC 8866 §5.1)", raw());
            }
            case 'o' -> session.origin = FieldReaders.origin(v, no, raw(), log);
            case 's' -> {
                session.name = v;
                if (v.isBlank()) log.quirk(no, "s= is empty: RFC 8866 §5.3 wants at least one character ('s=-' in WebRTC)", raw());
            }
            case 'i' -> {
                if (m == null) session.info = v;
                else if (m.info != null) log.problem(no, "a second i= in this m-section", raw());
                else m.info = v;
            }
            case 'u' -> session.uri = v;
            case 'e' -> session.emails.add(v);
            case 'p' -> session.phones.add(v);
            case 'c' -> {
                Connection c = FieldReaders.connection(v);
                if (m == null) {
                    if (session.connection != null) log.problem(no, "a second c= at session level", raw());
                    session.connection = c;
                } else {
                    m.conns.add(c);
                }
            }
            case 'b' -> (m == null ? session.bandwidths : m.bws).add(FieldReaders.bandwidth(v));
            case 't' -> session.timing(v);
            case 'r' -> {
                if (!session.repeat(v)) log.problem(no, "r= without a t= line before it (RFC 8866 §5.10)", raw());
            }
            case 'z' -> session.zones = v;
            case 'k' -> {
                if (m == null) session.key = v;
                else m.key = v;
            }
            default -> { /* unreachable: filtered before */ }
        }
    }

    /** An a= line: split at the first ':' in place, its name shared when the parser knows it. */
    private void attribute(SdpLine line) {
        int from = start + 2, colon = PlainValues.indexOf(text, ':', from, trimmed), nameEnd = colon < 0 ? trimmed : colon;
        if (nameEnd == from) {
            log.problem(no, "a= without an attribute name", raw());
            return;
        }
        int kind = AttributeChecks.kindOf(text, from, nameEnd);
        String name = kind > 0 ? AttributeChecks.name(kind) : text.substring(from, nameEnd);
        if (kind == 0 && name.indexOf(' ') >= 0) log.problem(no, "attribute name '" + name + "' contains a space", raw());
        Attribute a = new Attribute(no, name, kind, text, colon < 0 ? -1 : colon + 1, trimmed);
        if (m == null) {
            attrs.add(a);
            if (AttributeChecks.isDirection(a)) {
                if (sessionDirection) log.problem(no, "more than one direction attribute at session level", raw());
                sessionDirection = true;
            }
        } else {
            m.attrs.add(a);
        }
        // Lenient: each attribute's syntax is checked when the warnings are first read (DeferredWarnings).
        if (log.strict) AttributeChecks.check(a, m == null ? null : m.section, line, log::report);
    }

    private ParsedSdp finish() {
        session.endTimings();
        int endLine = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).number();
        log.currentKey = Integer.MAX_VALUE;
        if (session.origin == null) log.problem(0, "missing o= line (RFC 8866 §5.2)", null);
        if (session.name == null) log.problem(0, "missing s= line (RFC 8866 §5.3)", null);
        if (session.timings.isEmpty()) log.problem(0, "missing t= line (RFC 8866 §5.9; WebRTC writes 't=0 0')", null);
        for (FieldReaders.Media mb : media) {
            if (session.connection == null && mb.conns.isEmpty()) {
                log.quirk(mb.line, "no c= line in this m-section nor at session level (RFC 8866 §5.7)", null);
            }
        }
        checkGroups();
        Direction sessionLevel = null;
        for (Attribute a : attrs) {
            if (AttributeChecks.isDirection(a)) {
                sessionLevel = Direction.of(a.name());
                break;
            }
        }
        List<MediaSection> ms = new ArrayList<>(media.size());
        List<AttributeChecks.Section> sections = new ArrayList<>(media.size());
        for (FieldReaders.Media mb : media) {
            ms.add(mb.build(sessionLevel));
            sections.add(mb.section);
        }
        return session.build(new FrozenList<>(attrs), ms, new FrozenList<>(lines), log.warnings(endLine, attrs, ms, sections, lines), scan.ending);
    }

    /** A mid used twice; a group naming a mid no m-section has. */
    private void checkGroups() {
        Map<String, Integer> mids = new HashMap<>();
        for (FieldReaders.Media mb : media) {
            for (Attribute a : mb.attrs) {
                if (a.kind == AttributeChecks.MID && a.name().equals("mid") && a.value() != null) {
                    Integer prev = mids.put(a.value().strip(), mb.index);
                    if (prev != null) log.problem(a.line(), "mid '" + a.value().strip() + "' is used by two m-sections (RFC 5888 §4)", null);
                }
            }
        }
        for (Attribute a : attrs) {
            if (a.kind != AttributeChecks.GROUP || !a.name().equals("group") || a.value() == null) continue;
            try {
                for (String mid : Attributes.Group.parse(a.value()).mids()) {
                    if (!mids.containsKey(mid)) log.problem(a.line(), "group names mid '" + mid + "' but no m-section has it (RFC 5888 §5)", null);
                }
            } catch (IllegalArgumentException ignored) {
                // already reported
            }
        }
    }
}
