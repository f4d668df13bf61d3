package org.webrtcprimer.wire;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Decodes STUN messages (RFC 8489), ICE's use of them (RFC 8445 §7) and TURN's methods and
 * attributes (RFC 8656). {@link #decode(byte[])} never throws: a message cut short keeps what was
 * read and says what was not in {@link StunMessage#problem()}.
 */
public final class Stun {
    private Stun() {}

    /** The fixed value in bytes 4–7 of every RFC 5389/8489 message (RFC 8489 §5). */
    public static final long MAGIC_COOKIE = 0x2112A442L;
    /** The value XORed into FINGERPRINT's CRC-32 (RFC 8489 §14.7): "STUN" in ASCII. */
    public static final long FINGERPRINT_XOR = 0x5354554EL;

    public static final int MAPPED_ADDRESS = 0x0001, USERNAME = 0x0006, MESSAGE_INTEGRITY = 0x0008, ERROR_CODE = 0x0009,
            UNKNOWN_ATTRIBUTES = 0x000A, CHANNEL_NUMBER = 0x000C, LIFETIME = 0x000D, XOR_PEER_ADDRESS = 0x0012, DATA = 0x0013,
            REALM = 0x0014, NONCE = 0x0015, XOR_RELAYED_ADDRESS = 0x0016, REQUESTED_ADDRESS_FAMILY = 0x0017, EVEN_PORT = 0x0018,
            REQUESTED_TRANSPORT = 0x0019, DONT_FRAGMENT = 0x001A, MESSAGE_INTEGRITY_SHA256 = 0x001C, PASSWORD_ALGORITHM = 0x001D,
            USERHASH = 0x001E, XOR_MAPPED_ADDRESS = 0x0020, RESERVATION_TOKEN = 0x0022, PRIORITY = 0x0024, USE_CANDIDATE = 0x0025,
            ADDITIONAL_ADDRESS_FAMILY = 0x8000, ADDRESS_ERROR_CODE = 0x8001, PASSWORD_ALGORITHMS = 0x8002, ALTERNATE_DOMAIN = 0x8003,
            ICMP = 0x8004, SOFTWARE = 0x8022, ALTERNATE_SERVER = 0x8023, FINGERPRINT = 0x8028, ICE_CONTROLLED = 0x8029,
            ICE_CONTROLLING = 0x802A, RESPONSE_ORIGIN = 0x802B, OTHER_ADDRESS = 0x802C, NOMINATION = 0xC001,
            GOOG_NETWORK_INFO = 0xC057, GOOG_LAST_ICE_CHECK_RECEIVED = 0xC058, GOOG_MISC_INFO = 0xC059,
            GOOG_MESSAGE_INTEGRITY_32 = 0xC060;

    public static final int BINDING = 0x001, ALLOCATE = 0x003, REFRESH = 0x004, SEND = 0x006, DATA_METHOD = 0x007,
            CREATE_PERMISSION = 0x008, CHANNEL_BIND = 0x009;

    private static final Map<Integer, String> METHODS = Map.ofEntries(
            Map.entry(BINDING, "Binding"), Map.entry(ALLOCATE, "Allocate"), Map.entry(REFRESH, "Refresh"),
            Map.entry(SEND, "Send"), Map.entry(DATA_METHOD, "Data"), Map.entry(CREATE_PERMISSION, "CreatePermission"),
            Map.entry(CHANNEL_BIND, "ChannelBind"), Map.entry(0x00A, "Connect"), Map.entry(0x00B, "ConnectionBind"),
            Map.entry(0x00C, "ConnectionAttempt"), Map.entry(0x200, "GOOG-PING"));

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(MAPPED_ADDRESS, "MAPPED-ADDRESS"), Map.entry(USERNAME, "USERNAME"),
            Map.entry(MESSAGE_INTEGRITY, "MESSAGE-INTEGRITY"), Map.entry(ERROR_CODE, "ERROR-CODE"),
            Map.entry(UNKNOWN_ATTRIBUTES, "UNKNOWN-ATTRIBUTES"), Map.entry(CHANNEL_NUMBER, "CHANNEL-NUMBER"),
            Map.entry(LIFETIME, "LIFETIME"), Map.entry(XOR_PEER_ADDRESS, "XOR-PEER-ADDRESS"), Map.entry(DATA, "DATA"),
            Map.entry(REALM, "REALM"), Map.entry(NONCE, "NONCE"), Map.entry(XOR_RELAYED_ADDRESS, "XOR-RELAYED-ADDRESS"),
            Map.entry(REQUESTED_ADDRESS_FAMILY, "REQUESTED-ADDRESS-FAMILY"), Map.entry(EVEN_PORT, "EVEN-PORT"),
            Map.entry(REQUESTED_TRANSPORT, "REQUESTED-TRANSPORT"), Map.entry(DONT_FRAGMENT, "DONT-FRAGMENT"),
            Map.entry(MESSAGE_INTEGRITY_SHA256, "MESSAGE-INTEGRITY-SHA256"), Map.entry(PASSWORD_ALGORITHM, "PASSWORD-ALGORITHM"),
            Map.entry(USERHASH, "USERHASH"), Map.entry(XOR_MAPPED_ADDRESS, "XOR-MAPPED-ADDRESS"),
            Map.entry(RESERVATION_TOKEN, "RESERVATION-TOKEN"), Map.entry(PRIORITY, "PRIORITY"),
            Map.entry(USE_CANDIDATE, "USE-CANDIDATE"), Map.entry(ADDITIONAL_ADDRESS_FAMILY, "ADDITIONAL-ADDRESS-FAMILY"),
            Map.entry(ADDRESS_ERROR_CODE, "ADDRESS-ERROR-CODE"), Map.entry(PASSWORD_ALGORITHMS, "PASSWORD-ALGORITHMS"),
            Map.entry(ALTERNATE_DOMAIN, "ALTERNATE-DOMAIN"), Map.entry(ICMP, "ICMP"), Map.entry(SOFTWARE, "SOFTWARE"),
            Map.entry(ALTERNATE_SERVER, "ALTERNATE-SERVER"), Map.entry(FINGERPRINT, "FINGERPRINT"),
            Map.entry(ICE_CONTROLLED, "ICE-CONTROLLED"), Map.entry(ICE_CONTROLLING, "ICE-CONTROLLING"),
            Map.entry(RESPONSE_ORIGIN, "RESPONSE-ORIGIN"), Map.entry(OTHER_ADDRESS, "OTHER-ADDRESS"),
            Map.entry(NOMINATION, "NOMINATION (libwebrtc)"), Map.entry(GOOG_NETWORK_INFO, "GOOG-NETWORK-INFO (libwebrtc)"),
            Map.entry(GOOG_LAST_ICE_CHECK_RECEIVED, "GOOG-LAST-ICE-CHECK-RECEIVED (libwebrtc)"),
            Map.entry(GOOG_MISC_INFO, "GOOG-MISC-INFO (libwebrtc)"),
            Map.entry(GOOG_MESSAGE_INTEGRITY_32, "GOOG-MESSAGE-INTEGRITY-32 (libwebrtc)"));

    /** A method's name, e.g. "Binding", or "method 0x…" for one the kit does not know. */
    public static String methodName(int method) {
        String n = METHODS.get(method);
        return n != null ? n : String.format(Locale.ROOT, "method 0x%03X", method);
    }

    /** An attribute type's name, e.g. "XOR-MAPPED-ADDRESS", or "attribute 0x…". */
    public static String attributeName(int type) {
        String n = NAMES.get(type);
        return n != null ? n : String.format(Locale.ROOT, "attribute 0x%04X", type);
    }

    /** True when the datagram starts like an RFC 5389/8489 STUN message: two zero bits and the magic cookie. */
    public static boolean looksLikeStun(byte[] d) {
        return d != null && d.length >= 20 && (d[0] & 0xC0) == 0 && Bytes.u32(d, 4) == MAGIC_COOKIE;
    }

    /**
     * Decodes one STUN message. Never throws; returns {@link Decoded.Opaque} when even the 20-byte
     * header is not there or the magic cookie is missing.
     */
    public static Decoded decode(byte[] d) {
        try {
            return decodeUnchecked(d);
        } catch (RuntimeException e) {
            return new Decoded.Opaque(Kind.STUN, d == null ? 0 : d.length, "could not be read as STUN: " + e);
        }
    }

    private static Decoded decodeUnchecked(byte[] d) {
        if (d == null) return new Decoded.Opaque(Kind.STUN, 0, "no data");
        if (d.length < 20) return new Decoded.Opaque(Kind.STUN, d.length, "shorter than STUN's 20-byte header (" + d.length + " bytes)");
        if ((d[0] & 0xC0) != 0) return new Decoded.Opaque(Kind.STUN, d.length, "the first two bits are not 0 (RFC 8489 §5)");
        if (Bytes.u32(d, 4) != MAGIC_COOKIE) {
            return new Decoded.Opaque(Kind.STUN, d.length, String.format(Locale.ROOT,
                    "no magic cookie (bytes 4–7 are 0x%08X, not 0x2112A442, RFC 8489 §5)", Bytes.u32(d, 4)));
        }
        int type = Bytes.u16(d, 0) & 0x3FFF;
        int cls = ((type >> 7) & 0x2) | ((type >> 4) & 0x1);
        int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        int length = Bytes.u16(d, 2);
        String tid = Bytes.hex(d, 8, 20);
        String problem = null;
        int end = 20 + length;
        if (length % 4 != 0) problem = "message length " + length + " is not a multiple of 4 (RFC 8489 §5)";
        if (end > d.length) {
            problem = "message length says " + length + " bytes after the header, the datagram has " + (d.length - 20);
            end = d.length;
        } else if (end < d.length && problem == null) {
            problem = (d.length - end) + " bytes after the message's end";
        }
        List<StunAttribute> attrs = new ArrayList<>();
        Boolean fingerprintValid = null;
        int i = 20;
        while (i < end) {
            if (end - i < 4) {
                problem = join(problem, "a " + (end - i) + "-byte scrap at offset " + i + " where an attribute header (4 bytes) should be");
                break;
            }
            int at = Bytes.u16(d, i), al = Bytes.u16(d, i + 2);
            if (i + 4 + al > end) {
                problem = join(problem, attributeName(at) + " at offset " + i + " says " + al + " bytes, only " + (end - i - 4) + " are left");
                break;
            }
            byte[] v = Bytes.slice(d, i + 4, i + 4 + al);
            attrs.add(new StunAttribute(at, attributeName(at), v, text(at, v, d), i));
            if (at == FINGERPRINT && al == 4) {
                CRC32 crc = new CRC32();
                crc.update(d, 0, i);
                fingerprintValid = ((crc.getValue() ^ FINGERPRINT_XOR) & 0xFFFFFFFFL) == Bytes.u32(v, 0);
            }
            i += 4 + ((al + 3) & ~3);
        }
        byte[] raw = Bytes.slice(d, 0, Math.min(d.length, 20 + length));
        return new StunMessage(type, StunMessage.StunClass.values()[cls], method, length, tid, attrs, fingerprintValid, problem, raw);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    static String utf8(byte[] v) {
        return new String(v, StandardCharsets.UTF_8);
    }

    /** An attribute's value as text. Never throws. */
    private static String text(int type, byte[] v, byte[] msg) {
        try {
            switch (type) {
                case USERNAME, REALM, NONCE, SOFTWARE, ALTERNATE_DOMAIN:
                    return utf8(v);
                case PRIORITY, LIFETIME, NOMINATION:
                    return v.length == 4 ? String.valueOf(Bytes.u32(v, 0)) + (type == LIFETIME ? " s" : "") : hexOrEmpty(v);
                case ICE_CONTROLLED, ICE_CONTROLLING, RESERVATION_TOKEN:
                    return v.length == 8 ? "tie-breaker " + Bytes.hex(v) : hexOrEmpty(v);
                case USE_CANDIDATE, DONT_FRAGMENT:
                    return "";
                case XOR_MAPPED_ADDRESS, XOR_PEER_ADDRESS, XOR_RELAYED_ADDRESS: {
                    InetSocketAddress a = xorAddress(v, msg);
                    return a == null ? "malformed address " + hexOrEmpty(v) : show(a);
                }
                case MAPPED_ADDRESS, ALTERNATE_SERVER, RESPONSE_ORIGIN, OTHER_ADDRESS: {
                    InetSocketAddress a = plainAddress(v);
                    return a == null ? "malformed address " + hexOrEmpty(v) : show(a);
                }
                case ERROR_CODE:
                    return v.length >= 4 ? ((v[2] & 7) * 100 + (v[3] & 0xff)) + " " + utf8(Arrays.copyOfRange(v, 4, v.length)) : hexOrEmpty(v);
                case CHANNEL_NUMBER:
                    return v.length >= 2 ? String.format(Locale.ROOT, "0x%04X", Bytes.u16(v, 0)) : hexOrEmpty(v);
                case REQUESTED_TRANSPORT:
                    return v.length >= 1 ? (v[0] & 0xff) + ((v[0] & 0xff) == 17 ? " (UDP)" : (v[0] & 0xff) == 6 ? " (TCP)" : "") : "";
                case REQUESTED_ADDRESS_FAMILY, ADDITIONAL_ADDRESS_FAMILY:
                    return v.length >= 1 ? ((v[0] & 0xff) == 1 ? "IPv4" : (v[0] & 0xff) == 2 ? "IPv6" : "family " + (v[0] & 0xff)) : "";
                case DATA:
                    return v.length + " bytes" + (v.length > 0 ? " (" + Kind.of(v).label() + ")" : "");
                case MESSAGE_INTEGRITY, MESSAGE_INTEGRITY_SHA256, FINGERPRINT, GOOG_MESSAGE_INTEGRITY_32:
                    return Bytes.hex(v);
                case GOOG_NETWORK_INFO:
                    return v.length == 4 ? "network id " + Bytes.u16(v, 0) + ", cost " + Bytes.u16(v, 2) : hexOrEmpty(v);
                case UNKNOWN_ATTRIBUTES: {
                    List<String> names = new ArrayList<>();
                    for (int k = 0; k + 1 < v.length; k += 2) names.add(attributeName(Bytes.u16(v, k)));
                    return String.join(", ", names);
                }
                default:
                    return hexOrEmpty(v);
            }
        } catch (RuntimeException e) {
            return hexOrEmpty(v);
        }
    }

    private static String hexOrEmpty(byte[] v) {
        return v.length <= 32 ? Bytes.hex(v) : Bytes.hex(v, 0, 32) + "… (" + v.length + " bytes)";
    }

    /** An XOR-…-ADDRESS value (RFC 8489 §14.2): port XOR the cookie's top 16 bits, address XOR cookie (+ transaction id for IPv6). */
    static InetSocketAddress xorAddress(byte[] v, byte[] msg) {
        if (v.length < 8 || msg.length < 20) return null;
        int family = v[1] & 0xff;
        int port = Bytes.u16(v, 2) ^ (int) (MAGIC_COOKIE >>> 16);
        byte[] a;
        if (family == 1 && v.length == 8) {
            a = new byte[4];
            for (int k = 0; k < 4; k++) a[k] = (byte) (v[4 + k] ^ msg[4 + k]);
        } else if (family == 2 && v.length == 20) {
            a = new byte[16];
            for (int k = 0; k < 16; k++) a[k] = (byte) (v[4 + k] ^ msg[4 + k]);
        } else {
            return null;
        }
        return socket(a, port);
    }

    static InetSocketAddress plainAddress(byte[] v) {
        if (v.length < 8) return null;
        int family = v[1] & 0xff;
        if (family == 1 && v.length == 8) return socket(Arrays.copyOfRange(v, 4, 8), Bytes.u16(v, 2));
        if (family == 2 && v.length == 20) return socket(Arrays.copyOfRange(v, 4, 20), Bytes.u16(v, 2));
        return null;
    }

    private static InetSocketAddress socket(byte[] a, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(a), port);
        } catch (java.net.UnknownHostException e) {
            return null; // only for a wrong length, which the callers exclude
        }
    }

    /** "192.0.2.1:32853" or "[2001:db8::1]:32853", without host names. */
    public static String show(InetSocketAddress a) {
        if (a == null) return "";
        String h = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    /** TURN's long-term credential key (RFC 8489 §9.2.2): MD5(username ":" realm ":" password), password already SASLprep'd. */
    public static byte[] longTermKey(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5").digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    static boolean integrityValid(StunMessage m, byte[] key) {
        if (key == null) return false;
        StunAttribute mi = m.attribute(MESSAGE_INTEGRITY).orElse(null);
        if (mi == null || mi.value().length != 20 || m.raw().length < mi.offset() + 24) return false;
        try {
            // HMAC over the message up to MESSAGE-INTEGRITY, its length field counting up to MI's end (RFC 8489 §14.5).
            byte[] covered = Arrays.copyOf(m.raw(), mi.offset());
            int len = mi.offset() + 24 - 20;
            covered[2] = (byte) (len >> 8);
            covered[3] = (byte) len;
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
            return MessageDigest.isEqual(mac.doFinal(covered), mi.value()) && key.length > 0;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
