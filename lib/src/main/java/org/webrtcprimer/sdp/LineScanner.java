package org.webrtcprimer.sdp;

import java.util.function.Predicate;

/**
 * The first pass of {@link SdpParser}: one scan over the characters that finds where each line
 * starts and ends (offsets into the input, no copies), which line endings are used, and the
 * characters that do not belong in SDP text (NUL, a bare CR, other controls, undecodable bytes);
 * then the checks that tell whether the input is SDP at all.
 */
final class LineScanner {
    /** The input (after a byte order mark, if any). */
    final String text;
    /** Line k (number k + 1) is text[starts[k], ends[k]), without its line ending. */
    int[] starts, ends;
    int count;
    /** "CRLF", "LF", "CR", "mixed" or "none". */
    String ending;

    private int crlf, lf, cr, firstCr;
    private int controls, firstControlLine;
    private char firstControl;
    private int nuls, firstNulLine, firstNulColumn;
    private int bareCrs, firstBareCrLine, firstBareCrColumn;

    private LineScanner(String text) {
        this.text = text;
        int guess = Math.max(8, text.length() / 24);
        starts = new int[guess];
        ends = new int[guess];
    }

    /**
     * Scans the input and reports what the scan found through {@code log}, in the order the
     * parser always has: input that is not SDP throws; then NUL, bare CR, control characters,
     * line endings, empty lines before v=0. Returns the index of the first non-blank line in
     * {@link #first}.
     */
    static LineScanner scan(String s, SdpParser log) {
        LineScanner l = new LineScanner(s);
        l.split();
        l.notBinary();
        l.first = 0;
        while (l.first < l.count && l.isBlank(l.first)) l.first++;
        l.startOfInput();
        l.reportScan(log);
        return l;
    }

    int first;

