package org.webrtcprimer.wire;

import java.util.Locale;

/**
 * A TURN ChannelData message (RFC 8656 §12.4): a 4-byte header — channel number (0x4000–0x4FFF)
 * and length — then the application data the channel carries, which a TURN client uses instead of
 * a Send/Data indication once ChannelBind has bound the channel to a peer.
 *
 * @param channel the channel number
 * @param length  the header's length of the data
 * @param data    the data (a copy; as many bytes as the datagram holds, up to length)
 * @param inner   the data decoded in turn (it is itself STUN, DTLS or RTP between the peers)
 */
public record ChannelData(int channel, int length, byte[] data, Decoded inner, String problem) implements Decoded {

    /** Decodes a ChannelData message; never throws. */
    public static Decoded decode(byte[] d) {
        if (d == null || d.length < 4) return new Decoded.Opaque(Kind.CHANNEL_DATA, d == null ? 0 : d.length,
                "shorter than ChannelData's 4-byte header");
        try {
            int ch = Bytes.u16(d, 0), len = Bytes.u16(d, 2);
            String problem = null;
            if (ch < 0x4000 || ch > 0x4FFF) problem = String.format(Locale.ROOT, "channel 0x%04X is outside 0x4000–0x4FFF (RFC 8656 §12)", ch);
            int have = Math.min(len, d.length - 4);
            if (have < len) problem = "length says " + len + " bytes, the datagram holds " + have;
            else if (d.length - 4 - len > 3) problem = (d.length - 4 - len) + " bytes after the data (padding is at most 3)";
            byte[] data = Bytes.slice(d, 4, 4 + have);
            Decoded inner = Kind.of(data) == Kind.CHANNEL_DATA ? new Decoded.Opaque(Kind.CHANNEL_DATA, data.length, "ChannelData inside ChannelData")
                    : Wire.decode(data);
            return new ChannelData(ch, len, data, inner, problem);
        } catch (RuntimeException e) {
            return new Decoded.Opaque(Kind.CHANNEL_DATA, d.length, "could not be read as ChannelData: " + e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.CHANNEL_DATA;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "ChannelData channel 0x%04X, %d bytes", channel, length)
                + (data.length > 0 ? ": " + inner.summary() : "") + (problem == null ? "" : " — " + problem);
    }

    @Override
    public String toString() {
        return summary();
    }
}
