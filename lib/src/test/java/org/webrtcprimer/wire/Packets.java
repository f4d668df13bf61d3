package org.webrtcprimer.wire;

import java.io.ByteArrayOutputStream;

/** Datagrams built byte by byte per the RFCs, for tests: RTP (RFC 3550, 8285), RTCP (RFC 3550 §6), DTLS (RFC 6347). */
final class Packets {
    private Packets() {}

    static void u16(ByteArrayOutputStream o, int v) {
        o.write(v >> 8);
        o.write(v);
    }

    static void u24(ByteArrayOutputStream o, int v) {
        o.write(v >> 16);
        u16(o, v);
    }

    static void u32(ByteArrayOutputStream o, long v) {
        u16(o, (int) (v >> 16));
        u16(o, (int) v);
    }

    /** An RTP packet with one-byte header extensions (id, value…) and a payload of n bytes. */
    static byte[] rtp(int pt, int seq, long ts, long ssrc, boolean marker, int payload, byte[]... ext) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80 | (ext.length > 0 ? 0x10 : 0));
        o.write((marker ? 0x80 : 0) | pt);
        u16(o, seq);
        u32(o, ts);
        u32(o, ssrc);
        if (ext.length > 0) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            for (byte[] x : ext) {
                e.write((x[0] << 4) | (x.length - 2));
                e.write(x, 1, x.length - 1);
            }
            while (e.size() % 4 != 0) e.write(0);
            u16(o, 0xBEDE);
            u16(o, e.size() / 4);
            o.writeBytes(e.toByteArray());
        }
        for (int k = 0; k < payload; k++) o.write(k * 7);
        return o.toByteArray();
    }

    /** An RTCP sender report (RFC 3550 §6.4.1) with no report blocks, then an SDES CNAME (§6.5). */
    static byte[] rtcpSrSdes(long ssrc, String cname) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x80);
        o.write(200);
        u16(o, 6);
        u32(o, ssrc);
        u32(o, 0xE5000000L);
        u32(o, 0x10000000L);
        u32(o, 90000);
        u32(o, 12);
        u32(o, 4800);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        u32(chunk, ssrc);
        chunk.write(1); // CNAME
        chunk.write(cname.length());
        chunk.writeBytes(cname.getBytes());
        chunk.write(0); // end of the item list
        while (chunk.size() % 4 != 0) chunk.write(0);
        o.write(0x81);
        o.write(202);
        u16(o, chunk.size() / 4); // length in words minus one: header word + chunk words − 1
        o.writeBytes(chunk.toByteArray());
        return o.toByteArray();
    }

    /** A PLI (RFC 4585 §6.3.1). */
    static byte[] pli(long sender, long media) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0x81);
        o.write(206);
        u16(o, 2);
        u32(o, sender);
        u32(o, media);
        return o.toByteArray();
    }

    static byte[] record(int type, int epoch, long seq, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(type);
        u16(o, 0xFEFD);
        u16(o, epoch);
        u16(o, (int) (seq >> 32));
        u32(o, seq);
        u16(o, body.length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    static byte[] handshake(int type, int mseq, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(type);
        u24(o, body.length);
        u16(o, mseq);
        u24(o, 0);
        u24(o, body.length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    /** A DTLS 1.2 ClientHello (RFC 6347 §4.2.1) offering two ECDHE suites and use_srtp (RFC 5764 §4.1.1). */
    static byte[] clientHello() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, 0xFEFD);
        for (int k = 0; k < 32; k++) b.write(k);
        b.write(0); // session id
        b.write(0); // cookie
        u16(b, 4);
        u16(b, 0xC02B);
        u16(b, 0xC02F);
        b.write(1);
        b.write(0);
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        u16(x, 23); // extended_master_secret
        u16(x, 0);
        u16(x, 14); // use_srtp
        u16(x, 5);
        u16(x, 2);
        u16(x, 0x0001);
        x.write(0);
        u16(x, 10); // supported_groups: x25519, secp256r1
        u16(x, 6);
        u16(x, 4);
        u16(x, 0x001d);
        u16(x, 0x0017);
        u16(b, x.size());
        b.writeBytes(x.toByteArray());
        return record(22, 0, 0, handshake(1, 0, b.toByteArray()));
    }

    /** The server's first flight in one datagram: ServerHello (with use_srtp) and ServerHelloDone. */
    static byte[] serverHelloFlight() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        u16(b, 0xFEFD);
        for (int k = 0; k < 32; k++) b.write(100 + k);
        b.write(0);
        u16(b, 0xC02B);
        b.write(0);
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        u16(x, 14);
        u16(x, 5);
        u16(x, 2);
        u16(x, 0x0001);
        x.write(0);
        u16(b, x.size());
        b.writeBytes(x.toByteArray());
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(record(22, 0, 0, handshake(2, 0, b.toByteArray())));
        d.writeBytes(record(22, 0, 1, handshake(14, 1, new byte[0])));
        return d.toByteArray();
    }

    /** ChangeCipherSpec, then an encrypted Finished in epoch 1. */
    static byte[] ccsFinished() {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(record(20, 0, 2, new byte[]{1}));
        d.writeBytes(record(22, 1, 0, new byte[40]));
        return d.toByteArray();
    }
}