    /** Splits into lines. A CR not followed by LF ends a line only in an input without any LF (old Mac text); elsewhere it is a character inside a line. */
    private void split() {
        String s = text;
        char[] a = s.toCharArray();
        boolean anyLf = s.indexOf('\n') >= 0;
        int start = 0, n = a.length, lineNo = 1;
        for (int i = 0; i < n; i++) {
            while (i < n && (char) (a[i] - 0x20) < 0x5f) i++; // printable ASCII: nearly every character, one test
            if (i == n) break;
            char c = a[i];
            if (c == '\r' && anyLf && (i + 1 >= n || a[i + 1] != '\n')) {
                if (bareCrs++ == 0) {
                    firstBareCrLine = lineNo;
                    firstBareCrColumn = i - start + 1;
                }
            } else if (c == '\r' || c == '\n') {
                add(start, i);
                lineNo++;
                if (c == '\r' && i + 1 < n && a[i + 1] == '\n') {
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
        if (start < n) add(start, n);
        ending = cr + lf + crlf == 0 ? "none" : (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) > 1 ? "mixed"
                : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "CR";
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count++] = end;
    }

    /** The text of line index k (number k + 1). */
    String line(int k) {
        return text.substring(starts[k], ends[k]);
    }

    /** The text of the line with that number, or null. */
    String lineNumbered(int number) {
        return number >= 1 && number <= count ? line(number - 1) : null;
    }

    boolean isBlank(int k) {
        for (int i = starts[k], e = ends[k]; i < e; i++) if (!Character.isWhitespace(text.charAt(i))) return false;
        return true;
    }

    private void notBinary() {
        int odd = controls + nuls;
        if (odd > 16 && odd * 20L > text.length()) {
            int at = controls == 0 ? firstNulLine : nuls == 0 ? firstControlLine : Math.min(firstNulLine, firstControlLine);
            throw SdpParser.fatal(at,
                    "is full of control characters, NUL bytes or undecodable bytes: this looks like binary data, not SDP text", null);
        }
    }

    /** Then, in line order as far as they can be placed: what the scan found. */
    private void reportScan(SdpParser log) {
        if (nuls > 0) {
            String t = lineNumbered(firstNulLine);
            log.problem(firstNulLine, "a NUL byte (U+0000) in the " + field(t) + ", at column " + firstNulColumn
                    + (nuls > 1 ? " (" + nuls + " NUL bytes in the input)" : "") + ": SDP is text, and RFC 8866 §9's byte-string excludes NUL, CR and LF", t);
        }
        if (bareCrs > 0) {
            String t = lineNumbered(firstBareCrLine);
            log.problem(firstBareCrLine, "a bare CR (carriage return, U+000D, without LF) inside the " + field(t) + ", at column " + firstBareCrColumn
                    + (bareCrs > 1 ? " (" + bareCrs + " bare CRs in the input)" : "")
                    + ": RFC 8866 §9's byte-string excludes CR, which belongs only in the CRLF that ends a line (§5)", t);
        }
        if (controls > 0) {
            log.quirk(firstControlLine, (firstControl == '\uFFFD' ? "contains bytes that are not valid UTF-8" : String.format(
                    "contains the control character U+%04X", (int) firstControl))
                    + (controls > 1 ? " (" + controls + " such characters in the input)" : ""), null);
        }
        if (ending.equals("mixed")) {
            log.quirk(0, "mixed line endings (" + crlf + " CRLF, " + lf + " LF, " + cr
                    + " CR): RFC 8866 §5 ends lines with CRLF and tolerates LF", null);
        } else if (ending.equals("CR")) {
            log.quirk(firstCr, "lines end with CR alone: RFC 8866 §5 ends lines with CRLF (LF alone is tolerated)", null);
        }
        if (first > 0) log.quirk(1, "empty line(s) before v=0 ignored", null);
    }

    /**
     * Input that is not SDP at its start is an error in both modes, with one message that says
     * why: not text at all, HTML, JSON, line breaks written out as '\r\n', indented lines,
     * upper-case type letters, or a first line that is not v=.
     */
    private void startOfInput() {
        String text = line(first), h = text.strip();
        int number = first + 1;
        if (h.startsWith("<")) {
            throw SdpParser.fatal(number, "this looks like HTML or XML, not SDP (an SDP starts with 'v=0')", text);
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            throw SdpParser.fatal(number, "this looks like JSON, not SDP; for an RTCSessionDescription "
                    + "{\"type\":…,\"sdp\":…} pass the text of its \"sdp\" field", text);
        }
        if (isSdpLine(h) && SdpParser.escapedBreak(h)) {
            throw SdpParser.fatal(number, "the line breaks are written out as the characters '\\r\\n' (a backslash and a letter): "
                    + "this text was copied from a JSON or JavaScript string; unescape it, or pass the \"sdp\" field of the parsed JSON", text);
        }
        if (isSdpLine(h) && h.length() != text.length() && Character.isWhitespace(text.charAt(0))) {
            throw SdpParser.fatal(number, "lines are indented: " + repeated(t -> !t.isBlank() && Character.isWhitespace(t.charAt(0))
                    && isSdpLine(t.strip()), "starts", "start") + " with spaces or tabs; SDP lines begin with their type letter "
                    + "in the first column (RFC 8866 §5): remove the indentation", text);
        }
        if (isSdpLine(h) && Character.isUpperCase(h.charAt(0))) {
            throw SdpParser.fatal(number, "type letters must be lower-case: " + repeated(t -> isSdpLine(t) && Character.isUpperCase(t.charAt(0)),
                    "begins", "begin") + " with an upper-case letter ('" + h.charAt(0) + "=' here; write '"
                    + Character.toLowerCase(h.charAt(0)) + "='), and RFC 8866 §5 defines only lower-case ones", text);
        }
        if (!isSdpLine(h)) {
            throw SdpParser.fatal(number, "not an SDP line: SDP lines look like 'x=value' and the first one is 'v=0' (RFC 8866 §5)", text);
        }
        if (h.charAt(0) != 'v') {
            int v = -1;
            for (int k = first + 1; k < count && v < 0; k++) if (this.text.startsWith("v=", starts[k])) v = k + 1;
            throw SdpParser.fatal(number, "an SDP starts with 'v=0' (RFC 8866 §5.1), but the first line is " + h.charAt(0) + "="
                    + (v > 0 ? "; v= is on line " + v + " and must come first" : " and there is no v= line"), text);
        }
    }

    /** "7 lines (1, 2, 3, …) start": how many lines match, and the first few of their numbers. */
    private String repeated(Predicate<String> match, String verb1, String verbN) {
        int n = 0;
        StringBuilder numbers = new StringBuilder();
        for (int k = first; k < count; k++) {
            if (!match.test(line(k))) continue;
            if (++n <= 5) numbers.append(n == 1 ? "" : ", ").append(k + 1);
        }
        if (n > 5) numbers.append(", …");
        return n == 1 ? "line " + numbers + " " + verb1 : n + " lines (" + numbers + ") " + verbN;
    }

    /** What a line is, for a message: "a=mid line", "m= line", or "line" for a line that is not x=value. */
    static String field(String t) {
        if (t == null || !isSdpLine(t)) return "line";
        if (t.charAt(0) != 'a') return t.substring(0, 2) + " line";
        int end = 2;
        while (end < t.length() && t.charAt(end) != ':' && t.charAt(end) >= 0x20) end++;
        return t.substring(0, end) + " line";
    }

    static boolean isSdpLine(String t) {
        return t.length() >= 2 && t.charAt(1) == '=' && Character.isLetter(t.charAt(0));
    }
}
