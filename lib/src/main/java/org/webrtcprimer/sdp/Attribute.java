package org.webrtcprimer.sdp;

/**
 * An {@code a=} line (RFC 8866 §5.13), split at the first ':' into a name and a value.
 * Property attributes such as {@code a=rtcp-mux} have a null value. Unknown attributes are
 * kept like any other, in order.
 */
public record Attribute(int line, String name, String value) {
    /** The attribute as written after {@code a=}. */
    public String text() {
        return value == null ? name : name + ":" + value;
    }

    @Override
    public String toString() {
        return "a=" + text();
    }
}
