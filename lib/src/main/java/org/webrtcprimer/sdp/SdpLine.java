package org.webrtcprimer.sdp;

import java.util.Objects;

/**
 * One line of the input as read: its number, its type letter and its value. Immutable; equal
 * when all five components are equal (as a record would be).
 *
 * <p>A parsed line points into the input it came from and makes its {@link #value()} and
 * {@link #raw()} strings the first time they are asked for: most lines of a description are
 * never read as text, and copying each one was a tenth of the parse time.
 */
public final class SdpLine {
    private final int number, media;
    private final char type;
    /** The input and where this line's raw text [start, end) and value [valueStart, valueEnd) are in it. */
    private final String source;
    private final int start, end, valueStart, valueEnd;
    private String value, raw;

    /**
     * @param number 1-based line number in the input
     * @param type   the type letter before '=' ('v', 'o', 'a', 'm' …), or '?' for a line that is not
     *               of the form {@code x=value}
     * @param value  everything after '=' with trailing white space removed
     * @param raw    the line exactly as in the input, without its line ending
     * @param media  index of the m-section the line belongs to, -1 for the session part
     */
    public SdpLine(int number, char type, String value, String raw, int media) {
        this.number = number;
        this.type = type;
        this.value = value;
        this.raw = raw;
        this.media = media;
        this.source = null;
        this.start = this.end = this.valueStart = this.valueEnd = 0;
    }

    /** A line of {@code source}: raw text [start, end), value [valueStart, valueEnd). */
    SdpLine(String source, int start, int end, int valueStart, int valueEnd, int number, char type, int media) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
        this.number = number;
        this.type = type;
        this.media = media;
    }

    /** 1-based line number in the input. */
    public int number() {
        return number;
    }

    /** The type letter before '=', or '?' for a line that is not of the form {@code x=value}. */
    public char type() {
        return type;
    }

    /** Everything after '=' with trailing white space removed. */
    public String value() {
        String v = value;
        if (v == null && source != null) value = v = source.substring(valueStart, valueEnd);
        return v;
    }

    /** The line exactly as in the input, without its line ending. */
    public String raw() {
        String r = raw;
        if (r == null && source != null) raw = r = source.substring(start, end);
        return r;
    }

    /** Index of the m-section the line belongs to, -1 for the session part. */
    public int media() {
        return media;
    }

    /** The line as {@code type=value}. */
    public String text() {
        return type == '?' ? raw() : type + "=" + value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdpLine l && l.number == number && l.type == type && l.media == media
                && Objects.equals(l.value(), value()) && Objects.equals(l.raw(), raw());
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, type, value(), raw(), media);
    }

    @Override
    public String toString() {
        return number + ": " + shorten(raw());
    }

    public static String shorten(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), 120);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (s.length() > 120) b.append("… (").append(s.length()).append(" characters)");
        return b.toString();
    }
}
