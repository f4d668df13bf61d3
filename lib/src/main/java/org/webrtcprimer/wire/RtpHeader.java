package org.webrtcprimer.wire;

import java.util.List;
import java.util.Locale;

/**
 * An RTP header (RFC 3550 §5.1) with its header extensions (RFC 8285 one- and two-byte forms). SRTP
 * encrypts only the payload (RFC 3711 §3.1), so all of this travels in clear; the payload, and the
 * authentication tag after it, do not.
 *
 * @param payloadType the 7-bit PT; the SDP's a=rtpmap names its codec
 * @param ssrc        the stream's synchronisation source; the SDP's a=ssrc names its track
 * @param extensionProfile 0xBEDE (one-byte), 0x100x (two-byte), another profile, or -1 without extension
 * @param extensions  the elements, in order
 * @param headerLength bytes up to the payload
 * @param payloadLength bytes after the header (encrypted payload, padding and SRTP's tag)
 */
public record RtpHeader(int version, boolean padding, boolean marker, int payloadType, int sequence, long timestamp,
                        long ssrc, List<Long> csrcs, int extensionProfile, List<Extension> extensions,
                        int headerLength, int payloadLength, String problem) implements Decoded {

    /** One header extension element (RFC 8285 §4.2, §4.3): its id (the SDP's a=extmap id) and its bytes. */
    public record Extension(int id, byte[] value) {
        public String hex() {
            return Bytes.hex(value);
        }

        @Override
        public String toString() {
            return id + "=" + hex();
        }
    }

    public RtpHeader {
        csrcs = List.copyOf(csrcs);
        extensions = List.copyOf(extensions);
    }

    @Override
    public Kind kind() {
        return Kind.RTP;
    }

    /** The extension element with this id, or null. */
    public Extension extension(int id) {
        return extensions.stream().filter(e -> e.id() == id).findFirst().orElse(null);
    }

    /** "0x" + the SSRC in hex, as Wireshark shows it. */
    public String ssrcHex() {
        return String.format(Locale.ROOT, "0x%08X", ssrc);
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "RTP PT %d, SSRC %s, seq %d, ts %d%s", payloadType, ssrcHex(),
                sequence, timestamp, marker ? ", marker" : ""));
        if (!extensions.isEmpty()) {
            s.append(", ext ");
            for (int k = 0; k < extensions.size(); k++) s.append(k == 0 ? "" : " ").append("id ").append(extensions.get(k).id());
        }
        s.append(", ").append(payloadLength).append(" bytes after the header");
        if (problem != null) s.append(" — ").append(problem);
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
