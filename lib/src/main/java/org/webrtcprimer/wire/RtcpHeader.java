package org.webrtcprimer.wire;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The RTCP packets' headers of one datagram (RFC 3550 §6.4–6.6, RFC 4585 §6.1, RFC 3611). In
 * SRTCP (RFC 3711 §3.4) only the first packet's 4-byte header and its sender SSRC are in clear;
 * the rest of a compound packet is encrypted, followed by the SRTCP index and the tag.
 *
 * @param packets       one entry per packet read (just the first when encrypted)
 * @param encrypted     true when read as SRTCP
 * @param encryptedBytes bytes after the clear first 8 (SRTCP)
 * @param firstLength   the first packet's length in bytes from its header
 * @param size          the datagram's size
 */
public record RtcpHeader(List<Packet> packets, boolean encrypted, int encryptedBytes, int firstLength, int size,
                         String problem) implements Decoded {

    /**
     * One RTCP packet header: type (200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP, 205 RTPFB, 206
     * PSFB, 207 XR), the 5-bit count or feedback format, and the sender's SSRC.
     */
    public record Packet(int type, int countOrFormat, boolean padding, int length, long senderSsrc) {
        public String name() {
            return Rtp.rtcpName(type, countOrFormat);
        }

        public String ssrcHex() {
            return String.format(Locale.ROOT, "0x%08X", senderSsrc);
        }
    }

    public RtcpHeader {
        packets = List.copyOf(packets);
    }

    @Override
    public Kind kind() {
        return Kind.RTCP;
    }

    /** The first packet (the one SRTCP leaves in clear). */
    public Packet first() {
        return packets.get(0);
    }

    @Override
    public String summary() {
        String names = packets.stream().map(p -> p.name() + " from SSRC " + p.ssrcHex()).collect(Collectors.joining(", "));
        String more = encrypted && size > firstLength ? " + " + (size - firstLength) + " more bytes (rest of a compound packet, SRTCP index and tag, encrypted)" : "";
        return "RTCP " + names + more + (problem == null ? "" : " — " + problem);
    }

    @Override
    public String toString() {
        return summary();
    }
}
