package org.webrtcprimer.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The parser behind {@link Sdp#parse}. One pass over the text ({@link LineScanner}: where the
 * lines are, no copies), one pass over the lines ({@link ModelBuilder}: the model, whose lines
 * and attributes point into the input), the attributes' syntax checked in place
 * ({@link AttributeChecks}): time and memory are linear in the input. Problems go through
 * {@link #problem} and {@link #quirk}: a warning in lenient mode, an {@link SdpParseException}
 * in strict mode. Input that is not SDP at all (empty, binary, HTML, JSON) is an error in both
 * modes.
 */
final class SdpParser {
    /** More warnings than this are counted, not kept (garbage input could produce millions). */
    static final int MAX_WARNINGS = 500;

    /** Attributes that take no value. */
    static final Set<String> PROPERTIES = Set.of("sendrecv", "sendonly", "recvonly", "inactive", "rtcp-mux",
            "rtcp-mux-only", "rtcp-rsize", "ice-lite", "end-of-candidates", "bundle-only", "extmap-allow-mixed");
    /** Attributes that belong in an m-section. */
    static final Set<String> MEDIA_ONLY = Set.of("rtpmap", "fmtp", "rtcp-fb", "mid", "ssrc", "ssrc-group", "msid",
            "rid", "simulcast", "candidate", "rtcp", "rtcp-mux", "rtcp-rsize", "sctp-port", "max-message-size", "sctpmap",
            "bundle-only", "ptime", "maxptime", "framerate", "crypto");
    /** Attributes that need a value. */
    static final Set<String> KNOWN_VALUE = Set.of("rtpmap", "fmtp", "rtcp-fb", "extmap", "candidate", "ssrc",
            "ssrc-group", "group", "fingerprint", "msid", "rid", "simulcast", "crypto", "rtcp", "sctpmap", "setup",
            "ice-ufrag", "ice-pwd", "ice-options", "mid", "sctp-port", "max-message-size", "ptime", "maxptime", "framerate");

    final boolean strict;
    /** What reading the lines found, in the order found, at most MAX_WARNINGS; keys[i] orders warnings[i] among the attributes' checks. */
    private final List<SdpWarning> warnings = new ArrayList<>();
    private int[] keys = new int[16];
    private int emitted, errorsEmitted;
    /** The line being read (warnings found while reading it sort with its attribute checks); -1 before, MAX_VALUE after. */
    int currentKey = -1;

    private SdpParser(boolean strict) {
        this.strict = strict;
    }

    static ParsedSdp parse(String input, ParseMode mode) {
        return new SdpParser(mode == ParseMode.STRICT).run(input);
    }

    private ParsedSdp run(String input) {
        if (input == null) throw fatal(0, "no input (null)", null);
        String s = input;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
            quirk(1, "a UTF-8 byte order mark (BOM) precedes v=0; ignored", null);
        }
        if (s.isBlank()) throw fatal(0, "empty input: an SDP starts with 'v=0' (RFC 8866 §5.1)", null);
        LineScanner lines = LineScanner.scan(s, this);
        return new ModelBuilder(this, lines, s.indexOf('\\') >= 0).build();
    }

    /** An error: the description breaks SDP's grammar or a "must" (lenient: an error-level {@link SdpWarning}). */
    void problem(int line, String message, String text) {
        report(line, message, text, true);
    }

    /** A quirk RFC 8866 tolerates or engines accept (lenient: a warning-level {@link SdpWarning}). */
    void quirk(int line, String message, String text) {
        report(line, message, text, false);
    }

    void report(int line, String message, String text, boolean error) {
        if (strict) throw new SdpParseException(line, message, text);
        emitted++;
        if (error) errorsEmitted++;
        if (warnings.size() < MAX_WARNINGS) {
            if (warnings.size() == keys.length) keys = Arrays.copyOf(keys, keys.length * 2);
            keys[warnings.size()] = currentKey;
            warnings.add(new SdpWarning(line, message, text == null ? null : SdpLine.shorten(text), error));
        }
    }

    /** The warnings of this parse: none in strict mode (it threw), else reading's and, when first read, the attributes' checks. */
    List<SdpWarning> warnings(int endLine, List<Attribute> sessionAttributes, List<MediaSection> media,
                              List<AttributeChecks.Section> sections, List<SdpLine> lines) {
        if (strict) return List.of();
        return new DeferredWarnings(warnings, Arrays.copyOf(keys, warnings.size()), emitted, errorsEmitted, endLine,
                sessionAttributes, media, sections, lines);
    }

    static SdpParseException fatal(int line, String message, String text) {
        return new SdpParseException(line, message, text);
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

    /** ptime, maxptime, framerate: digits with at most one '.'. */
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
}
