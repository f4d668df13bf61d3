package org.webrtcprimer.sdp;

import java.util.Objects;

/**
 * An {@code a=} line (RFC 8866 §5.13), split at the first ':' into a name and a value.
 * Property attributes such as {@code a=rtcp-mux} have a null value. Unknown attributes are
 * kept like any other, in order. Immutable; equal when line, name and value are (as a record
 * would be).
 *
 * <p>A parsed attribute points into the input and makes its value string when it is first
 * asked for; the parser's checks read the value in place.
 */
public final class Attribute {
    private final int line;
    private final String name;
    /** Where the value is: source[valueStart, valueEnd); valueStart -1 for no value. */
    final String source;
    final int valueStart, valueEnd;
    /** What the parser knows of the name (see {@link AttributeChecks}), 0 for an unknown one. */
    final int kind;
    private String value;

    /**
     * @param line  the line number of the {@code a=} line
     * @param name  the text before the first ':'
     * @param value the text after it, or null when there is no ':'
     */
    public Attribute(int line, String name, String value) {
        this(line, name, AttributeChecks.kindOf(name), value, value == null ? -1 : 0, value == null ? 0 : value.length());
        this.value = value;
    }

    /** An attribute of the input: its value is source[valueStart, valueEnd), or none for valueStart -1. */
    Attribute(int line, String name, int kind, String source, int valueStart, int valueEnd) {
        this.line = line;
        this.name = name;
        this.kind = kind;
        this.source = source;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    public int line() {
        return line;
    }

    public String name() {
        return name;
    }

    /** The text after the first ':', or null for a property attribute. */
    public String value() {
        String v = value;
        if (v == null && valueStart >= 0) value = v = source.substring(valueStart, valueEnd);
        return v;
    }

    boolean hasValue() {
        return valueStart >= 0;
    }

    /** The attribute as written after {@code a=}. */
    public String text() {
        return value() == null ? name : name + ":" + value();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && a.line == line && Objects.equals(a.name, name) && Objects.equals(a.value(), value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, name, value());
    }

    @Override
    public String toString() {
        return "a=" + text();
    }
}
