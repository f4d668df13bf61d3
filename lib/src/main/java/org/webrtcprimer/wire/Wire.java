package org.webrtcprimer.wire;

/** Decodes any datagram by its kind (RFC 7983). Never throws. */
public final class Wire {
    private Wire() {}

    /**
     * Decodes a datagram as it travels in a WebRTC call: STUN, DTLS, TURN ChannelData, SRTP and
     * SRTCP (RTCP read as SRTCP, since WebRTC always encrypts it, RFC 8827 §6.5).
     */
    public static Decoded decode(byte[] d) {
        try {
            Kind k = Kind.of(d);
            return switch (k) {
                case STUN -> Stun.decode(d);
                case DTLS -> Dtls.decode(d);
                case CHANNEL_DATA -> ChannelData.decode(d);
                case RTP -> Rtp.decode(d);
                case RTCP -> Rtp.decodeRtcp(d, true);
                default -> new Decoded.Opaque(k, d == null ? 0 : d.length,
                        k == Kind.ZRTP ? null : "first byte " + (d == null || d.length == 0 ? "missing" : String.valueOf(d[0] & 0xff))
                                + " is in none of RFC 7983's ranges");
            };
        } catch (RuntimeException | StackOverflowError e) {
            return new Decoded.Opaque(Kind.of(d), d == null ? 0 : d.length, "could not be decoded: " + e);
        }
    }
}
