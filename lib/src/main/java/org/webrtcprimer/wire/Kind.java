package org.webrtcprimer.wire;

/**
 * What a datagram is, told by its first byte as RFC 7983 §7 demultiplexes one UDP port that
 * carries STUN, ZRTP, DTLS, TURN channels and RTP/RTCP. RTP and RTCP share the range 128–191 and
 * are told apart by the second byte (RFC 5761 §4: RTCP packet types 192–223).
 */
public enum Kind {
    /** First byte 0–3: a STUN message (RFC 8489), ICE's connectivity checks or a TURN request. */
    STUN("STUN", "0–3"),
    /** First byte 16–19: ZRTP (RFC 6189); WebRTC never sends it. */
    ZRTP("ZRTP", "16–19"),
    /** First byte 20–63: a DTLS record (RFC 6347 / RFC 9147). */
    DTLS("DTLS", "20–63"),
    /** First byte 64–79: TURN ChannelData (RFC 8656 §12.4). */
    CHANNEL_DATA("TURN ChannelData", "64–79"),
    /** First byte 128–191, second byte not an RTCP type: (S)RTP (RFC 3550, RFC 3711). */
    RTP("RTP", "128–191"),
    /** First byte 128–191, second byte 192–223: (S)RTCP (RFC 3550 §6, RFC 5761 §4). */
    RTCP("RTCP", "128–191, PT 192–223"),
    /** Anything else (RFC 7983 says: drop it). */
    UNKNOWN("unknown", "other");

    private final String label;
    private final String firstByte;

    Kind(String label, String firstByte) {
        this.label = label;
        this.firstByte = firstByte;
    }

    /** The kind of a datagram; never throws (an empty or null datagram is UNKNOWN). */
    public static Kind of(byte[] d) {
        if (d == null || d.length == 0) return UNKNOWN;
        int b = d[0] & 0xff;
        if (b <= 3) return STUN;
        if (b >= 16 && b <= 19) return ZRTP;
        if (b >= 20 && b <= 63) return DTLS;
        if (b >= 64 && b <= 79) return CHANNEL_DATA;
        if (b >= 128 && b <= 191) {
            if (d.length >= 2) {
                int pt = d[1] & 0xff;
                if (pt >= 192 && pt <= 223) return RTCP;
            }
            return RTP;
        }
        return UNKNOWN;
    }

    /** The kind's name as tables show it. */
    public String label() {
        return label;
    }

    /** The range of first bytes RFC 7983 gives it. */
    public String firstByte() {
        return firstByte;
    }

    @Override
    public String toString() {
        return label;
    }
}
