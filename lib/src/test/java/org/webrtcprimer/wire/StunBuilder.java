package org.webrtcprimer.wire;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/** Builds STUN messages for tests, per RFC 8489 §5 and §14 (fixed transaction id). */
final class StunBuilder {
    private final int type;
    private final ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    static final byte[] TID = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    StunBuilder(int type) {
        this.type = type;
    }

    StunBuilder attr(int t, byte[] v) {
        attrs.write(t >> 8);
        attrs.write(t);
        attrs.write(v.length >> 8);
        attrs.write(v.length);
        attrs.writeBytes(v);
        for (int p = v.length; p % 4 != 0; p++) attrs.write(0);
        return this;
    }

    StunBuilder xorAddress(int t, byte[] ipv4, int port) {
        byte[] v = new byte[8];
        v[1] = 1;
        int xp = port ^ 0x2112;
        v[2] = (byte) (xp >> 8);
        v[3] = (byte) xp;
        byte[] cookie = {0x21, 0x12, (byte) 0xa4, 0x42};
        for (int k = 0; k < 4; k++) v[4 + k] = (byte) (ipv4[k] ^ cookie[k]);
        return attr(t, v);
    }

    byte[] build() {
        byte[] a = attrs.toByteArray();
        byte[] m = new byte[20 + a.length];
        m[0] = (byte) (type >> 8);
        m[1] = (byte) type;
        m[2] = (byte) (a.length >> 8);
        m[3] = (byte) a.length;
        m[4] = 0x21;
        m[5] = 0x12;
        m[6] = (byte) 0xa4;
        m[7] = 0x42;
        System.arraycopy(TID, 0, m, 8, 12);
        System.arraycopy(a, 0, m, 20, a.length);
        return m;
    }

    /** The message with a FINGERPRINT appended (RFC 8489 §14.7). */
    byte[] buildWithFingerprint() {
        byte[] body = build();
        int len = body.length - 20 + 8;
        body[2] = (byte) (len >> 8);
        body[3] = (byte) len;
        CRC32 crc = new CRC32();
        crc.update(body);
        long f = crc.getValue() ^ 0x5354554EL;
        byte[] m = java.util.Arrays.copyOf(body, body.length + 8);
        int i = body.length;
        m[i] = (byte) 0x80;
        m[i + 1] = 0x28;
        m[i + 3] = 4;
        m[i + 4] = (byte) (f >> 24);
        m[i + 5] = (byte) (f >> 16);
        m[i + 6] = (byte) (f >> 8);
        m[i + 7] = (byte) f;
        return m;
    }
}
