package org.webrtcprimer.wire;

import java.util.HexFormat;

/** Bounds-checked big-endian reads for the decoders (network byte order). */
final class Bytes {
    private Bytes() {}

    static int u8(byte[] d, int i) {
        return d[i] & 0xff;
    }

    static int u16(byte[] d, int i) {
        return ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
    }

    static int u24(byte[] d, int i) {
        return ((d[i] & 0xff) << 16) | ((d[i + 1] & 0xff) << 8) | (d[i + 2] & 0xff);
    }

    static long u32(byte[] d, int i) {
        return ((long) (d[i] & 0xff) << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
    }

    static long u48(byte[] d, int i) {
        return ((long) u16(d, i) << 32) | u32(d, i + 2);
    }

    static long u64(byte[] d, int i) {
        return (u32(d, i) << 32) | u32(d, i + 4);
    }

    static String hex(byte[] d, int from, int to) {
        return HexFormat.of().formatHex(d, from, to);
    }

    static String hex(byte[] d) {
        return d == null ? "" : HexFormat.of().formatHex(d);
    }

    static byte[] slice(byte[] d, int from, int to) {
        return java.util.Arrays.copyOfRange(d, from, to);
    }
}
