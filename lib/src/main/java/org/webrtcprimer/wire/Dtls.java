package org.webrtcprimer.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the DTLS records of a datagram (RFC 6347 §4.1) and the handshake messages in clear
 * (RFC 6347 §4.2.2, RFC 5246 §7.4). {@link #decode(byte[])} never throws.
 */
public final class Dtls {
    private Dtls() {}

    private static final Map<Integer, String> HANDSHAKE = Map.ofEntries(
            Map.entry(0, "HelloRequest"), Map.entry(1, "ClientHello"), Map.entry(2, "ServerHello"),
            Map.entry(3, "HelloVerifyRequest"), Map.entry(4, "NewSessionTicket"), Map.entry(11, "Certificate"),
            Map.entry(12, "ServerKeyExchange"), Map.entry(13, "CertificateRequest"), Map.entry(14, "ServerHelloDone"),
            Map.entry(15, "CertificateVerify"), Map.entry(16, "ClientKeyExchange"), Map.entry(20, "Finished"));

    private static final Map<Integer, String> EXTENSIONS = Map.ofEntries(
            Map.entry(0, "server_name"), Map.entry(10, "supported_groups"), Map.entry(11, "ec_point_formats"),
            Map.entry(13, "signature_algorithms"), Map.entry(14, "use_srtp"), Map.entry(16, "application_layer_protocol_negotiation"),
            Map.entry(22, "encrypt_then_mac"), Map.entry(23, "extended_master_secret"), Map.entry(35, "session_ticket"),
            Map.entry(43, "supported_versions"), Map.entry(51, "key_share"), Map.entry(0xFF01, "renegotiation_info"));

    private static final Map<Integer, String> SUITES = Map.ofEntries(
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), Map.entry(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"), Map.entry(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), Map.entry(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"), Map.entry(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"), Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));

    private static final Map<Integer, String> SRTP = Map.of(
            0x0001, "SRTP_AES128_CM_HMAC_SHA1_80", 0x0002, "SRTP_AES128_CM_HMAC_SHA1_32",
            0x0007, "SRTP_AEAD_AES_128_GCM", 0x0008, "SRTP_AEAD_AES_256_GCM");

    public static String handshakeName(int type) {
        return HANDSHAKE.getOrDefault(type, "handshake type " + type);
    }

    public static String contentName(int type) {
        return switch (type) {
            case 20 -> "change_cipher_spec";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "application_data";
            case 24 -> "heartbeat";
            case 25 -> "ack";
            default -> "content type " + type;
        };
    }

    /** A cipher suite's IANA name, or its hex code. */
    public static String suiteName(int code) {
        return SUITES.getOrDefault(code, String.format(Locale.ROOT, "0x%04X", code));
    }

    /** Decodes every record of a datagram; never throws. */
    public static Decoded decode(byte[] d) {
        if (d == null) return new Decoded.Opaque(Kind.DTLS, 0, "no data");
        List<DtlsRecord> records = new ArrayList<>();
        String problem = null;
        int i = 0;
        try {
            while (i < d.length) {
                int ct = d[i] & 0xff;
                if ((ct & 0xE0) == 0x20) {
                    problem = "a DTLS 1.3 unified header (RFC 9147 §4) at offset " + i + ": encrypted, not decoded";
                    break;
                }
                if (d.length - i < 13) {
                    problem = (d.length - i) + " bytes at offset " + i + ", less than a record header (13 bytes)";
                    break;
                }
                int version = Bytes.u16(d, i + 1), epoch = Bytes.u16(d, i + 3), len = Bytes.u16(d, i + 11);
                long seq = Bytes.u48(d, i + 5);
                if (ct < 20 || ct > 25) {
                    problem = "content type " + ct + " at offset " + i + " is not a DTLS record";
                    break;
                }
                int body = i + 13, end = body + len;
                if (end > d.length) {
                    problem = "record at offset " + i + " says " + len + " bytes, " + (d.length - body) + " are left";
                    end = d.length;
                }
                DtlsRecord.Handshake hs = (ct == 22 && epoch == 0) ? handshake(d, body, end) : null;
                records.add(new DtlsRecord(ct, version, epoch, seq, len, hs));
                i = body + len;
            }
        } catch (RuntimeException e) {
            problem = "could not read the record at offset " + i + ": " + e;
        }
        if (records.isEmpty()) return new Decoded.Opaque(Kind.DTLS, d.length, problem == null ? "no record" : problem);
        return new DtlsDatagram(records, problem);
    }

    private static DtlsRecord.Handshake handshake(byte[] d, int from, int end) {
        if (end - from < 12) return null;
        int type = d[from] & 0xff, length = Bytes.u24(d, from + 1), mseq = Bytes.u16(d, from + 4);
        int off = Bytes.u24(d, from + 6), flen = Bytes.u24(d, from + 9);
        List<String> suites = new ArrayList<>(), ext = new ArrayList<>(), srtp = new ArrayList<>();
        int b = from + 12, bend = Math.min(end, b + flen);
        if (off == 0 && flen == length && bend - b == length) {
            try {
                hello(d, type, b, bend, suites, ext, srtp);
            } catch (RuntimeException e) {
                // a hello cut short or malformed keeps what was read before the fault
            }
        }
        return new DtlsRecord.Handshake(type, length, mseq, off, flen, suites, ext, srtp);
    }

    private static void hello(byte[] d, int type, int i, int end, List<String> suites, List<String> ext, List<String> srtp) {
        if (type != 1 && type != 2) return;
        i += 2 + 32; // version, random
        if (i >= end) return;
        i += 1 + (d[i] & 0xff); // session id
        if (type == 1) {
            if (i >= end) return;
            i += 1 + (d[i] & 0xff); // cookie (DTLS)
            if (i + 2 > end) return;
            int n = Bytes.u16(d, i);
            i += 2;
            for (int k = 0; k + 1 < n && i + k + 2 <= end; k += 2) suites.add(suiteName(Bytes.u16(d, i + k)));
            i += n;
            if (i >= end) return;
            i += 1 + (d[i] & 0xff); // compression methods
        } else {
            if (i + 3 > end) return;
            suites.add(suiteName(Bytes.u16(d, i)));
            i += 3; // suite, compression
        }
        if (i + 2 > end) return;
        int total = Bytes.u16(d, i);
        i += 2;
        int xend = Math.min(end, i + total);
        while (i + 4 <= xend) {
            int t = Bytes.u16(d, i), l = Bytes.u16(d, i + 2);
            ext.add(EXTENSIONS.getOrDefault(t, "extension " + t));
            if (t == 14 && i + 6 <= xend) { // use_srtp: profiles<2..2^16-1>, mki (RFC 5764 §4.1.1)
                int pl = Bytes.u16(d, i + 4);
                for (int k = 0; k + 1 < pl && i + 6 + k + 2 <= xend; k += 2) {
                    int p = Bytes.u16(d, i + 6 + k);
                    srtp.add(SRTP.getOrDefault(p, String.format(Locale.ROOT, "profile 0x%04X", p)));
                }
            }
            i += 4 + l;
        }
    }
}
