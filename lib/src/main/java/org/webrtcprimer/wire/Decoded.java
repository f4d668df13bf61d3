package org.webrtcprimer.wire;

/**
 * One datagram, decoded as far as its kind and encryption allow. Every decoder returns one of
 * these and never throws: what could not be read is said in {@link #problem()}.
 */
public sealed interface Decoded permits StunMessage, ChannelData, DtlsDatagram, RtpHeader, RtcpHeader, Decoded.Opaque {

    /** The kind RFC 7983 gives its first byte. */
    Kind kind();

    /** One line for a table: what it is and its most telling fields. */
    String summary();

    /** What could not be decoded (truncated, a bad length, …), or null when all of it was read. */
    String problem();

    /** A datagram of a kind the kit does not decode further, or one too broken to read at all. */
    record Opaque(Kind kind, int size, String problem) implements Decoded {
        @Override
        public String summary() {
            return kind.label() + ", " + size + " bytes" + (problem == null ? "" : " — " + problem);
        }
    }
}
