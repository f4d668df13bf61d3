package org.webrtcprimer.wire;

import java.util.List;
import java.util.Locale;

/**
 * One DTLS record (RFC 6347 §4.1, DTLS 1.2 as libwebrtc speaks it): content type, version, epoch,
 * sequence number, length — and, while the epoch is 0 (before ChangeCipherSpec), the handshake
 * message it carries in clear (RFC 6347 §4.2.2). From epoch 1 on the payload is encrypted.
 *
 * @param contentType  20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data (RFC 5246 §6.2.1)
 * @param version      0xFEFF DTLS 1.0, 0xFEFD DTLS 1.2
 * @param epoch        0 before the first ChangeCipherSpec, then 1
 * @param sequence     the 48-bit record sequence number
 * @param length       the fragment's length
 * @param handshake    the handshake message when in clear, else null
 */
public record DtlsRecord(int contentType, int version, int epoch, long sequence, int length, Handshake handshake) {

    /**
     * A handshake message header (RFC 6347 §4.2.2), and for a ClientHello or ServerHello the parts a
     * learner looks at: the cipher suites offered or chosen and the extensions (use_srtp, RFC 5764 §4.1.1).
     *
     * @param type           1 ClientHello, 2 ServerHello, 11 Certificate, 16 ClientKeyExchange, 20 Finished …
     * @param cipherSuites   offered (ClientHello) or chosen (ServerHello), as hex codes
     * @param extensions     extension names in order
     * @param srtpProfiles   the use_srtp extension's protection profiles, e.g. "SRTP_AES128_CM_HMAC_SHA1_80"
     */
    public record Handshake(int type, int length, int messageSeq, int fragmentOffset, int fragmentLength,
                            List<String> cipherSuites, List<String> extensions, List<String> srtpProfiles) {
        public Handshake {
            cipherSuites = List.copyOf(cipherSuites);
            extensions = List.copyOf(extensions);
            srtpProfiles = List.copyOf(srtpProfiles);
        }

        public String name() {
            return Dtls.handshakeName(type);
        }

        /** True when this record carries only part of the message (RFC 6347 §4.2.3). */
        public boolean fragment() {
            return fragmentOffset != 0 || fragmentLength != length;
        }
    }

    /** "handshake", "application_data" … */
    public String contentName() {
        return Dtls.contentName(contentType);
    }

    /** "DTLS 1.2", "DTLS 1.0" … */
    public String versionName() {
        return switch (version) {
            case 0xFEFF -> "DTLS 1.0";
            case 0xFEFD -> "DTLS 1.2";
            case 0xFEFC -> "DTLS 1.3";
            default -> String.format(Locale.ROOT, "version 0x%04X", version);
        };
    }

    /** What the record is, in a few words: the handshake message's name, or the content type (and "encrypted"). */
    public String label() {
        if (handshake != null) return handshake.name() + (handshake.fragment() ? " (fragment)" : "");
        if (contentType == 22 && epoch > 0) return "encrypted handshake (Finished)";
        if (contentType == 23) return "application data (encrypted)";
        return contentName();
    }
}
