package org.webrtcprimer.wire;

/**
 * One STUN attribute (RFC 8489 §14): its type, its name from the IANA registry (STUN, ICE's
 * RFC 8445 §16.1, TURN's RFC 8656 §18, and the ones libwebrtc adds), its value bytes and that value
 * as text. Values are copies; the record never aliases the datagram.
 *
 * @param offset where the attribute's header starts in the message
 */
public record StunAttribute(int type, String name, byte[] value, String text, int offset) {

    /** True for comprehension-required attributes (types 0x0000–0x7FFF, RFC 8489 §14). */
    public boolean comprehensionRequired() {
        return type < 0x8000;
    }

    @Override
    public String toString() {
        return name + (text.isEmpty() ? "" : " " + text);
    }
}
